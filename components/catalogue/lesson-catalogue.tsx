'use client';
/**
 * The lessons by stage, with a filter box (press "/" to jump to it) and the
 * learner's progress, which lives in this browser and so appears after hydration.
 */
import Link from 'next/link';
import { useId, useState } from 'react';
import { Kbd, shortcut } from '@/components/keyboard/shortcut';
import { useProgress } from '@/components/lesson/use-progress';
import { filterStages, type LessonCard, type StageGroup } from '@/lib/lessons/listing';

export function LessonCatalogue({ stages }: { stages: StageGroup[] }) {
  const [query, setQuery] = useState('');
  const [progress] = useProgress();
  const filterId = useId();
  const shown = filterStages(stages, query);
  const total = stages.reduce((sum, stage) => sum + stage.lessons.length, 0);
  const count = shown.reduce((sum, stage) => sum + stage.lessons.length, 0);
  const stageNumber = new Map(stages.map((stage, index) => [stage.id, index + 1]));

  return (
    <section aria-labelledby="lessons-heading" className="mt-14">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h2 id="lessons-heading" className="text-2xl font-bold tracking-tight">
          Lessons
        </h2>
        <div role="search" className="w-full sm:w-80">
          <label htmlFor={filterId} className="sr-only">
            Filter lessons
          </label>
          <div className="relative">
            <input
              id={filterId}
              type="search"
              {...shortcut('/')}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={(event) => event.key === 'Escape' && setQuery('')}
              placeholder="Filter lessons…"
              autoComplete="off"
              className="w-full rounded-lg border border-border bg-background py-2 pr-10 pl-3 placeholder:text-muted"
            />
            <Kbd className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2">/</Kbd>
          </div>
        </div>
      </div>
      <p aria-live="polite" className="mt-2 min-h-[1.6em] text-muted">
        {query.trim() && (count === 0 ? `No lesson matches “${query.trim()}”.` : `Showing ${count} of ${total} lessons.`)}
      </p>

      <div data-testid="lesson-list" className="mt-4 space-y-10">
        {shown.map((stage) => (
          <section key={stage.id} aria-labelledby={`stage-${stage.id}`}>
            <h3 id={`stage-${stage.id}`} className="flex items-baseline gap-3 text-lg font-semibold">
              <span className="font-mono text-sm font-medium tracking-wider text-muted uppercase">
                Stage {stageNumber.get(stage.id)}
              </span>
              {stage.title}
            </h3>
            <ol className="mt-3 grid gap-3 md:grid-cols-2 xl:grid-cols-3">
              {stage.lessons.map((lesson) => (
                <LessonItem key={lesson.slug} lesson={lesson} completed={progress.completed.includes(lesson.slug)} />
              ))}
            </ol>
          </section>
        ))}
      </div>
    </section>
  );
}

function LessonItem({ lesson, completed }: { lesson: LessonCard; completed: boolean }) {
  const title = lesson.live ? (
    // The link's ::after covers the whole card, so the card is one big target but one tab stop.
    <Link href={`/lessons/${lesson.slug}`} className="after:absolute after:inset-0 after:rounded-xl hover:underline">
      {lesson.title}
    </Link>
  ) : (
    lesson.title
  );
  return (
    <li
      data-testid={`lesson-${lesson.slug}`}
      data-status={lesson.live ? 'live' : 'coming-soon'}
      className={`relative flex gap-4 rounded-xl border p-5 ${
        lesson.live
          ? 'border-border bg-background shadow-sm transition hover:border-accent hover:shadow-md focus-within:border-accent'
          : 'border-dashed border-border bg-surface'
      }`}
    >
      <span
        aria-hidden="true"
        className={`flex size-10 shrink-0 items-center justify-center rounded-full font-mono text-base font-bold ${
          completed ? 'bg-success text-background' : lesson.live ? 'bg-accent text-accent-foreground' : 'border border-border text-muted'
        }`}
      >
        {completed ? '✓' : lesson.number}
      </span>
      <div className="min-w-0 flex-1">
        <p className="text-lg leading-snug font-semibold">
          <span className="sr-only">Lesson {lesson.number}: </span>
          {title}
        </p>
        <p className="mt-1.5 leading-relaxed text-muted">{lesson.summary}</p>
        <p className="mt-3 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-muted">{lesson.minutes} min</span>
          {lesson.live ? (
            completed ? (
              <span data-testid="completed" className="rounded-full bg-success/10 px-2.5 py-0.5 font-semibold text-success">
                ✓ Completed
              </span>
            ) : (
              <span className="rounded-full bg-accent/10 px-2.5 py-0.5 font-semibold text-accent">Live</span>
            )
          ) : (
            <span className="rounded-full border border-border px-2.5 py-0.5 font-medium text-muted">Coming soon</span>
          )}
        </p>
      </div>
    </li>
  );
}
