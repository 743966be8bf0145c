/**
 * The production server's runs so far, one line each: the story of a fault
 * in numbers — live, then retries, then the breaker answering in milliseconds.
 */
import { provenanceFromMeta } from '@/components/mcp/provenance-badge';
import { describeSource } from '@/lib/lessons/widgets/fault-timeline-format';
import type { FaultRunOutput } from './fault-session';

export interface HistoryEntry {
  run: number;
  output: FaultRunOutput;
}

export function FaultHistory({ entries }: { entries: readonly HistoryEntry[] }) {
  if (entries.length < 2) return null; // one run is already on screen
  return (
    <section aria-labelledby="fault-history-heading" className="space-y-1">
      <h3 id="fault-history-heading" className="text-base font-semibold">
        Production runs so far
      </h3>
      <ol data-testid="fault-history" className="divide-y divide-border rounded-md border border-border font-mono text-sm">
        {entries.map(({ run, output }) => {
          const provenance = provenanceFromMeta(output.result._meta);
          const outcome = output.result.isError ? 'error' : provenance ? describeSource(provenance) : 'answer';
          return (
            <li key={run} className="grid grid-cols-[2.5rem_minmax(0,1fr)_minmax(0,1.4fr)] gap-x-3 px-3 py-1">
              <span className="text-muted">#{run}</span>
              <span className="truncate">{output.fault.id}</span>
              <span>
                {outcome}
                {provenance && ` · ${provenance.requests} req · ${Math.round(provenance.durationMs)} ms`}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
