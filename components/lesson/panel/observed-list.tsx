'use client';
/** "What you observed": the last few runs of this lesson, one sentence each — the same lines the prompt carries. */
import type { Observed } from '@/lib/lessons/observation-log';

export function ObservedList({ observations, onClear }: { observations: readonly Observed[]; onClear: () => void }) {
  return (
    <section data-testid="observed-list" aria-labelledby="observed-heading" className="space-y-2">
      <div className="flex items-baseline justify-between gap-3">
        <h3 id="observed-heading" className="text-lg font-semibold">
          What you observed
        </h3>
        {observations.length > 0 && (
          <button type="button" onClick={onClear} className="rounded-md border border-border px-3 py-1 text-sm hover:bg-border">
            Clear
          </button>
        )}
      </div>
      {observations.length === 0 ? (
        <p className="text-muted">Nothing yet. Run a demo: what it showed appears here, and in the prompt below.</p>
      ) : (
        <ol className="list-decimal space-y-1.5 pl-6 leading-relaxed">
          {observations.map((observed, index) => (
            <li key={index} data-kind={observed.kind}>
              {observed.summary}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
