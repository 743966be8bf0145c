'use client';
/** "Reset progress": forgets completed lessons and checkpoint answers, after the learner confirms. */
import { useHydrated } from '@/components/lesson/panel/use-hydrated';
import { useProgress } from '@/components/lesson/use-progress';

export function ResetProgressButton() {
  const [progress, { reset }] = useProgress();
  const progressRead = useHydrated();
  const hasProgress = progress.completed.length > 0 || Object.keys(progress.answers).length > 0 || progress.lastVisited !== undefined;
  if (!progressRead || !hasProgress) return null;

  const confirmAndReset = () => {
    // Nothing brings the progress back: ask first.
    if (window.confirm('Reset all progress? Completed lessons and checkpoint answers will be forgotten.')) reset();
  };
  return (
    <button type="button" onClick={confirmAndReset} className="rounded-md border border-border px-3 py-1 text-sm text-muted hover:bg-surface hover:text-foreground">
      Reset progress
    </button>
  );
}
