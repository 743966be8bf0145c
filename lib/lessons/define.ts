import type { LessonMetaInput } from './schema';

/** Typed while writing a lesson; validated by the schema when the site is built. */
export function defineLesson(meta: LessonMetaInput): LessonMetaInput {
  return meta;
}
