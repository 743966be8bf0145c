/**
 * The Sync endpoint's contract (`POST /api/v1/sync`), as zod schemas over the
 * REST schemas: Sync's objects are the same snake_case objects, under other
 * names — tasks are `items`, comments are `notes`.
 *
 * Tolerant like the REST schemas (unknown fields are dropped), with one more
 * allowance: a deleted object in a delta may come as a bare tombstone
 * (`{id, is_deleted: true}`) rather than the whole object — the docs do not
 * say which, so both readings are accepted.
 */
import { z } from 'zod';
import { CommentSchema, IdSchema, LabelSchema, ProjectSchema, SectionSchema, TaskSchema, TodoistErrorBodySchema } from './schemas';

/** The resource types this client reads and parses; Sync knows many more (user, reminders, filters…). */
export const SYNC_RESOURCE_TYPES = ['items', 'projects', 'sections', 'labels', 'notes', 'user'] as const;
export type SyncResourceType = (typeof SYNC_RESOURCE_TYPES)[number];

/** `sync_token=*`: everything, from scratch. */
export const FULL_SYNC_TOKEN = '*';

/** What a delta may say about a deleted object when it leaves the rest out. */
export const TombstoneSchema = z.object({ id: IdSchema, is_deleted: z.literal(true) });
export type Tombstone = z.infer<typeof TombstoneSchema>;

function orTombstone<Schema extends z.ZodType>(schema: Schema) {
  return z.union([schema, TombstoneSchema]);
}

/** A write sent with a sync request; `uuid` makes it idempotent, `temp_id` names a new object until it has an id. */
export interface SyncCommand {
  type: string;
  uuid: string;
  args: Record<string, unknown>;
  temp_id?: string;
}

/**
 * Sync's `user` carries dozens of settings; only who the account is and its
 * timezone are read here (the rest is dropped), and the timezone may be absent.
 */
export const SyncUserSchema = z.object({
  id: IdSchema,
  tz_info: z.object({ timezone: z.string() }).optional(),
});

/** One command's outcome: "ok", or an error body in the REST errors' shape. */
export const SyncCommandStatusSchema = z.union([z.literal('ok'), TodoistErrorBodySchema]);

export const SyncResponseSchema = z.object({
  sync_token: z.string().min(1),
  /** True when the answer is the whole state (a `*` sync, or Todoist chose to start over). */
  full_sync: z.boolean(),
  // Each is present when it was asked for; in a delta, only what changed since the token.
  items: z.array(orTombstone(TaskSchema)).optional(),
  projects: z.array(orTombstone(ProjectSchema)).optional(),
  sections: z.array(orTombstone(SectionSchema)).optional(),
  // REST labels carry no is_deleted; Sync's do, and it must survive the parse.
  labels: z.array(orTombstone(LabelSchema.extend({ is_deleted: z.boolean().optional() }))).optional(),
  notes: z.array(orTombstone(CommentSchema)).optional(),
  /** Sent on a full sync, and on a delta only when the user changed. */
  user: SyncUserSchema.optional(),
  sync_status: z.record(z.string(), SyncCommandStatusSchema).optional(),
  temp_id_mapping: z.record(z.string(), z.string()).optional(),
});

export type SyncResponse = z.infer<typeof SyncResponseSchema>;
export type SyncItem = NonNullable<SyncResponse['items']>[number];
export type SyncProject = NonNullable<SyncResponse['projects']>[number];

/** A tombstone, or a whole object that says it is deleted. */
export function isDeleted(object: { is_deleted?: boolean }): boolean {
  return object.is_deleted === true;
}
