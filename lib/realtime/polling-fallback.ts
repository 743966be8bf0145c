/**
 * When no webhook can reach the server (a laptop behind NAT, a webhook not
 * configured yet), it polls — but with incremental sync, so each poll is one
 * small request, and only while someone is subscribed to the tenant's
 * updates. The interval is the staleness bound, and the server says so: reads
 * name the live path (see `liveUpdatesNote`).
 *
 * One timer per replica (tenant, workspace, account), in this process. A poll
 * that is still running when the next is due is skipped, not stacked.
 */
import type { RegisteredAccount } from './accounts';
import { replicaKey } from './replica';

export const DEFAULT_POLL_SECONDS = 5;

export interface PollingFallbackOptions {
  intervalMs: number;
  /** One incremental sync of the account's replica, publishing what changed (refreshAndPublish). */
  refresh: (account: RegisteredAccount) => Promise<unknown>;
  /** Whether anyone still listens to this tenant's updates: nobody listening, nothing to poll for. */
  listening: (tenantKey: string) => boolean;
  onError?: (error: unknown, account: RegisteredAccount) => void;
}

export class PollingFallback {
  readonly intervalMs: number;
  readonly #options: PollingFallbackOptions;
  readonly #timers = new Map<string, ReturnType<typeof setInterval>>();
  readonly #running = new Set<string>();

  constructor(options: PollingFallbackOptions) {
    this.#options = options;
    this.intervalMs = options.intervalMs;
  }

  start(account: RegisteredAccount): void {
    const key = keyOf(account);
    if (this.#timers.has(key)) return;
    const timer = setInterval(() => void this.#tick(key, account), this.intervalMs);
    timer.unref?.(); // a poll never keeps a process alive
    this.#timers.set(key, timer);
  }

  stop(account: RegisteredAccount): void {
    this.#stopKey(keyOf(account));
  }

  isPolling(account: Pick<RegisteredAccount, 'tenant' | 'workspace' | 'backend'>): boolean {
    return this.#timers.has(keyOf(account));
  }

  /** Stops every timer (tests, shutdown). */
  close(): void {
    for (const key of [...this.#timers.keys()]) this.#stopKey(key);
  }

  async #tick(key: string, account: RegisteredAccount): Promise<void> {
    if (!this.#options.listening(account.tenant.key)) return this.#stopKey(key);
    if (this.#running.has(key)) return;
    this.#running.add(key);
    try {
      await this.#options.refresh(account);
    } catch (error) {
      this.#options.onError?.(error, account);
    } finally {
      this.#running.delete(key);
    }
  }

  #stopKey(key: string): void {
    clearInterval(this.#timers.get(key));
    this.#timers.delete(key);
  }
}

function keyOf(account: Pick<RegisteredAccount, 'tenant' | 'workspace' | 'backend'>): string {
  return replicaKey(account.tenant.key, account.workspace, account.backend);
}

/** What a read says about how it will hear of the next change. */
export function liveUpdatesNote(path: 'webhook' | 'poll' | undefined, pollSeconds: number): string | undefined {
  if (path === 'webhook') return 'live updates: Todoist webhooks trigger an incremental sync; a change is announced within about a second';
  if (path === 'poll') {
    return `live updates: polling with incremental sync every ${pollSeconds} s (no webhook reaches this server); a change is announced within ${pollSeconds} s`;
  }
  return undefined;
}
