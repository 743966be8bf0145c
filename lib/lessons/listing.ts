/**
 * What the catalogue page shows, as plain data: the lessons grouped by stage,
 * the search filter, and where "Continue" leads. No React, so it is testable
 * and safe to hand from a server component to a client one.
 */
import type { CatalogueEntry } from './catalogue';
import { STAGES, type LessonMeta } from './schema';

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

/** The last live lesson visited, else the first live one not yet completed, else the first live one. */
export function continueTarget(
  lessons: LessonCard[],
  progress: { lastVisited?: string; completed: string[] },
): { lesson: LessonCard; resuming: boolean } | undefined {
  const live = lessons.filter((lesson) => lesson.live);
  const visited = live.find((lesson) => lesson.slug === progress.lastVisited);
  if (visited) return { lesson: visited, resuming: true };
  const next = live.find((lesson) => !progress.completed.includes(lesson.slug)) ?? live[0];
  return next && { lesson: next, resuming: false };
}
