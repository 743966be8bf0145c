'use client';
/**
 * Lesson 3's grid: list_tasks on two backends (rows) with two pagination
 * strategies (columns), each cell on a connection (and workspace) of its own. The production
 * read follows every cursor, so its count is what exists: the naive cell of
 * the same row is measured against it.
 */
import { useId, useState } from 'react';
import { describeGrid, describeUpstream } from '@/lib/lessons/widgets/grid-tally';
import type { PanelSettings } from '@/lib/lessons/schema';
import { PRIMARY_BUTTON, SECONDARY_BUTTON } from '@/components/ui/styles';
import { useHydrated } from '../panel/use-hydrated';
import { useObservations } from '../panel/use-observations';
import { PaginationCell } from './parts/pagination-cell';
import { PaginationPages } from './parts/pagination-pages';
import { useCellRun, type CellRun } from './parts/pagination-use-cell-run';

type Row = 'mock' | 'real';
type Column = 'naive' | 'production';

const COLUMNS: ReadonlyArray<{ column: Column; title: string; detail: string }> = [
  { column: 'naive', title: 'Naive', detail: 'first page only' },
  { column: 'production', title: 'Production', detail: 'every page' },
];

/** The story's mock (12 canned todos, one response), or the faithful mock at its largest. */
function mockSettings(large: boolean): Omit<PanelSettings, 'strategy'> {
  return large
    ? { backend: 'mock', scenario: 'faithful', size: 'large', token: 'configured', read: 'pages' }
    : { backend: 'mock', scenario: 'naive', size: 'tiny', token: 'configured', read: 'pages' };
}

// Scenario and size do not apply to the real backend; they are set only because a run's settings are complete.
// The panel's plumbing sends the real backend `upstream=auto`: Todoist with a token, else the app's stand-in (180 tasks).
// read=pages in every cell: the grid counts pages, and production reads an unfiltered list by one full sync otherwise.
const REAL_SETTINGS: Omit<PanelSettings, 'strategy'> = { backend: 'real', scenario: 'faithful', size: 'small', token: 'configured', read: 'pages' };

