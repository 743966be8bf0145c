'use client';
/** The lesson's end: mark it complete (saved in this browser), or take it back. */
import { useProgress } from './use-progress';

export function MarkComplete({ slug }: { slug: string }) {
  const [progress, { setCompleted }] = useProgress();
  const completed = progress.completed.includes(slug);
  return (
    <div
      data-testid="mark-complete"
      className={`flex flex-wrap items-center justify-between gap-4 rounded-xl border p-5 ${completed ? 'border-success bg-success/10' : 'border-border bg-surface'}`}
    >
      <p aria-live="polite" className="text-lg">
        {completed ? (
          <span className="font-semibold text-success">✓ You completed this lesson.</span>
        ) : (
          'Read it, ran the demos, answered the questions?'
        )}
      </p>
      {completed ? (
        <button type="button" onClick={() => setCompleted(slug, false)} className="rounded-lg border border-border bg-background px-4 py-2 hover:bg-surface-strong">
          Mark as not complete
        </button>
      ) : (
        <button
          type="button"
          onClick={() => setCompleted(slug, true)}
          className="rounded-lg bg-foreground px-5 py-2.5 font-semibold text-background hover:opacity-90"
        >
          Mark complete
        </button>
      )}
    </div>
  );
}
