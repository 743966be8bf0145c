/**
 * What a write leaves for the webhook sender: the events Todoist would deliver
 * for it, queued while the request runs and handed over only once the
 * workspace state is stored.
 *
 * Order matters for the receiver: a webhook is a trigger for an incremental
 * sync, so it must never arrive before the change it announces can be read.
 * The backend therefore keeps the queue in memory, not in the stored state —
 * whoever owns the backend stores the state first, then takes the queue
 * (`MockBackend.takeWebhookOutbox()`) and hands it to the sender. A process
 * that dies in between loses those deliveries, as Todoist's can be lost: the
 * receiver's next sync heals it.
 *
 * Todoist delivers webhooks per OAuth app; the mock registers them per
 * account (workspace), so a lesson can switch one learner's on and break it.
 *
 * The shapes are the sender's (webhook-sender.ts): a `PendingWebhooks` is
 * exactly what `WebhookSender.deliver` takes.
 */
import type { ItemEventName } from '@/lib/realtime/webhook-event';
import type { Task } from '@/lib/todoist/schemas';
import type { WebhookDeliverInput, WebhookDestination, WebhookFaults, WebhookInitiator, WebhookSender } from './webhook-sender';

/** One account's webhook: where its events go and which delivery faults are on. Plain JSON, in the workspace state. */
export type WebhookRegistration = WebhookDestination;

/** One change, as Todoist announces it: the event and the task after the change. */
export interface OutboxEntry {
  event_name: ItemEventName;
  /** A copy, as the API shows it (the account's user id): later writes in the same request do not change it. */
  task: Task;
  /** When the change happened (ISO 8601): the webhook's `triggered_at`, the same on every retry. */
  triggered_at: string;
}

/** What the sender gets from one request: enough to build and sign every delivery (`WebhookSender.deliver`'s input). */
export interface PendingWebhooks extends WebhookDeliverInput {
  registration: WebhookRegistration;
  /** The account's Todoist user id: each delivery's `user_id`. */
  userId: string;
  /** Who made the change: each delivery's `initiator`. */
  initiator: WebhookInitiator;
  /** In the order the changes happened. */
  changes: OutboxEntry[];
}

/**
 * Hands a request's webhooks to the sender. Called after the state is
 * stored; it schedules and returns, and never throws (a delivery problem is
 * the sender's to log, never the write's to fail).
 */
export type DeliverWebhooks = (pending: PendingWebhooks) => void;

/**
 * A sender as a DeliverWebhooks. The sender refuses what it cannot send (a
 * callback that is not a URL) by throwing; here that ends in `onError`, never
 * in the write that was already stored and answered.
 */
export function deliverThrough(sender: Pick<WebhookSender, 'deliver'>, onError: (error: unknown) => void = () => undefined): DeliverWebhooks {
  return (pending) => {
    try {
      sender.deliver(pending);
    } catch (error) {
      onError(error);
    }
  };
}

const MAX_CALLBACK_URL_LENGTH = 2048;
/** A minute at most, like the scenarios' delays: a late delivery in a lesson, not a held timer. */
export const MAX_WEBHOOK_LATE_MS = 60_000;
const SWITCHES = ['duplicate', 'outOfOrder', 'lost', 'badSignature', 'redeliver'] as const;
/** Every fault a registration can name (`lateMs` is a number of milliseconds, the rest on/off). */
export const WEBHOOK_FAULTS = [...SWITCHES, 'lateMs'] as const;

/**
 * Reads a registration from untrusted input (a control route's body): the
 * registration, or one line saying what is wrong. Only http(s) URLs; faults
 * as the sender takes them, e.g. {"duplicate": true, "lateMs": 2000}
 * (none = a well-behaved Todoist).
 */
export function parseWebhookRegistration(input: unknown): { registration: WebhookRegistration } | { error: string } {
  if (!isPlainObject(input)) {
    return { error: 'Invalid webhook: must be an object such as {"callbackUrl":"http://127.0.0.1:3000/api/webhooks/todoist","faults":{"duplicate":true}}' };
  }
  const { callbackUrl, faults = {} } = input as { callbackUrl?: unknown; faults?: unknown };
  if (typeof callbackUrl !== 'string' || callbackUrl.length > MAX_CALLBACK_URL_LENGTH || !isHttpUrl(callbackUrl)) {
    return { error: `Invalid webhook: callbackUrl must be an http or https URL of at most ${MAX_CALLBACK_URL_LENGTH} characters` };
  }
  const parsed = parseFaults(faults);
  return 'error' in parsed ? parsed : { registration: { callbackUrl, faults: parsed.faults } };
}

function parseFaults(input: unknown): { faults: WebhookFaults } | { error: string } {
  const rule = `Invalid webhook: faults must be an object of ${SWITCHES.join(', ')} (true or false) and lateMs (0 to ${MAX_WEBHOOK_LATE_MS})`;
  if (!isPlainObject(input)) return { error: rule };
  const faults: WebhookFaults = {};
  for (const [name, value] of Object.entries(input)) {
    if (name === 'lateMs') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_WEBHOOK_LATE_MS) return { error: rule };
      if (value > 0) faults.lateMs = value;
    } else if ((SWITCHES as readonly string[]).includes(name) && typeof value === 'boolean') {
      if (value) faults[name as (typeof SWITCHES)[number]] = true;
    } else {
      return { error: rule };
    }
  }
  return { faults };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
