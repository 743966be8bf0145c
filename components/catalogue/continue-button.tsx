'use client';
/**
 * "Continue": the lesson to open next, and how many are done. Progress lives in localStorage, which the server
 * cannot read: until the browser has read it, both show a neutral placeholder instead of "0 of 6" or
 * "Start with lesson 1", which would flash and then change.
 */
import Link from 'next/link';
import { useHydrated } from '@/components/lesson/panel/use-hydrated';
import { useProgress } from '@/components/lesson/use-progress';
import { continueLabel, continueTarget, type LessonCard } from '@/lib/lessons/listing';

const BUTTON_CLASSES =
  'inline-flex items-center gap-3 rounded-lg bg-foreground px-5 py-3 text-lg font-semibold text-background shadow-sm hover:opacity-90';

export function ContinueButton({ lessons }: { lessons: LessonCard[] }) {
  const [progress] = useProgress();
  const progressRead = useHydrated();
  const target = continueTarget(lessons, progress);
  if (!target) return null;
  const { lesson } = target;
  return (
    <Link href={`/lessons/${lesson.slug}`} data-testid="continue" data-progress-read={progressRead} className={BUTTON_CLASSES}>
      {progressRead ? (
        <span>
          {continueLabel(target, progress.completed.length)}
          <span className="font-normal opacity-80">: {lesson.title}</span>
        </span>
      ) : (
        <span>Open the lessons</span>
      )}
      <span aria-hidden="true">→</span>
    </Link>
  );
}

export function ProgressSummary({ lessons }: { lessons: LessonCard[] }) {
  const [progress] = useProgress();
  const progressRead = useHydrated();
  const live = lessons.filter((lesson) => lesson.live);
  const done = live.filter((lesson) => progress.completed.includes(lesson.slug)).length;
  const comingSoon = lessons.length - live.length;
  return (
    <p data-testid="progress-summary" data-progress-read={progressRead} className="text-muted">
      <span className="font-semibold text-foreground">{progressRead ? done : '–'}</span> of {live.length} live{' '}
      {live.length === 1 ? 'lesson' : 'lessons'} completed{comingSoon > 0 && ` · ${comingSoon} more coming soon`}
    </p>
  );
}
