/**
 * A delivery's body, checked before anything uses it: UTF-8, JSON, and the
 * shape Todoist documents (lib/realtime/webhook-event.ts). What the receiver
 * relies on is checked strictly (who, which event, when); what it only passes
 * on (`event_data`, `initiator`) must merely be an object, so a field Todoist
 * adds or drops there does not turn every delivery into a refusal.
 *
 * Refusals say what is wrong and never quote the body.
 */
import { z } from 'zod';
import { describeTodoistIdRule, isTodoistId } from '@/lib/todoist/ids';

const JsonObjectSchema = z.record(z.string(), z.unknown());

export const WebhookEventSchema = z.object({
  event_name: z.string().min(1).max(100),
  user_id: z.string().refine(isTodoistId, `is not ${describeTodoistIdRule()}`),
  event_data: JsonObjectSchema,
  initiator: JsonObjectSchema,
  triggered_at: z.string().refine((value) => Number.isFinite(Date.parse(value)), 'is not an ISO 8601 date and time'),
  // Not pinned to "1": the event is only a trigger, and a new version should not stop the refreshes.
  version: z.string(),
  event_data_extra: JsonObjectSchema.optional(),
});

/** A delivery's body as the receiver hands it on (a TodoistWebhookEvent, with `version` any string). */
export type WebhookEvent = z.infer<typeof WebhookEventSchema>;

export type ParsedWebhookBody = { event: WebhookEvent } | { problem: string };

export function parseWebhookBody(rawBody: Uint8Array): ParsedWebhookBody {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(rawBody);
  } catch {
    return { problem: 'the body is not UTF-8 text' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: text.trim() ? 'the body is not valid JSON (truncated?)' : 'the body is empty' };
  }
  const parsed = WebhookEventSchema.safeParse(json);
  if (parsed.success) return { event: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.');
  // Stryker disable next-line OptionalChaining: equivalent — a failed parse always has an issue
  const message = issue?.message ?? 'is invalid';
  // zod's own messages start with a capital ("Invalid input: …"); ours read on from the field's name.
  const what = where ? `field "${where}" ${message[0]?.toLowerCase()}${message.slice(1)}` : 'it is not a JSON object';
  return { problem: `the body is not a Todoist webhook event: ${what}` };
}
