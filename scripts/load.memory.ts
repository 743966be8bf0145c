/**
 * Memory of the server under load: RSS from /proc/<pid>/status, after a garbage collection forced through the
 * inspector protocol (`HeapProfiler.collectGarbage` over the inspector's WebSocket). Without a forced GC, RSS
 * after a burst mostly measures garbage that has not been collected yet.
 */
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';

export interface MemorySample {
  rssKb: number;
  /** V8 heap in use, from `process.memoryUsage()` in the server (undefined without the inspector). */
  heapUsedKb: number | undefined;
  gc: boolean;
}

export class Inspector {
  #nextId = 1;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { id?: number; result?: unknown; error?: { message: string } };
      const waiter = message.id === undefined ? undefined : this.#pending.get(message.id);
      if (!waiter || message.id === undefined) return;
      this.#pending.delete(message.id);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    });
  }

  static async connect(port: number): Promise<Inspector> {
    const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{ webSocketDebuggerUrl: string }>;
    const url = targets[0]?.webSocketDebuggerUrl;
    if (!url) throw new Error(`no inspector target on 127.0.0.1:${port}`);
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new Inspector(socket);
  }

  send(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`inspector: ${method} got no answer in 60 s`));
      }, 60_000);
      this.#pending.set(id, {
        resolve: (value) => (clearTimeout(timer), resolve(value)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  async collectGarbage(): Promise<void> {
    // Twice: the first pass runs finalizers that free more on the second.
    await this.send('HeapProfiler.collectGarbage');
    await this.send('HeapProfiler.collectGarbage');
  }

  async heapUsedKb(): Promise<number> {
    const result = (await this.send('Runtime.evaluate', {
      expression: 'process.memoryUsage().heapUsed',
      returnByValue: true,
    })) as { result: { value: number } };
    return Math.round(result.result.value / 1024);
  }

  /** The sessionful server's own count of live sessions (its store sits on globalThis); undefined elsewhere. */
  async liveSessionCount(): Promise<number | undefined> {
    const result = (await this.send('Runtime.evaluate', {
      expression: 'globalThis.dojoMcpSessions?.size',
      returnByValue: true,
    })) as { result: { value?: unknown } };
    return typeof result.result.value === 'number' ? result.result.value : undefined;
  }

  close() {
    this.socket.close();
  }
}

export function readRssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]);
}

/** RSS (after a forced GC when an inspector is at hand) of the serving process. */
export async function sampleMemory(pid: number, inspector: Inspector | undefined): Promise<MemorySample> {
  if (!inspector) return { rssKb: readRssKb(pid), heapUsedKb: undefined, gc: false };
  await inspector.collectGarbage();
  return { rssKb: readRssKb(pid), heapUsedKb: await inspector.heapUsedKb(), gc: true };
}

export const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`;
