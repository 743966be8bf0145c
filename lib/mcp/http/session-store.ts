/**
 * Live MCP sessions of the HTTP endpoint.
 *
 * The SDK keeps no session table and has no TTL, so we do: sessions idle for
 * longer than `idleMs` are closed, and at `maxSessions` the least recently
 * used one makes room. Each entry remembers its owner so a session id alone
 * is never proof of identity (the multi-tenant lesson builds on this).
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { MockBackend } from '@/lib/mock/backend';
import type { SessionSettings } from './session-settings';

export interface LiveSession {
  id: string;
  server: McpServer;
  transport: WebStandardStreamableHTTPServerTransport;
  /** Mock sessions: their own backend, whose scenario a lesson may switch. */
  mock?: MockBackend;
  settings: SessionSettings;
  createdAt: number;
  lastSeen: number;
}

export interface SessionStoreOptions {
  idleMs: number;
  maxSessions: number;
  now?: () => number;
}

export class SessionStore {
  readonly #sessions = new Map<string, LiveSession>();
  readonly #now: () => number;

  constructor(private readonly options: SessionStoreOptions) {
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#sessions.size;
  }

  /** The session, marked as seen; `undefined` if unknown or expired. */
  touch(id: string): LiveSession | undefined {
    this.evictIdle();
    const session = this.#sessions.get(id);
    if (session) session.lastSeen = this.#now();
    return session;
  }

  add(session: Omit<LiveSession, 'createdAt' | 'lastSeen'>): void {
    this.evictIdle();
    while (this.#sessions.size >= this.options.maxSessions) this.#evictLeastRecentlyUsed();
    const now = this.#now();
    this.#sessions.set(session.id, { ...session, createdAt: now, lastSeen: now });
  }

  remove(id: string): void {
    this.#sessions.delete(id);
  }

  evictIdle(): void {
    const cutoff = this.#now() - this.options.idleMs;
    for (const session of [...this.#sessions.values()]) {
      if (session.lastSeen < cutoff) void this.#close(session);
    }
  }

  #evictLeastRecentlyUsed(): void {
    let oldest: LiveSession | undefined;
    for (const session of this.#sessions.values()) {
      if (!oldest || session.lastSeen < oldest.lastSeen) oldest = session;
    }
    if (oldest) void this.#close(oldest);
  }

  async #close(session: LiveSession): Promise<void> {
    this.#sessions.delete(session.id);
    await session.transport.close().catch(() => undefined);
    await session.server.close().catch(() => undefined);
  }
}
