'use client';
/**
 * One workspace's last run under a fault: where the answer came from (badge
 * and the numbers that matter), what the model reads first, and the
 * timeline of what resilience did.
 */
import { ProvenanceBadge, provenanceFromMeta } from '@/components/mcp/provenance-badge';
import { ALERT } from '@/components/ui/styles';
import { textOf } from '@/lib/lessons/observations';
import { describeSource, glimpseOf, isCanned, timelineOf } from '@/lib/lessons/widgets/fault-timeline-format';
import { RunProgress } from '../../panel/run-progress';
import { CallFailure } from '../../panel/run-result';
import type { FaultSession } from './fault-session';
import { FaultTimelineList } from './fault-timeline-list';
import { NoSourceWarning } from '../../panel/no-source-warning';

const HEADINGS = { production: 'production server', naive: 'naive server' } as const;

export function FaultRunView({ session }: { session: FaultSession }) {
  return (
    <section aria-label={HEADINGS[session.strategy]} data-testid={`fault-run-${session.strategy}`} className="min-w-0 space-y-3 rounded-lg border border-border p-4">
      <h3 className="font-mono text-xl font-bold">{HEADINGS[session.strategy]}</h3>
      <RunBody session={session} />
    </section>
  );
}

function RunBody({ session }: { session: FaultSession }) {
  const { output, error, pending } = session;
  if (pending) return <RunProgress progress={[]} onCancel={session.cancel} />;
  if (error) return <CallFailure error={error} />;
  if (!output) return <p className="text-muted">Not run yet.</p>;

  const { result, fault } = output;
  const provenance = provenanceFromMeta(result._meta);
  const text = textOf(result);
  const { first, next } = glimpseOf(text);
  const events = timelineOf(result._meta);
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted">
        Under <span className="font-mono font-semibold text-foreground">{fault.id}</span>:
      </p>
      <div className="[&_[data-testid=provenance-badge]+span]:line-clamp-3">
        <ProvenanceBadge meta={result._meta} />
      </div>
      {provenance && (
        <dl className="grid grid-cols-2 gap-3 @xl:grid-cols-4">
          <Stat name="source" label="Source" value={describeSource(provenance)} />
          {/* Canned todos come from a canned mock: counting its requests as Todoist's would mislead. */}
          {!isCanned(provenance) && <Stat name="requests" label="Requests" value={String(provenance.requests)} />}
          {!isCanned(provenance) && <Stat name="retries" label="Retries" value={String(provenance.retries)} />}
          <Stat name="time" label="Time" value={`${Math.round(provenance.durationMs)} ms`} />
        </dl>
      )}
      {result.isError && (
        <div role="alert" className={ALERT}>
          <p className="font-semibold">The tool reported an error (isError: true)</p>
          <p className="mt-1 font-mono text-sm break-words" data-testid="fault-error">
            {text}
          </p>
        </div>
      )}
      {!result.isError && (
        <div>
          <p className="flex flex-wrap items-baseline justify-between gap-2 text-sm font-semibold">
            What the model reads first
            {!first.startsWith('Source:') && (
              <NoSourceWarning>NO SOURCE LINE — a model cannot tell where these came from</NoSourceWarning>
            )}
          </p>
          <pre
            data-testid="fault-first-lines"
            tabIndex={0}
            className="mt-1 overflow-x-auto rounded-md border border-border bg-border/30 px-3 py-2 font-mono text-sm leading-relaxed whitespace-pre-wrap"
          >
            <span className="font-bold">{first}</span>
            {next.length > 0 && <span className="text-muted">{`\n${next.join('\n')}\n…`}</span>}
          </pre>
        </div>
      )}
      <div>
        <h4 className="text-sm font-semibold">Timeline ({events.length} events)</h4>
        {events.length > 0 ? (
          <div className="mt-1">
            <FaultTimelineList events={events} />
          </div>
        ) : (
          <p className="mt-1 text-muted">
            {session.strategy === 'naive'
              ? 'Empty: the naive server neither retries nor caches. On any failure it swaps in canned todos.'
              : 'Empty: nothing was recorded for this call.'}
          </p>
        )}
      </div>
    </div>
  );
}

function Stat({ name, label, value }: { name: string; label: string; value: string }) {
  return (
    <div className="rounded-md border border-border px-3 py-2">
      <dt className="text-sm text-muted">{label}</dt>
      <dd data-testid={`fault-stat-${name}`} className="font-mono text-xl font-semibold">
        {value}
      </dd>
    </div>
  );
}
