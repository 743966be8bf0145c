/**
 * Lesson 7's "Two users, one server" widget, without React: what each signed-in
 * client received from the naive and the production server, and whether one
 * user was shown another's data.
 */

export const CLIENT_SLOTS = ['client-1', 'client-2'] as const;
export type ClientSlot = (typeof CLIENT_SLOTS)[number];
export type TenancyServer = 'naive' | 'production';

/** One answer to one client, as the widget keeps it. */
export interface TenantAnswer {
  server: TenancyServer;
  outcome: 'ok' | 'unauthorized' | 'error';
  /** Whose account the answer says it read (production: provenance; naive: its own text). */
  account?: string;
  taskIds: string[];
  message?: string;
  ms: number;
}

export interface LeakVerdict {
  leaked: boolean;
  sentence: string;
}

/**
 * Did the naive server hand this client someone else's tasks? The client's
 * own account is what the production server (per-tenant state) says it is.
 */
export function leakVerdict(slotLabel: string, own: TenantAnswer | undefined, naive: TenantAnswer | undefined): LeakVerdict | undefined {
  if (!own?.account || !naive?.account || own.outcome !== 'ok' || naive.outcome !== 'ok') return undefined;
  if (naive.account === own.account) {
    return { leaked: false, sentence: `${slotLabel} (${own.account}): the naive server answered with ${own.account}'s own ${count(naive.taskIds.length)}.` };
  }
  const overlap = naive.taskIds.filter((id) => new Set(own.taskIds).has(id)).length;
  return {
    leaked: true,
    sentence: `${slotLabel} is signed in as ${own.account}, but the naive server answered with ${naive.account}'s ${count(naive.taskIds.length)} (${overlap} of them ${own.account}'s) — and said nothing.`,
  };
}

/** Whether two clients' production answers share any task: never, when tenants are kept apart. */
export function sharedTaskIds(a: TenantAnswer | undefined, b: TenantAnswer | undefined): number | undefined {
  if (a?.outcome !== 'ok' || b?.outcome !== 'ok' || !a.account || a.account === b.account) return undefined;
  const mine = new Set(a.taskIds);
  return b.taskIds.filter((id) => mine.has(id)).length;
}

/** What a burst of calls from one client got back. */
export interface FloodTally {
  calls: number;
  answered: number;
  limited: number;
  failed: number;
  retryAfterSeconds?: number;
}

export function tallyFlood(outcomes: Array<{ ok: true } | { ok: false; message: string }>): FloodTally {
  const tally: FloodTally = { calls: outcomes.length, answered: 0, limited: 0, failed: 0 };
  for (const outcome of outcomes) {
    if (outcome.ok) tally.answered += 1;
    else if (/rate limit/i.test(outcome.message)) {
      tally.limited += 1;
      const wait = /Wait (\d+) s/.exec(outcome.message);
      if (wait) tally.retryAfterSeconds = Number(wait[1]);
    } else tally.failed += 1;
  }
  return tally;
}

export function describeFlood(noisy: string, tally: FloodTally, quiet: string, quietMs: number[]): string {
  const median = quietMs.length ? [...quietMs].sort((a, b) => a - b)[Math.floor(quietMs.length / 2)] : undefined;
  const quietPart =
    median === undefined ? '' : ` Meanwhile ${quiet}'s ${quietMs.length} calls were all answered (median ${Math.round(median)} ms).`;
  return `${noisy} sent ${tally.calls} calls at once: ${tally.answered} answered, ${tally.limited} refused by its own rate limit (429)${tally.failed ? `, ${tally.failed} failed otherwise` : ''}.${quietPart}`;
}

function count(tasks: number): string {
  return `${tasks} task${tasks === 1 ? '' : 's'}`;
}
