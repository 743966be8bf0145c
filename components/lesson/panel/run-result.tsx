'use client';
/**
 * One run's outcome, as the lesson needs it: where the data came from (the
 * badge), the exact text a model receives, and errors as errors. Reuses the
 * console's badge, JSON view and alert style.
 */
import { JsonView } from '@/components/mcp/json-view';
import { ProvenanceBadge } from '@/components/mcp/provenance-badge';
import { ALERT } from '@/components/ui/styles';
import { textOf } from '@/lib/lessons/observations';
import type { DemoRun } from './use-demo-run';
import { isCancelled } from './use-demo-run';
import { isMissingTokenError, MissingTokenHelp } from './missing-token-help';
import { ProgressRecap, RunProgress } from './run-progress';
import { NoSourceWarning } from './no-source-warning';

interface RunResultProps {
  run: DemoRun;
  /** Shorter text box, for two columns side by side. */
  compact?: boolean;
}

export function RunResult({ run, compact = false }: RunResultProps) {
  const { output, error, pending, settings } = run;
  if (pending) return <RunProgress progress={run.progress} onCancel={run.cancel} />;
  if (error) return <CallFailure error={error} />;
  if (!output || !settings) return null;

  const { result } = output;
  const text = textOf(result);
  const labelled = text.startsWith('Source:');
  return (
    <div data-testid="run-result" className="space-y-3">
      {/* The badge's note can be a paragraph (the naive fallback explains itself there): three lines, the rest is in _meta. */}
      <div className="[&_[data-testid=provenance-badge]+span]:line-clamp-3">
        <ProvenanceBadge meta={result._meta} />
      </div>
      {result.isError && (
        <div role="alert" className={ALERT}>
          <p className="font-semibold">The tool reported an error (isError: true)</p>
          {!compact && <p className="mt-1 text-sm">The server answered, but could not do what was asked; its message is below, word for word.</p>}
        </div>
      )}
      <div>
        <p className="flex flex-wrap items-baseline justify-between gap-2 text-sm font-semibold">
          What the model reads
          {!result.isError && !labelled && (
            <NoSourceWarning>NO SOURCE LINE — a model cannot tell mock from real</NoSourceWarning>
          )}
        </p>
        <pre
          data-testid="model-text"
          aria-label="What the model reads"
          // Focusable, so the text can be scrolled with the keyboard too.
          tabIndex={0}
          className={`mt-1 overflow-auto rounded-md border border-border bg-border/30 px-4 py-3 font-mono text-sm leading-relaxed whitespace-pre-wrap ${compact ? 'max-h-72' : 'max-h-[28rem]'}`}
        >
          {text}
        </pre>
      </div>
      {result.isError && isMissingTokenError(text) && <MissingTokenHelp settings={settings} />}
      {run.progress.length > 0 && <ProgressRecap progress={run.progress} />}
      {result.structuredContent !== undefined && <JsonView label="structuredContent (what a program reads)" value={result.structuredContent} />}
      {result._meta !== undefined && <JsonView label="_meta (provenance, for programs)" value={result._meta} />}
    </div>
  );
}

/** A call that did not return a result: cancelled by the learner, or a failure the client ran into (HTTP status, timeout, JSON-RPC error). */
export function CallFailure({ error }: { error: Error }) {
  if (isCancelled(error)) {
    return (
      <p data-testid="run-cancelled" className="text-muted">
        Cancelled: the client stopped waiting and aborted the request (on 2025-11-25 it also sent notifications/cancelled).
      </p>
    );
  }
  return (
    <div role="alert" data-testid="run-failure" className={ALERT}>
      <p className="font-semibold">The call failed: no result came back</p>
      <p className="mt-1 font-mono text-sm">{error.message}</p>
    </div>
  );
}