export function PaginationGrid({ slug }: { slug: string }) {
  const { add: observe } = useObservations(slug);
  const [largeMock, setLargeMock] = useState(false);
  const hydrated = useHydrated();
  const ids = useId();
  // Hooks in a fixed order, one per cell: each cell has its own connection and progress.
  const cells: Record<`${Row}-${Column}`, CellRun> = {
    'mock-naive': useCellRun(),
    'mock-production': useCellRun(),
    'real-naive': useCellRun(),
    'real-production': useCellRun(),
  };
  const running = Object.values(cells).some((cell) => cell.pending);
  const busy = !hydrated || running;
  const cancelAll = () => Object.values(cells).forEach((cell) => cell.cancel());
  const settingsOf = (row: Row, column: Column): PanelSettings => ({
    ...(row === 'mock' ? mockSettings(largeMock) : REAL_SETTINGS),
    strategy: column,
  });
  const runCell = (row: Row, column: Column) => cells[`${row}-${column}`].run(settingsOf(row, column));
  // In parallel: four independent connections, like four different clients.
  const runAll = async () => {
    const [mockNaive, mockProduction, realNaive, realProduction] = await Promise.all(
      (['mock', 'real'] as const).flatMap((row) => COLUMNS.map(({ column }) => runCell(row, column))),
    );
    if (!mockNaive || !mockProduction || !realNaive || !realProduction) return;
    // The grid's figures join "What you observed", so the copied prompt carries them.
    observe({
      kind: 'widget',
      widget: 'pagination-grid',
      summary: describeGrid([
        { label: largeMock ? 'the large mock (5,000 tasks)' : "the story's mock", naive: mockNaive, production: mockProduction },
        { label: realNaive.upstream === 'standin' ? 'the real backend (the Todoist stand-in)' : 'the real backend', naive: realNaive, production: realProduction },
      ]),
    });
  };

  const toggleLarge = (large: boolean) => {
    setLargeMock(large);
    // The mock row's results belong to the other mock.
    cells['mock-naive'].reset();
    cells['mock-production'].reset();
  };

  // Canned todos (the naive fallback after a failed real call) count nothing that exists.
  const exactOf = (row: Row) => {
    const production = cells[`${row}-production`].observation;
    return production?.ok && !production.canned ? production.count : undefined;
  };

  return (
    <section aria-labelledby={`${ids}-heading`} data-testid="widget-pagination-grid" className="space-y-5">
      <h2 id={`${ids}-heading`} className="text-2xl font-bold tracking-tight">
        The grid: two backends, two strategies
      </h2>
      <p className="leading-relaxed">
        The same <code className="font-mono">list_tasks</code> call, four times, each on a connection of its own. The production read
        follows every <code className="font-mono">next_cursor</code>, so its count is what exists; the naive cell beside it is measured
        against that.
      </p>
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
        <button type="button" onClick={runAll} disabled={busy} className={PRIMARY_BUTTON}>
          Run all four
        </button>
        {running && (
          <button type="button" onClick={cancelAll} className={SECONDARY_BUTTON}>
            Cancel
          </button>
        )}
        <label className="flex items-center gap-2 text-base">
          <input type="checkbox" checked={largeMock} onChange={(event) => toggleLarge(event.target.checked)} disabled={busy} className="size-5 accent-accent" />
          Mock row: the large faithful mock (5,000 tasks)
        </label>
      </div>

      <div className="overflow-x-auto">
        <table className="w-full table-fixed border-separate border-spacing-2">
          <caption className="sr-only">Tasks returned by each strategy on each backend, against how many exist</caption>
          <thead>
            <tr>
              <td className="w-[8.5rem]" />
              {COLUMNS.map(({ column, title, detail }) => (
                <th key={column} scope="col" className="text-left align-bottom">
                  <span className="block text-lg font-semibold">{title}</span>
                  <span className="block text-sm font-normal text-muted">{detail}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(['mock', 'real'] as const).map((row) => (
              <tr key={row}>
                <th scope="row" className="pr-1 text-left align-top">
                  <RowHeader row={row} largeMock={largeMock} upstream={cells['real-production'].observation?.upstream ?? cells['real-naive'].observation?.upstream} />
                </th>
                {COLUMNS.map(({ column }) => (
                  <PaginationCell
                    key={column}
                    id={`${row}-${column}`}
                    label={`${row} · ${column}`}
                    settings={settingsOf(row, column)}
                    run={cells[`${row}-${column}`]}
                    exact={exactOf(row)}
                    onRun={() => runCell(row, column)}
                    disabled={busy}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-sm leading-relaxed text-muted">
        Production asks for <code className="font-mono">limit=200</code>, the most the API allows; the naive code sends no limit and gets
        the default 50. Production also reads the project list (one more request) to print each task&apos;s project path.
      </p>

      <section aria-labelledby={`${ids}-pages-heading`} className="space-y-4 rounded-lg border border-border p-4">
        <h3 id={`${ids}-pages-heading`} className="text-xl font-semibold">
          Pages as they arrive
        </h3>
        <p className="leading-relaxed text-muted">
          One progress notification per page, sent by the server while it reads: page number, items, time and the start of the cursor it
          sent. Tick the large mock above to see 25 pages of 200.
        </p>
        <PaginationPages id="mock" title={`Mock · production${largeMock ? ' (large)' : ''}`} messages={cells['mock-production'].messages} pending={cells['mock-production'].pending} />
        <PaginationPages id="real" title="Real · production" messages={cells['real-production'].messages} pending={cells['real-production'].pending} />
      </section>
    </section>
  );
}

function RowHeader({ row, largeMock, upstream }: { row: Row; largeMock: boolean; upstream: 'mock' | 'standin' | 'todoist' | undefined }) {
  if (row === 'mock') {
    return (
      <>
        <span className="block text-lg font-semibold">Mock</span>
        <span className="block text-sm font-normal text-muted">
          {largeMock ? 'the faithful mock, large: 5,000 tasks' : "the story's mock: 12 canned todos"}
        </span>
      </>
    );
  }
  return (
    <>
      <span className="block text-lg font-semibold">Real</span>
      <span data-testid="grid-real-upstream" className="block text-sm font-normal text-muted">
        {describeUpstream(upstream)}
      </span>
      <span className="mt-1 block text-sm font-normal text-muted">Its size is whatever that account holds.</span>
    </>
  );
}
