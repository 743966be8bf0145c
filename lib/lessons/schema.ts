/**
 * Lessons are data: each `lessons/NN-slug/meta.ts` is validated by these
 * schemas when the site is built, so a broken lesson fails the build with a
 * message naming the lesson and the field — never a blank page at runtime.
 */
import { z } from 'zod';
import { BACKENDS, OUTPUTS, READS, SCENARIO_NAMES, SIZES, STRATEGIES, TOKENS } from '@/lib/mcp/setting-choices';
import { STAGES } from './stages';

/** Fixed slugs: links, checks and progress use them. */
export const LESSON_SLUGS = [
  'mock-that-lied',
  'configuration',
  'pagination',
  'fallback',
  'filtering',
  'architecture',
  'multi-tenant',
  'real-time',
  'security',
] as const;
export type LessonSlug = (typeof LESSON_SLUGS)[number];

export { STAGES };

export const TOOL_NAMES = [
  'list_projects',
  'list_tasks',
  'filter_tasks',
  'get_task',
  'get_overview',
  'create_task',
  'complete_task',
] as const;

/**
 * The settings of one MCP session a demo declares (LESSON_SETTING_KEYS), as the endpoint URL takes them
 * (no defaults: a compare side sets only what it changes). The values come from lib/mcp/setting-choices.
 */
const PanelSettingsFields = z.object({
  backend: z.enum(BACKENDS),
  strategy: z.enum(STRATEGIES),
  scenario: z.enum(SCENARIO_NAMES),
  size: z.enum(SIZES),
  /** Real backend: the configured token, or a simulated missing / wrong one. */
  token: z.enum(TOKENS),
  /** Overrides the strategy's output (raw API JSON or compact lines). */
  output: z.enum(OUTPUTS).optional(),
  /** Overrides the strategy's full read of every task: the cursor loop (`pages`) or one full `sync`. */
  read: z.enum(READS).optional(),
});

export const PanelSettingsSchema = PanelSettingsFields.extend({
  token: PanelSettingsFields.shape.token.default('configured'),
});
export type PanelSettings = z.infer<typeof PanelSettingsSchema>;

export const DemoSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  /** What to do and what to look for, one or two sentences. */
  description: z.string().min(1),
  tool: z.enum(TOOL_NAMES),
  arguments: z.record(z.string(), z.unknown()).default({}),
  /** Arguments the learner may edit before a run (a text field each), with examples to pick from. */
  inputs: z
    .array(
      z.object({
        /** The argument's name; its starting value is `arguments[name]`. */
        name: z.string().min(1),
        label: z.string().min(1),
        examples: z.array(z.string().min(1)).default([]),
      }),
    )
    .default([]),
  /** The settings the demo starts with. */
  defaults: PanelSettingsSchema,
  /** Which toggles the learner may flip, and to what. */
  offers: z.object({
    backends: z.array(PanelSettingsFields.shape.backend).min(1),
    strategies: z.array(PanelSettingsFields.shape.strategy).min(1),
    scenarios: z.array(PanelSettingsFields.shape.scenario).min(1),
    sizes: z.array(PanelSettingsFields.shape.size).min(1),
    tokens: z.array(PanelSettingsFields.shape.token).default(['configured']),
  }),
  /** The side-by-side run: the same call under two settings. */
  compare: z
    .object({
      left: PanelSettingsFields.partial(),
      right: PanelSettingsFields.partial(),
      /** What the learner should notice, e.g. "naive reads one page". */
      point: z.string().min(1),
    })
    .optional(),
}).refine((demo) => demo.inputs.every((input) => typeof demo.arguments[input.name] === 'string'), {
  message: 'every input must name a string argument (its starting value)',
  path: ['inputs'],
});
export type Demo = z.infer<typeof DemoSchema>;
export type DemoInput = Demo['inputs'][number];

/** A real source file shown in the lesson: by exported symbol (preferred: survives edits) or by line range. */
export const SourceExcerptSchema = z
  .object({
    file: z.string().regex(/^(lib|app|components|bin|scripts)\/[\w./[\]-]+\.(ts|tsx|mjs)$/),
    symbol: z.string().optional(),
    lines: z.tuple([z.number().int().min(1), z.number().int().min(1)]).optional(),
    title: z.string().min(1),
    /** Why this code matters, in a sentence. */
    note: z.string().min(1),
  })
  .refine((excerpt) => !(excerpt.symbol && excerpt.lines), { message: 'give either symbol or lines, not both' });
export type SourceExcerpt = z.infer<typeof SourceExcerptSchema>;

export const CheckpointSchema = z
  .object({
    question: z.string().min(1),
    choices: z.array(z.string().min(1)).min(2).max(5),
    /** Index into choices. */
    answer: z.number().int().min(0),
    explanation: z.string().min(1),
  })
  .refine((checkpoint) => checkpoint.answer < checkpoint.choices.length, {
    message: 'answer must be the index of one of the choices',
    path: ['answer'],
  });
export type Checkpoint = z.infer<typeof CheckpointSchema>;

/** The Claude.ai prompt, in the seed's spirit; the learner's observations are added when copied. */
export const PromptTemplateSchema = z.object({
  purpose: z.string().min(1),
  context: z.string().min(1),
  challenge: z.string().min(1),
  concept: z.string().min(1),
  patterns: z.array(z.string().min(1)).min(1),
  explore: z.array(z.string().min(1)).min(1),
});
export type PromptTemplate = z.infer<typeof PromptTemplateSchema>;

/** Lesson-specific live views shown beside the demos. */
export const WIDGETS = [
  'config-resolution',
  'pagination-grid',
  'task-tree',
  'fault-timeline',
  'size-compare',
  'layers',
  'protocol-generations',
  'two-tenants',
  'attack-lab',
  'real-time-lab',
] as const;
export type Widget = (typeof WIDGETS)[number];

export const LessonMetaSchema = z.object({
  slug: z.enum(LESSON_SLUGS),
  number: z.number().int().min(1),
  title: z.string().min(1),
  stage: z.enum(Object.keys(STAGES) as [keyof typeof STAGES, ...(keyof typeof STAGES)[]]),
  summary: z.string().min(1),
  minutes: z.number().int().positive(),
  /** `coming-soon` lessons appear in the catalogue but have no page yet. */
  status: z.enum(['live', 'coming-soon']),
  objectives: z.array(z.string().min(1)).default([]),
  demos: z.array(DemoSchema).default([]),
  widgets: z.array(z.enum(WIDGETS)).default([]),
  sources: z.array(SourceExcerptSchema).default([]),
  checkpoints: z.array(CheckpointSchema).default([]),
  prompt: PromptTemplateSchema.optional(),
});
export type LessonMeta = z.infer<typeof LessonMetaSchema>;
export type LessonMetaInput = z.input<typeof LessonMetaSchema>;

/** A live lesson needs the whole kit. */
export const LiveLessonSchema = LessonMetaSchema.extend({
  objectives: z.array(z.string().min(1)).min(1),
  demos: z.array(DemoSchema).min(1),
  sources: z.array(SourceExcerptSchema).min(1),
  checkpoints: z.array(CheckpointSchema).min(1),
  prompt: PromptTemplateSchema,
});

/** Validates one lesson's metadata; the error names the lesson and every bad field. */
export function parseLessonMeta(folder: string, input: unknown): LessonMeta {
  const status = (input as { status?: unknown } | null)?.status;
  const schema = status === 'live' ? LiveLessonSchema : LessonMetaSchema;
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new Error(`Lesson "${folder}" has invalid metadata:\n${problems.join('\n')}`);
}
