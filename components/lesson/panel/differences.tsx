/**
 * What differs between the two sides, aspect by aspect — with the one that
 * matters most (does the text say its source?) called out on its own.
 */
import { sourceVerdict, type Comparison, type Difference } from '@/lib/lessons/comparison';

export function Differences({ comparison, point }: { comparison: Comparison; point: string }) {
  const { leftLabel, rightLabel } = comparison;
  const unlabelledData = [comparison.left, comparison.right].some((side) => side.ok && !side.statesSource);
  return (
    <section data-testid="differences" aria-labelledby="differences-heading" className="min-w-0 rounded-lg border-2 border-accent p-4 wrap-anywhere">
      <h3 id="differences-heading" className="text-lg font-semibold">
        Differences
      </h3>
      <ul className="mt-3 divide-y divide-border">
        {comparison.differences.map((difference) => (
          <DifferenceRow key={difference.aspect} difference={difference} leftLabel={leftLabel} rightLabel={rightLabel} />
        ))}
      </ul>
      <p
        data-testid="source-verdict"
        className={`mt-3 rounded-md border-2 px-3 py-2 font-semibold ${unlabelledData ? 'border-amber-500 bg-amber-50 text-amber-950 dark:bg-amber-950 dark:text-amber-50' : 'border-emerald-600 bg-emerald-50 text-emerald-950 dark:bg-emerald-950 dark:text-emerald-50'}`}
      >
        {sourceVerdict(comparison)}
      </p>
      <p className="mt-3 text-base leading-relaxed">
        <strong>What to notice:</strong> {point}
      </p>
    </section>
  );
}

function DifferenceRow({ difference, leftLabel, rightLabel }: { difference: Difference; leftLabel: string; rightLabel: string }) {
  return (
    // On a narrow panel (a phone) the title goes above the values; the box lets ids and long counts break anywhere
    // rather than run past its border. minmax(0, …) lets the value column shrink below its longest word.
    <li
      data-aspect={difference.aspect}
      data-differs={difference.differs}
      className="grid grid-cols-1 items-baseline gap-x-3 py-1.5 @md:grid-cols-[10rem_minmax(0,1fr)]"
    >
      <span className={difference.differs ? 'font-semibold' : 'text-muted'}>
        {difference.differs && (
          <span aria-hidden className="mr-1.5 text-accent">
            ●
          </span>
        )}
        {difference.title}
        {difference.differs && <span className="sr-only"> (differs)</span>}
      </span>
      <span className={difference.differs ? '' : 'text-muted'}>
        <span className="font-mono">{leftLabel}</span>: {difference.left} <span className="text-muted">·</span>{' '}
        <span className="font-mono">{rightLabel}</span>: {difference.right}
        {difference.detail && <span className="block font-mono text-sm text-muted">{difference.detail}</span>}
      </span>
    </li>
  );
}
