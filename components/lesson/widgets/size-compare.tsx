'use client';
/**
 * Lesson 5, measured: (a) who filters — the tool after fetching everything,
 * or Todoist — and (b) what the model reads — raw API JSON or compact lines.
 * Real calls to this app's MCP server; the numbers come from their results.
 */
import { useState, type ReactNode } from 'react';
import { ALERT, PRIMARY_BUTTON, SECONDARY_BUTTON } from '@/components/ui/styles';
import {
  describeFiltering,
  describeOutputs,
  measureCompactOverview,
  measureFetch,
  measureRawOverview,
} from '@/lib/lessons/widgets/size-compare';
import { useHydrated } from '../panel/use-hydrated';
import { useObservations } from '../panel/use-observations';
import { SizeFilteringResult } from './parts/size-filtering-card';
import { SizeOutputResult } from './parts/size-output-card';
import { useSizeSessions, type SizeSource } from './parts/size-sessions';
import { SizeSourcePicker } from './parts/size-source-picker';

const WHERE: Record<SizeSource, string> = {
  small: 'the small mock (180 tasks)',
  large: 'the large mock (5,000 tasks)',
  real: 'the real backend',
};

export function SizeCompare({ slug }: { slug: string }) {
  // Each comparison joins "What you observed", so the copied prompt carries its figures.
  const { add: observe } = useObservations(slug);
  const [source, setSource] = useState<SizeSource>('small');
  const { filtering, outputs, cancel } = useSizeSessions();
  const hydrated = useHydrated();
  const busy = !hydrated || filtering.isPending || outputs.isPending;

  const changeSource = (next: SizeSource) => {
    setSource(next);
    // Numbers from another source would be misread as this one's.
    filtering.reset();
    outputs.reset();
  };

  return (
    <section aria-labelledby="size-compare-heading" data-testid="widget-size-compare" className="@container space-y-6 rounded-xl border border-border p-5">
      <div>
        <h2 id="size-compare-heading" className="text-2xl font-semibold">
          Measure it: bytes, tokens, tasks
        </h2>
        <p className="mt-2 text-base leading-relaxed">
          Real calls to this app&apos;s MCP server, compared on what they cost and what they keep.
        </p>
      </div>
      <SizeSourcePicker value={source} onChange={changeSource} disabled={busy} />

      <Comparison
        id="size-filtering"
        title="Who filters? “My p1 tasks”"
        intro="The same question, two ways: list_tasks fetches every task and keeps the p1s itself (GET /tasks has no priority parameter); filter_tasks lets Todoist run the query p1."
        button="Compare the two ways"
        onRun={() =>
          filtering.mutate(source, {
            onSuccess: (run) => {
              const summary = describeFiltering(WHERE[run.source], measureFetch(run.inTool), measureFetch(run.byApi));
              observe({ kind: 'widget', widget: 'size-compare', summary });
            },
          })
        }
        disabled={busy}
        onCancel={cancel}
        pending={filtering.isPending}
        error={filtering.error}
      >
        {filtering.data && <SizeFilteringResult run={filtering.data} />}
      </Comparison>

      <Comparison
        id="size-outputs"
        title="What the model reads: raw or compact"
        intro="get_overview twice, everything equal but the output: the raw API JSON (a run with output=raw) and compact lines within its default budget of about 2,000 tokens."
        button="Compare raw and compact"
        onRun={() =>
          outputs.mutate(source, {
            onSuccess: (run) => {
              const summary = describeOutputs(WHERE[run.source], measureRawOverview(run.raw), measureCompactOverview(run.compact));
              observe({ kind: 'widget', widget: 'size-compare', summary });
            },
          })
        }
        disabled={busy}
        onCancel={cancel}
        pending={outputs.isPending}
        error={outputs.error}
      >
        {outputs.data && <SizeOutputResult run={outputs.data} />}
      </Comparison>
    </section>
  );
}

interface ComparisonProps {
  id: string;
  title: string;
  intro: string;
  button: string;
  onRun: () => void;
  onCancel: () => void;
  disabled: boolean;
  pending: boolean;
  error: Error | null;
  children: ReactNode;
}

function Comparison({ id, title, intro, button, onRun, onCancel, disabled, pending, error, children }: ComparisonProps) {
  return (
    <section aria-labelledby={`${id}-heading`} data-testid={id} aria-busy={pending} className="space-y-3 rounded-lg border border-border p-4">
      <h3 id={`${id}-heading`} className="text-xl font-semibold">
        {title}
      </h3>
      <p className="text-base leading-relaxed">{intro}</p>
      <button type="button" onClick={onRun} disabled={disabled} className={PRIMARY_BUTTON}>
        {button}
      </button>
      {pending && (
        <div className="flex items-center gap-3">
          <p role="status" className="font-semibold">
            Running…
          </p>
          <button type="button" onClick={onCancel} className={SECONDARY_BUTTON}>
            Cancel
          </button>
        </div>
      )}
      {error && (
        <div role="alert" className={ALERT}>
          <p className="font-semibold">The call failed (a protocol error, thrown by the client)</p>
          <p className="mt-1 font-mono text-sm">{error.message}</p>
        </div>
      )}
      {!pending && children}
    </section>
  );
}
