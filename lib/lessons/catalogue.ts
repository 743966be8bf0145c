/**
 * The lesson catalogue: every `lessons/NN-slug/` folder, validated once.
 * Folder names, numbers and slugs must agree, so links never break quietly.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LESSON_SOURCES } from '@/lessons';
import { parseLessonMeta, type LessonMeta, type LessonSlug } from './schema';

export interface CatalogueEntry {
  folder: string;
  meta: LessonMeta;
}

let cached: CatalogueEntry[] | undefined;

export function getCatalogue(): CatalogueEntry[] {
  cached ??= buildCatalogue(LESSON_SOURCES);
  return cached;
}

export function buildCatalogue(sources: ReadonlyArray<{ folder: string; meta: unknown }>): CatalogueEntry[] {
  const entries = sources.map(({ folder, meta }) => {
    const parsed = parseLessonMeta(folder, meta);
    const expected = `${String(parsed.number).padStart(2, '0')}-${parsed.slug}`;
    if (folder !== expected) {
      throw new Error(`Lesson "${folder}" has invalid metadata:\n  - folder: must be named "${expected}" (number and slug)`);
    }
    return { folder, meta: parsed };
  });
  const numbers = entries.map((entry) => entry.meta.number);
  if (new Set(numbers).size !== numbers.length) throw new Error('Two lessons share a number');
  return entries.sort((a, b) => a.meta.number - b.meta.number);
}

export function findLesson(slug: string): CatalogueEntry | undefined {
  return getCatalogue().find((entry) => entry.meta.slug === (slug as LessonSlug));
}

/** Previous and next *live* lessons, for navigation. */
export function neighbours(slug: string): { previous?: LessonMeta; next?: LessonMeta } {
  const live = getCatalogue().filter((entry) => entry.meta.status === 'live');
  const index = live.findIndex((entry) => entry.meta.slug === slug);
  return { previous: live[index - 1]?.meta, next: index === -1 ? undefined : live[index + 1]?.meta };
}

/** The lesson's markdown text, read from its folder at build time. */
export function readLessonText(folder: string, root: string = process.cwd()): Promise<string> {
  return readFile(path.join(/*turbopackIgnore: true*/ root, 'lessons', folder, 'lesson.md'), 'utf8');
}
