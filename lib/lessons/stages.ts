/**
 * The course's stages, in teaching order. Plain data in a module of its own:
 * the home page's catalogue groups by them in the browser without downloading
 * the lesson schemas (zod) that validate lessons at build time.
 */
export const STAGES = {
  'mock-to-real': 'From mock to real',
  'production-ready': 'Production-ready',
  'beyond-one-user': 'Beyond one user',
} as const;
