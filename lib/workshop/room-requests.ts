/**
 * What the room routes accept, checked before anything is stored: the
 * presenter's controls and a learner's seat updates. One line naming the
 * wrong field, never a parser's dump.
 */
import { z } from 'zod';
import { ROOM_SCENARIOS } from './room-scenarios';
import type { RoomControl } from './room';
import type { Progress } from './rooms';


const slug = z.string().regex(/^[a-z0-9-]{1,60}$/, 'a lesson slug');
/** A path on this site under the lesson (never another site: learners' pages navigate to it). */
const lessonHref = z
  .string()
  .max(500)
  .regex(/^\/lessons\/[a-z0-9-]+(\?[\w.~%&=+-]*)?$/, 'a link to a lesson page on this site, such as /lessons/fallback?demo=under-a-fault');

const ControlSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('move'),
    focus: z.object({ slug, href: lessonHref }).refine((focus) => focus.href.split('?')[0] === `/lessons/${focus.slug}`, 'href must be that lesson’s page'),
  }),
  z.object({ action: z.literal('scenario'), scenario: z.enum(ROOM_SCENARIOS).nullable() }),
  z.object({ action: z.literal('reset') }),
  z.object({ action: z.literal('end') }),
]);

const SeatSchema = z.object({
  join: z.boolean().optional(),
  name: z.string().max(200).optional(),
  lesson: slug.optional(),
  demo: z.string().regex(/^[a-z0-9-]{1,60}$/, 'a demo id').optional(),
  observed: z.object({ summary: z.string().min(1).max(400), ok: z.boolean() }).optional(),
});

export type SeatRequest = { join: boolean; name?: string; progress: Progress };

export function parseControl(body: unknown): { control: RoomControl } | { error: string } {
  const parsed = ControlSchema.safeParse(body);
  return parsed.success ? { control: parsed.data } : { error: firstIssue(parsed.error, 'a room control') };
}

export function parseSeatRequest(body: unknown): SeatRequest | { error: string } {
  const parsed = SeatSchema.safeParse(body ?? {});
  if (!parsed.success) return { error: firstIssue(parsed.error, 'a seat update') };
  const { join = false, name, ...progress } = parsed.data;
  return { join, ...(name !== undefined && { name }), progress };
}

function firstIssue(error: z.ZodError, what: string): string {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || 'body';
  return `Invalid ${what}: "${field}" ${issue?.message ?? 'is not valid'}.`;
}
