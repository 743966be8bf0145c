/**
 * The pagination grid's verdict for one cell: how many tasks it returned
 * against how many exist. "How many exist" is the production read of the same
 * backend, which follows every cursor, so it is exact.
 */

export type Tally =
  /** The naive fallback's canned mock todos, swapped in after the real call failed: not a count of anything real. */
  | { kind: 'canned'; returned: number }
  /** The exact count is not known yet (the production cell has not run). */
  | { kind: 'unknown'; returned: number }
  | { kind: 'match'; returned: number; exact: number }
  | { kind: 'missing'; returned: number; exact: number; missing: number }
  /** More than exist: should not happen (duplicates across pages would do it). */
  | { kind: 'extra'; returned: number; exact: number; extra: number };

export function tally(returned: number, exact: number | undefined, canned = false): Tally {
  if (canned) return { kind: 'canned', returned };
  if (exact === undefined) return { kind: 'unknown', returned };
  if (returned === exact) return { kind: 'match', returned, exact };
  if (returned < exact) return { kind: 'missing', returned, exact, missing: exact - returned };
  return { kind: 'extra', returned, exact, extra: returned - exact };
}

/** "12 = 12", "50 of 180", "50 of ?", "12 canned" — the cell's headline. */
export function headline(result: Tally): string {
  if (result.kind === 'canned') return `${result.returned} canned`;
  if (result.kind === 'unknown') return `${result.returned} of ?`;
  if (result.kind === 'match') return `${result.returned} = ${result.exact}`;
  return `${result.returned} of ${result.exact}`;
}

/** The verdict under the headline, in words. */
export function verdict(result: Tally): string {
  switch (result.kind) {
    case 'canned':
      return 'Canned mock todos, swapped in after the real call failed — not a count of anything real, and nothing said so.';
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

/** Who answered the real row, from the answer's provenance (before a run: what `real` will reach). */
export function describeUpstream(upstream: 'mock' | 'standin' | 'todoist' | undefined): string {
  if (upstream === 'standin') return 'the Todoist stand-in on this machine: sample data over real HTTP, not your account';
  if (upstream === 'todoist') return 'Todoist — your account';
  return "Todoist with your token; without one, this app's Todoist stand-in";
}

interface CellResult {
  ok: boolean;
  count?: number;
  requests: number;
  /** The naive fallback answered with its canned todos. */
  canned?: boolean;
}

/**
 * One sentence for "What you observed" (and so the Claude prompt) after the
 * grid ran: each row's naive count against its production count.
 */
export function describeGrid(rows: Array<{ label: string; naive: CellResult; production: CellResult }>): string {
  const parts = rows.map(({ label, naive, production }) => {
    if (naive.canned) {
      const productionPart = production.ok ? `the production read ${production.count ?? '?'}` : 'the production read failed and said so';
      return `on ${label} the real call failed, the naive read returned ${naive.count ?? 'its'} canned mock todos instead and said nothing, ${productionPart}`;
    }
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
