/**
 * A connection for widgets that call `ensure()` and then read the trace
 * (the architecture lesson's "three faces"). The server keeps no session, so
 * the slot keeps none either: every `ensure()` opens a fresh connection (its
 * trace shows the whole exchange) and closes the previous one, which holds no
 * HTTP connection anyway. New code runs its calls with `runOnConnection()`
 * (lib/mcp/client/run.ts), which also gives every request a timeout.
 */
import { connectDojoClient, type DojoConnection, type ProtocolChoice } from '@/lib/mcp/client/connect';
import { HttpExchangeLog } from '@/lib/mcp/client/http-log';
import { ProtocolTrace } from '@/lib/mcp/client/trace';
import type { PanelSettings } from '@/lib/lessons/schema';
import { endpointSettings } from './live-settings';

const CLIENT_INFO = { name: 'mcp-dojo-lesson', version: '0.2.0' };

export class SessionSlot {
  /** Every message of the latest connection; cleared when a new one opens. */
  readonly trace = new ProtocolTrace();
  readonly http = new HttpExchangeLog();
  #current: Promise<DojoConnection> | undefined;

  constructor(
    readonly endpoint: string = '/api/mcp',
    readonly options: { protocol?: ProtocolChoice; workspace?: string } = {},
  ) {}

  /** A fresh connection with these settings (the previous one is closed first). */
  ensure(settings: PanelSettings): Promise<DojoConnection> {
    const previous = this.#current;
    this.#current = (async () => {
      await previous?.then((open) => open.close()).catch(() => undefined);
      this.trace.clear();
      this.http.clear();
      return connectDojoClient({
        endpoint: this.endpoint,
        settings: endpointSettings(settings, this.options.workspace ?? 'default'),
        protocol: this.options.protocol,
        trace: this.trace,
        http: this.http,
        clientInfo: CLIENT_INFO,
      });
    })();
    return this.#current;
  }

  /** Aborts whatever the connection still has in flight. Safe to call when nothing is open. */
  close(): void {
    const connection = this.#current;
    this.#current = undefined;
    void connection?.then((open) => open.close()).catch(() => undefined);
  }
}
