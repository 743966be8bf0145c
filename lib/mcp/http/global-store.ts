import { SessionStore } from './session-store';

// On globalThis so `next dev` reloads keep live sessions, and every route sees the same ones.
const globalForMcp = globalThis as typeof globalThis & { dojoMcpSessions?: SessionStore };

export function getSessionStore(): SessionStore {
  globalForMcp.dojoMcpSessions ??= new SessionStore({ idleMs: 30 * 60_000, maxSessions: 200 });
  return globalForMcp.dojoMcpSessions;
}
