/**
 * What Todoist sends to a webhook callback, and how it signs it. The sender
 * (the mock and the stand-in, lib/mock) and the receiver (app/api/webhooks)
 * both speak exactly this, as Todoist does.
 */

/** The events Todoist can deliver for tasks (Todoist calls tasks "items" in Sync and webhooks). */
export const ITEM_EVENTS = ['item:added', 'item:updated', 'item:deleted', 'item:completed', 'item:uncompleted'] as const;
export type ItemEventName = (typeof ITEM_EVENTS)[number];

/** Every event name Todoist documents; anything else is refused as unknown. */
export const KNOWN_EVENTS: readonly string[] = [
  ...ITEM_EVENTS,
  'note:added', 'note:updated', 'note:deleted',
  'project:added', 'project:updated', 'project:deleted', 'project:archived', 'project:unarchived',
  'section:added', 'section:updated', 'section:deleted', 'section:archived', 'section:unarchived',
  'label:added', 'label:deleted', 'label:updated',
  'filter:added', 'filter:deleted', 'filter:updated',
  'reminder:fired',
];

/** The JSON body of one delivery. `event_data` is the object after the change. */
export interface TodoistWebhookEvent {
  event_name: string;
  user_id: string;
  event_data: Record<string, unknown>;
  initiator: { id: string; email: string; full_name: string; is_premium: boolean; image_id: string | null };
  /** ISO 8601: when the change happened (a retry keeps the original time). */
  triggered_at: string;
  version: '1';
  event_data_extra?: Record<string, unknown>;
}

/** base64(HMAC-SHA256(key = the app's client secret, message = the raw body)). */
export const SIGNATURE_HEADER = 'X-Todoist-Hmac-SHA256';
/** The same on every retry of one delivery: what a receiver deduplicates on. */
export const DELIVERY_ID_HEADER = 'X-Todoist-Delivery-ID';
export const WEBHOOK_USER_AGENT = 'Todoist-Webhooks';
