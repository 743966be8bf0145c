/**
 * The contract with Todoist API v1, as zod schemas.
 *
 * Types are inferred from these schemas, never written twice. Objects tolerate
 * unknown fields (the API adds fields over time; zod drops them), while a
 * missing required field fails with its path, e.g. `results.3.priority`.
 * Wire format is snake_case, exactly as the API sends it.
 */
import { z } from 'zod';

/** Opaque string ids, e.g. "6XR4GqQQCW6Gv9h4". Never numbers. */
export const IdSchema = z.string().min(1);

/**
 * `due.date` has three forms: full-day "2026-10-01", floating time
 * "2026-10-01T12:00:00.000000" (no zone) and fixed "2026-10-01T17:00:00.000000Z"
 * with `timezone` set.
 */
export const DueSchema = z.object({
  date: z.string(),
  string: z.string(),
  is_recurring: z.boolean(),
  timezone: z.string().nullish(),
  lang: z.string().nullish(),
  datetime: z.string().nullish(),
});

export const DeadlineSchema = z.object({
  date: z.string(),
  lang: z.string().nullish(),
});

export const DurationSchema = z.object({
  amount: z.number().positive(),
  unit: z.enum(['minute', 'day']),
});

/** API priority: 4 is the most urgent ("p1" in the UI), 1 is normal ("p4"). */
export const ApiPrioritySchema = z.number().int().min(1).max(4);

export const TaskSchema = z.object({
  id: IdSchema,
  user_id: z.string(),
  project_id: IdSchema,
  section_id: z.string().nullable(),
  parent_id: z.string().nullable(),
  content: z.string(),
  description: z.string(),
  labels: z.array(z.string()),
  priority: ApiPrioritySchema,
  due: DueSchema.nullable(),
  deadline: DeadlineSchema.nullable(),
  duration: DurationSchema.nullable(),
  child_order: z.number().int(),
  day_order: z.number().int(),
  is_collapsed: z.boolean(),
  checked: z.boolean(),
  is_deleted: z.boolean(),
  added_at: z.string().nullable(),
  updated_at: z.string().nullable(),
  completed_at: z.string().nullable(),
  added_by_uid: z.string().nullable(),
  assigned_by_uid: z.string().nullable(),
  responsible_uid: z.string().nullable(),
  note_count: z.number().int().optional(),
});

export const ProjectSchema = z.object({
  id: IdSchema,
  name: z.string(),
  description: z.string(),
  color: z.string(),
  parent_id: z.string().nullish(),
  child_order: z.number().int(),
  is_collapsed: z.boolean(),
  is_favorite: z.boolean(),
  is_archived: z.boolean(),
  is_deleted: z.boolean(),
  is_shared: z.boolean(),
  view_style: z.string(),
  /** Present only on the inbox, and only when true. */
  inbox_project: z.boolean().optional(),
  created_at: z.string().nullable(),
  updated_at: z.string().nullable(),
  workspace_id: z.string().optional(),
  folder_id: z.string().nullish(),
});

export const SectionSchema = z.object({
  id: IdSchema,
  name: z.string(),
  project_id: IdSchema,
  section_order: z.number().int(),
  is_collapsed: z.boolean(),
  is_archived: z.boolean(),
  is_deleted: z.boolean(),
  added_at: z.string(),
  updated_at: z.string().nullable(),
  archived_at: z.string().nullable(),
  user_id: z.string(),
});

export const LabelSchema = z.object({
  id: IdSchema,
  name: z.string(),
  color: z.string(),
  order: z.number().int().nullable(),
  is_favorite: z.boolean(),
});

export const CommentSchema = z.object({
  id: IdSchema,
  /** The task a comment belongs to (the API still calls tasks "items" here). */
  item_id: z.string().optional(),
  project_id: z.string().optional(),
  content: z.string(),
  posted_at: z.string(),
  posted_uid: z.string(),
  file_attachment: z.record(z.string(), z.unknown()).nullable(),
  reactions: z.record(z.string(), z.array(z.string())).nullable(),
  is_deleted: z.boolean(),
});

export const UserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  full_name: z.string(),
  inbox_project_id: IdSchema,
  lang: z.string(),
  tz_info: z.object({
    timezone: z.string(),
    gmt_string: z.string(),
    hours: z.number().int(),
    minutes: z.number().int(),
    is_dst: z.number().int(),
  }),
});

/** Every list endpoint: `{results, next_cursor}`; `next_cursor: null` is the last page. */
export function listEnvelopeSchema<Item extends z.ZodType>(item: Item) {
  return z.object({
    results: z.array(item),
    next_cursor: z.string().nullable(),
  });
}

/** The JSON body of every API error. */
export const TodoistErrorBodySchema = z.object({
  error: z.string(),
  error_code: z.number().int(),
  error_extra: z.record(z.string(), z.unknown()).default({}),
  error_tag: z.string(),
  http_code: z.number().int(),
});

export type Due = z.infer<typeof DueSchema>;
export type Deadline = z.infer<typeof DeadlineSchema>;
export type Duration = z.infer<typeof DurationSchema>;
export type Task = z.infer<typeof TaskSchema>;
export type Project = z.infer<typeof ProjectSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type Label = z.infer<typeof LabelSchema>;
export type Comment = z.infer<typeof CommentSchema>;
export type User = z.infer<typeof UserSchema>;
export type TodoistErrorBody = z.infer<typeof TodoistErrorBodySchema>;
export type ListPage<Item> = { results: Item[]; next_cursor: string | null };

/** Fields accepted by `POST /tasks` (create) — a subset of what the API takes. */
export const CreateTaskArgsSchema = z.object({
  content: z.string().min(1).max(500),
  description: z.string().max(16383).optional(),
  project_id: z.string().optional(),
  section_id: z.string().optional(),
  parent_id: z.string().optional(),
  labels: z.array(z.string()).optional(),
  priority: ApiPrioritySchema.optional(),
  due_string: z.string().optional(),
  due_date: z.string().optional(),
  due_datetime: z.string().optional(),
  due_lang: z.string().optional(),
});
export type CreateTaskArgs = z.infer<typeof CreateTaskArgsSchema>;

/** Fields accepted by `POST /tasks/{id}` (update). */
export const UpdateTaskArgsSchema = CreateTaskArgsSchema.omit({
  project_id: true,
  section_id: true,
  parent_id: true,
}).partial();
export type UpdateTaskArgs = z.infer<typeof UpdateTaskArgsSchema>;

/** Priority as people say it: "p1" is the most urgent. */
export type UiPriority = 'p1' | 'p2' | 'p3' | 'p4';

export function toUiPriority(apiPriority: number): UiPriority {
  return `p${5 - apiPriority}` as UiPriority;
}

export function toApiPriority(ui: UiPriority): number {
  return 5 - Number(ui.slice(1));
}
