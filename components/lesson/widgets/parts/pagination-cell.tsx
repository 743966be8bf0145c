'use client';
/**
 * One cell of the 2 × 2 grid: how many tasks one strategy returned from one
 * backend, against how many exist (the production read of the same row).
 */
import { headline, tally, verdict, type Tally } from '@/lib/lessons/widgets/grid-tally';
import { pagesOf } from '@/lib/lessons/widgets/progress-message';
import type { PanelSettings } from '@/lib/lessons/schema';
import type { CellRun } from './pagination-use-cell-run';

interface PaginationCellProps {
  id: string;
  /** e.g. "mock · naive", for the cell's Run button. */
  label: string;
  settings: PanelSettings;
  run: CellRun;
  /** How many tasks exist: the row's production count, once known. */
  exact: number | undefined;
  onRun: () => void;
  disabled: boolean;
}

const TONES: Record<Tally['kind'], string> = {
  canned: 'border-danger',
  match: 'border-success',
  missing: 'border-danger',
  extra: 'border-danger',
  unknown: 'border-border',
};

export function PaginationCell({ id, label, settings, run, exact, onRun, disabled }: PaginationCellProps) {
  const { observation, pending, messages } = run;
  const taskPages = pagesOf(messages, 'tasks');
  const counted = observation?.ok ? observation.count : undefined;
  const result = counted === undefined ? undefined : tally(counted, exact, observation?.canned);
  const state = pending ? 'running' : !observation ? 'idle' : observation.ok ? 'done' : 'error';

  return (
    <td
      data-testid={`grid-cell-${id}`}
      data-state={state}
      data-returned={counted}
      data-exist={result && 'exact' in result ? result.exact : undefined}
      data-canned={result?.kind === 'canned' || undefined}
      data-match={result ? String(result.kind === 'match') : undefined}
      className={`border-2 p-3 align-top ${result ? TONES[result.kind] : 'border-border'}`}
    >
      <div className="flex min-h-36 flex-col gap-2">
        {state === 'idle' && <p className="text-muted">Not run yet.</p>}
        {state === 'running' && (
          <p role="status" className="font-semibold">
            Reading… {taskPages.length > 0 && <span className="font-normal text-muted">page {taskPages.length}</span>}
          </p>
        )}
        {state === 'error' && observation && (
          <p role="alert" className="rounded-md border-l-4 border-danger bg-surface px-3 py-2 text-sm">
            Error: {observation.error}
          </p>
        )}
        {state === 'done' && result && (
          <>
            <p data-testid="cell-headline" className="font-mono text-3xl font-bold">
              {headline(result)}
            </p>
            <p
              data-testid="cell-verdict"
              className={`font-semibold ${result.kind === 'match' ? 'text-success' : result.kind === 'unknown' ? 'text-muted' : 'text-danger'}`}
            >
              {verdict(result)}
            </p>
          </>
        )}
        {/* The canned mock's pages and requests are not Todoist's: showing them would mislead. */}
        {observation?.ok && !observation.canned && (
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
            <dt className="text-muted">Pages of tasks</dt>
            <dd data-testid="cell-pages">{taskPages.length || observation.pages}</dd>
            <dt className="text-muted">Requests</dt>
            <dd data-testid="cell-requests">{observation.requests}</dd>
            <dt className="text-muted">Time</dt>
            <dd>{observation.durationMs} ms</dd>
          </dl>
        )}
        {/* The naive code got a next_cursor with its page, and never sent it back. */}
        {observation?.ok && !observation.canned && settings.strategy === 'naive' && taskPages.at(-1)?.more && (
          <p data-testid="cell-cursor-ignored" className="text-sm">
            The page said <q>more to come</q>; next_cursor was ignored.
          </p>
        )}
        <div className="mt-auto flex justify-end pt-1">
          <button
            type="button"
            onClick={onRun}
            disabled={disabled}
            aria-label={`Run ${label}`}
            className="rounded-md border-2 border-border px-3 py-1 text-sm font-semibold hover:border-accent disabled:opacity-60"
          >
            Run
          </button>
        </div>
      </div>
    </td>
  );
}
