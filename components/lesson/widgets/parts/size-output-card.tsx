/**
 * (b) The same get_overview, as the raw API JSON and as compact lines under
 * a token budget: what each costs the model, and whether the compact one
 * still carries every overdue task.
 */
import { textOf } from '@/lib/lessons/observations';
import { formatBytes, formatShare } from '@/lib/lessons/text-measure';
import { compareOutputs, measureCompactOverview, measureRawOverview, type AnswerMeasure } from '@/lib/lessons/widgets/size-compare';
import { SizeBars } from './size-bars';
import { ToolError } from './size-filtering-card';
import type { OutputsRun } from './size-sessions';
import { SizeTableHead } from './size-table-head';

const PREVIEW_LINES = 8;

export function SizeOutputResult({ run }: { run: OutputsRun }) {
  const failed = [run.raw, run.compact].find((result) => result.isError);
  if (failed) return <ToolError text={textOf(failed)} />;
  const raw = measureRawOverview(run.raw);
  const compact = measureCompactOverview(run.compact);
  const compared = compareOutputs(raw, compact);
  const rows: Array<{ key: 'raw' | 'compact'; measure: AnswerMeasure; overdue: string }> = [
    { key: 'raw', measure: raw, overdue: `${compared.overdueTotal} of ${compared.overdueTotal}` },
    { key: 'compact', measure: compact, overdue: `${compared.overdueKept} of ${compared.overdueTotal}` },
  ];
  return (
    <div className="space-y-4">
      <table className="w-full text-left text-base">
        <caption className="sr-only">Raw API JSON against compact lines, for the same get_overview</caption>
        <SizeTableHead label="Output" figures={['Bytes', '≈ Tokens', 'Tasks', 'Overdue kept']} />
        <tbody className="divide-y divide-border border-y border-border">
          {rows.map(({ key, measure, overdue }) => (
            <tr key={key} data-testid={`size-row-${key}`} data-bytes={measure.bytes} data-tokens={measure.tokens} data-tasks={measure.tasks}>
              <th scope="row" className="py-2 pr-3 font-mono font-semibold">
                {key}
              </th>
              <td className="py-2 pr-3 text-right font-mono text-lg tabular-nums">{formatBytes(measure.bytes)}</td>
              <td className="py-2 pr-3 text-right font-mono text-lg tabular-nums">{measure.tokens.toLocaleString('en-US')}</td>
              <td className="py-2 pr-3 text-right font-mono text-lg tabular-nums">{measure.tasks}</td>
              <td className="py-2 text-right font-mono text-lg tabular-nums">{overdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <SizeBars
        bars={[
          { label: 'raw', value: raw.bytes, display: formatBytes(raw.bytes) },
          { label: 'compact', value: compact.bytes, display: formatBytes(compact.bytes), highlight: true },
        ]}
      />
      <p
        data-testid="size-output-verdict"
        data-every-overdue-kept={compared.everyOverdueKept}
        data-overdue-kept={compared.overdueKept}
        data-overdue-total={compared.overdueTotal}
        className="text-base leading-relaxed"
      >
        The compact answer is <strong>{formatShare(compared.bytesShare)}</strong> of the raw one (about {compared.tokensSaved.toLocaleString('en-US')}{' '}
        tokens fewer){' '}
        {compared.everyOverdueKept ? (
          <>
            and keeps <strong>every overdue task</strong> ({compared.overdueKept} of {compared.overdueTotal}).
          </>
        ) : (
          <>
            and keeps <strong>{compared.overdueKept} of {compared.overdueTotal} overdue tasks</strong>: the budget cannot hold them all, so its
            closing line says what was left out and how to get it.
          </>
        )}
      </p>
      {compact.leftOut && (
        <p className="rounded-md border border-border bg-border/30 px-3 py-2 font-mono text-sm" data-testid="size-left-out">
          {compact.leftOut}
        </p>
      )}
      <details className="rounded-md border border-border">
        <summary className="cursor-pointer px-3 py-2 text-base font-medium">The first {PREVIEW_LINES} lines of each text</summary>
        <div className="grid gap-3 border-t border-border p-3 @3xl:grid-cols-2">
          <Preview label="raw" text={textOf(run.raw)} />
          <Preview label="compact" text={textOf(run.compact)} />
        </div>
      </details>
    </div>
  );
}

function Preview({ label, text }: { label: string; text: string }) {
  return (
    <figure className="min-w-0">
      <figcaption className="font-mono text-sm font-semibold">{label}</figcaption>
      <pre tabIndex={0} className="mt-1 overflow-x-auto rounded-md border border-border bg-border/30 px-3 py-2 font-mono text-sm leading-relaxed">
        {text.split('\n').slice(0, PREVIEW_LINES).join('\n')}
      </pre>
    </figure>
  );
}
