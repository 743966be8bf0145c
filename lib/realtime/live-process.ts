/**
 * This process's polling fallback: one per process, like the StateStore and
 * the event bus, so the MCP endpoint (whose reads say which path is live) and
 * the live switch (which starts and stops it) see the same timers.
 */
import type { StateStore } from '@/lib/state';
import { errorText } from '@/lib/todoist/errors';
import { getTenantEventBus } from './bus';
import { DEFAULT_POLL_SECONDS, PollingFallback } from './polling-fallback';
import { processAccountConnector } from './webhook-endpoint';
import { refreshAndPublish } from './webhook-trigger';

const globalForPolling = globalThis as typeof globalThis & { dojoPollingFallback?: PollingFallback };

export function getPollingFallback(store: StateStore, env: Record<string, string | undefined> = process.env): PollingFallback {
  globalForPolling.dojoPollingFallback ??= createProcessPollingFallback(store, env);
  return globalForPolling.dojoPollingFallback;
}

function createProcessPollingFallback(store: StateStore, env: Record<string, string | undefined>): PollingFallback {
  const bus = getTenantEventBus();
  const connect = processAccountConnector(store, env);
  return new PollingFallback({
    intervalMs: pollSecondsFromEnv(env) * 1000,
    refresh: (account) => refreshAndPublish({ store, bus, connect }, account, { trigger: 'poll' }),
    listening: (tenantKey) => bus.listenerCount(tenantKey) > 0,
    onError: (error) => console.error(`Polling fallback: a sync failed (${errorText(error)}); the next poll tries again.`),
  });
}

/** DOJO_POLL_SECONDS (default 5): Todoist allows 1,000 partial syncs per user per 15 minutes, about one a second. */
export function pollSecondsFromEnv(env: Record<string, string | undefined> = process.env): number {
  const seconds = Number(env.DOJO_POLL_SECONDS);
  return Number.isFinite(seconds) && seconds >= 1 ? seconds : DEFAULT_POLL_SECONDS;
}
