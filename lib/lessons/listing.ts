/**
 * What the catalogue page shows, as plain data: the lessons grouped by stage,
 * the search filter, and where "Continue" leads. No React, so it is testable
 * and safe to hand from a server component to a client one.
 */
import type { CatalogueEntry } from './catalogue';
import type { LessonMeta } from './schema';
import { STAGES } from './stages';

export type StageId = keyof typeof STAGES;

export interface LessonCard {
  slug: string;
  number: number;
  title: string;
  summary: string;
  minutes: number;
  live: boolean;
}

export interface StageGroup {
  id: StageId;
  title: string;
  lessons: LessonCard[];
}

export function toLessonCard(meta: LessonMeta): LessonCard {
  const { slug, number, title, summary, minutes, status } = meta;
  return { slug, number, title, summary, minutes, live: status === 'live' };
}

/** Stages in their teaching order (the order of STAGES), each with its lessons in number order. */
export function groupByStage(entries: CatalogueEntry[]): StageGroup[] {
  return (Object.keys(STAGES) as StageId[]).map((id) => ({
    id,
    title: STAGES[id],
    lessons: entries.filter((entry) => entry.meta.stage === id).map((entry) => toLessonCard(entry.meta)),
  }));
}

/** Case-insensitive; every word must appear in the title or the summary ("mock lied" finds lesson 1). */
export function filterStages(stages: StageGroup[], query: string): StageGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return stages;
  const matches = (lesson: LessonCard) => {
    const text = `${lesson.title} ${lesson.summary}`.toLowerCase();
    return words.every((word) => text.includes(word));
  };
  return stages.map((stage) => ({ ...stage, lessons: stage.lessons.filter(matches) })).filter((stage) => stage.lessons.length > 0);
}

/**
 * Where "Continue" goes:
 * - `resume`: the last live lesson visited, while it is not completed yet;
 * - `next`: otherwise the first live lesson not completed, looking forward from the last one visited
 *   (then wrapping round), so finishing lesson 3 leads to lesson 4, not back to a skipped lesson 1;
 * - `all-done`: every live lesson is completed — the first one, to review.
 */
export type ContinueTarget = { lesson: LessonCard; kind: 'resume' | 'next' | 'all-done' };

export function continueTarget(
  lessons: LessonCard[],
  progress: { lastVisited?: string; completed: string[] },
): ContinueTarget | undefined {
  const live = lessons.filter((lesson) => lesson.live);
  const isDone = (lesson: LessonCard) => progress.completed.includes(lesson.slug);
  const visitedAt = live.findIndex((lesson) => lesson.slug === progress.lastVisited);
  const visited = live[visitedAt];
  if (visited && !isDone(visited)) return { lesson: visited, kind: 'resume' };
  const fromVisited = [...live.slice(visitedAt + 1), ...live.slice(0, visitedAt + 1)];
  const next = fromVisited.find((lesson) => !isDone(lesson));
  if (next) return { lesson: next, kind: 'next' };
  return live[0] && { lesson: live[0], kind: 'all-done' };
}

/** The Continue button's words: a learner who has completed some lessons is told which one is next, not "Start". */
export function continueLabel(target: ContinueTarget, completedCount: number): string {
  if (target.kind === 'resume') return 'Continue where you left off';
  if (target.kind === 'all-done') return `All lessons done — review lesson ${target.lesson.number}`;
  return completedCount === 0 ? `Start with lesson ${target.lesson.number}` : `Next up: lesson ${target.lesson.number}`;
}
