/**
 * One MCP session the panel keeps open between runs. Settings are fixed for
 * a session's life (they travel in the URL of `initialize`), so asking for
 * different settings ends the old session (HTTP DELETE) and starts a new one.
 */
import { connectDojoClient, type DojoConnection } from '@/lib/mcp/client/connect';
import { ProtocolTrace } from '@/lib/mcp/client/trace';
import type { PanelSettings } from '@/lib/lessons/schema';

const CLIENT_INFO = { name: 'mcp-dojo-lesson', version: '0.1.0' };

interface OpenSession {
  key: string;
  connection: Promise<DojoConnection>;
}

export function settingsKey(settings: PanelSettings): string {
  return [settings.backend, settings.strategy, settings.scenario, settings.size, settings.token, settings.output ?? ''].join('|');
}

export class SessionSlot {
  /** Every message of the current session; cleared when a new session starts. */
  readonly trace = new ProtocolTrace();
  #current: OpenSession | undefined;

  constructor(readonly endpoint: string = '/api/mcp') {}

  /** The open session if its settings match, otherwise a new one (the old one is closed first). */
  ensure(settings: PanelSettings): Promise<DojoConnection> {
    const key = settingsKey(settings);
    if (this.#current?.key === key) return this.#current.connection;
    const previous = this.#current?.connection;
    const session: OpenSession = { key, connection: this.#open(settings, previous, () => this.#forget(session)) };
    this.#current = session;
    // A failed connect must not be reused: the next run tries again.
    session.connection.catch(() => this.#forget(session));
    return session.connection;
  }

  /** Ends the session on the server (DELETE). Safe to call when nothing is open. */
  close(): void {
    const connection = this.#current?.connection;
    this.#current = undefined;
    void connection?.then((open) => open.close()).catch(() => undefined);
  }

  async #open(settings: PanelSettings, previous: Promise<DojoConnection> | undefined, onClose: () => void): Promise<DojoConnection> {
    await previous?.then((open) => open.close()).catch(() => undefined);
    this.trace.clear();
    // The server can end a session too (it idled out): onClose makes the next run reconnect.
    return connectDojoClient({ endpoint: this.endpoint, settings, trace: this.trace, clientInfo: CLIENT_INFO, onClose });
  }

  #forget(session: OpenSession): void {
    if (this.#current === session) this.#current = undefined;
  }
}
