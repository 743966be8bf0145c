'use client';
/** "Continue where you left off": the last live lesson visited, else the first one to do. */
import Link from 'next/link';
import { useProgress } from '@/components/lesson/use-progress';
import { continueTarget, type LessonCard } from '@/lib/lessons/listing';

export function ContinueButton({ lessons }: { lessons: LessonCard[] }) {
  const [progress] = useProgress();
  const target = continueTarget(lessons, progress);
  if (!target) return null;
  const { lesson, resuming } = target;
  return (
    <Link
      href={`/lessons/${lesson.slug}`}
      data-testid="continue"
      className="inline-flex items-center gap-3 rounded-lg bg-foreground px-5 py-3 text-lg font-semibold text-background shadow-sm hover:opacity-90"
    >
      <span>
        {resuming ? 'Continue where you left off' : 'Start with lesson ' + lesson.number}
        <span className="font-normal opacity-80">: {lesson.title}</span>
      </span>
      <span aria-hidden="true">→</span>
    </Link>
  );
}

export function ProgressSummary({ lessons }: { lessons: LessonCard[] }) {
  const [progress] = useProgress();
  const live = lessons.filter((lesson) => lesson.live);
  const done = live.filter((lesson) => progress.completed.includes(lesson.slug)).length;
  const comingSoon = lessons.length - live.length;
  return (
    <p data-testid="progress-summary" className="text-muted">
      <span className="font-semibold text-foreground">{done}</span> of {live.length} live {live.length === 1 ? 'lesson' : 'lessons'}{' '}
      completed{comingSoon > 0 && ` · ${comingSoon} more coming soon`}
    </p>
  );
}
