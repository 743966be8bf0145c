/**
 * Every lesson folder, in order. A lesson is data (meta.ts, validated by
 * lib/lessons/schema.ts when the site is built) plus its text (lesson.md).
 */
import mockThatLied from './01-mock-that-lied/meta';
import configuration from './02-configuration/meta';
import pagination from './03-pagination/meta';
import fallback from './04-fallback/meta';
import filtering from './05-filtering/meta';
import architecture from './06-architecture/meta';
import multiTenant from './07-multi-tenant/meta';
import realTime from './08-real-time/meta';
import security from './09-security/meta';

export const LESSON_SOURCES = [
  { folder: '01-mock-that-lied', meta: mockThatLied },
  { folder: '02-configuration', meta: configuration },
  { folder: '03-pagination', meta: pagination },
  { folder: '04-fallback', meta: fallback },
  { folder: '05-filtering', meta: filtering },
  { folder: '06-architecture', meta: architecture },
  { folder: '07-multi-tenant', meta: multiTenant },
  { folder: '08-real-time', meta: realTime },
  { folder: '09-security', meta: security },
] as const;
