/**
 * (a) "My p1 tasks", asked two ways on one connection: fetch every task and
 * filter in the tool (list_tasks), or let Todoist filter (filter_tasks).
 */
import { ALERT } from '@/components/ui/styles';
import { textOf } from '@/lib/lessons/observations';
import { formatBytes, formatShare } from '@/lib/lessons/text-measure';
import { compareFiltering, measureFetch, type FetchMeasure } from '@/lib/lessons/widgets/size-compare';
import { SizeBars } from './size-bars';
import type { FilteringRun } from './size-sessions';
import { SizeTableHead } from './size-table-head';

const ROWS = [
  { key: 'inTool', call: 'list_tasks {priority: "p1"}', how: 'fetch all, filter in the tool' },
  { key: 'byApi', call: 'filter_tasks {query: "p1"}', how: 'Todoist filters' },
] as const;

export function SizeFilteringResult({ run }: { run: FilteringRun }) {
  const failed = [run.inTool, run.byApi].find((result) => result.isError);
  if (failed) return <ToolError text={textOf(failed)} />;
  const measures: Record<(typeof ROWS)[number]['key'], FetchMeasure> = { inTool: measureFetch(run.inTool), byApi: measureFetch(run.byApi) };
  const compared = compareFiltering(measures.inTool, measures.byApi);
  return (
    <div className="space-y-4">
      <table className="w-full text-left text-base">
        <caption className="sr-only">Fetch all then filter, against server-side filtering</caption>
        <SizeTableHead label="Call" figures={['Requests', 'From Todoist', 'Tasks']} />
        <tbody className="divide-y divide-border border-y border-border">
          {ROWS.map((row) => {
            const measure = measures[row.key];
            return (
              <tr
                key={row.key}
                data-testid={`size-row-${row.key === 'inTool' ? 'list-tasks' : 'filter-tasks'}`}
                data-requests={measure.requests}
                data-bytes={measure.bytesFromTodoist}
                data-tasks={measure.taskIds.length}
              >
                <th scope="row" className="py-2 pr-3 font-normal">
                  <code className="block font-mono text-sm font-semibold">{row.call}</code>
                  <span className="text-sm text-muted">{row.how}</span>
                </th>
                <td className="py-2 pr-3 text-right font-mono text-lg tabular-nums">{measure.requests}</td>
                <td className="py-2 pr-3 text-right font-mono text-lg tabular-nums">{formatBytes(measure.bytesFromTodoist)}</td>
                <td className="py-2 text-right font-mono text-lg tabular-nums">{measure.taskIds.length}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <SizeBars
        bars={[
          { label: 'list_tasks', value: measures.inTool.bytesFromTodoist, display: formatBytes(measures.inTool.bytesFromTodoist) },
          { label: 'filter_tasks', value: measures.byApi.bytesFromTodoist, display: formatBytes(measures.byApi.bytesFromTodoist), highlight: true },
        ]}
      />
      <p data-testid="size-filtering-verdict" data-same-tasks={compared.sameTasks} className="text-base leading-relaxed">
        {compared.sameTasks ? (
          <>
            <strong>Same {measures.byApi.taskIds.length} tasks.</strong> Letting Todoist filter moved {formatShare(compared.bytesShare)} of the bytes (
            {formatBytes(compared.bytesSaved)} less), in {describeRequests(compared.requestsSaved)}.
          </>
        ) : (
          <>
            <strong>The answers differ</strong>: {compared.onlyInTool.length} task(s) only from list_tasks, {compared.onlyInApi.length} only from
            filter_tasks.
          </>
        )}{' '}
        Both counts include one request for the projects (for the project paths in each line).
      </p>
    </div>
  );
}

function describeRequests(saved: number): string {
  if (saved === 0) return 'as many requests';
  return saved > 0 ? `${saved} fewer request${saved === 1 ? '' : 's'}` : `${-saved} more request${saved === -1 ? '' : 's'}`;
}

export function ToolError({ text }: { text: string }) {
  return (
    <div role="alert" className={ALERT}>
      <p className="font-semibold">The tool reported an error</p>
      <p className="mt-1 font-mono text-sm break-words">{text}</p>
    </div>
  );
}
