/**
 * The pagination grid's verdict for one cell: how many tasks it returned
 * against how many exist. "How many exist" is the production read of the same
 * backend, which follows every cursor, so it is exact.
 */

export type Tally =
  /** The exact count is not known yet (the production cell has not run). */
  | { kind: 'unknown'; returned: number }
  | { kind: 'match'; returned: number; exact: number }
  | { kind: 'missing'; returned: number; exact: number; missing: number }
  /** More than exist: should not happen (duplicates across pages would do it). */
  | { kind: 'extra'; returned: number; exact: number; extra: number };

export function tally(returned: number, exact: number | undefined): Tally {
  if (exact === undefined) return { kind: 'unknown', returned };
  if (returned === exact) return { kind: 'match', returned, exact };
  if (returned < exact) return { kind: 'missing', returned, exact, missing: exact - returned };
  return { kind: 'extra', returned, exact, extra: returned - exact };
}

/** "12 = 12", "50 of 180", "50 of ?" — the cell's headline. */
export function headline(result: Tally): string {
  if (result.kind === 'unknown') return `${result.returned} of ?`;
  if (result.kind === 'match') return `${result.returned} = ${result.exact}`;
  return `${result.returned} of ${result.exact}`;
}

/** The verdict under the headline, in words. */
export function verdict(result: Tally): string {
  switch (result.kind) {
    case 'unknown':
      return 'Run the production cell of this row to know how many exist.';
    case 'match':
      return `All ${result.exact} — nothing missing.`;
    case 'missing':
      return `${result.missing} missing — and nothing said so.`;
    case 'extra':
      return `${result.extra} more than exist — duplicates?`;
  }
}

/** Where the real backend points, in a few words: the e2e stand-in on loopback, or Todoist itself. */
export function describeRealBackend(baseUrl: string | undefined): string {
  if (!baseUrl || !URL.canParse(baseUrl)) return 'the configured Todoist API';
  const { hostname, host } = new URL(baseUrl);
  if (['127.0.0.1', 'localhost', '[::1]'].includes(hostname)) return `here the local stand-in at ${host}`;
  if (hostname === 'api.todoist.com') return 'your Todoist account';
  return `the Todoist API at ${host}`;
}

interface CellResult {
  ok: boolean;
  count?: number;
  requests: number;
}

/**
 * One sentence for "What you observed" (and so the Claude prompt) after the
 * grid ran: each row's naive count against its production count.
 */
export function describeGrid(rows: Array<{ label: string; naive: CellResult; production: CellResult }>): string {
  const parts = rows.map(({ label, naive, production }) => {
    if (!naive.ok || !production.ok || naive.count === undefined || production.count === undefined) {
      return `on ${label} a cell failed (${naive.ok ? 'production' : 'naive'} read)`;
    }
    const result = tally(naive.count, production.count);
    const naivePart = `the naive read returned ${headline(result)} tasks in ${naive.requests} request${naive.requests === 1 ? '' : 's'}`;
    const outcome = result.kind === 'missing' ? ` (${result.missing} missing, and nothing said so)` : '';
    return `on ${label} ${naivePart}${outcome}, the production read ${production.count}`;
  });
  return `In the pagination grid: ${parts.join('; ')}.`;
}
