/**
 * The receiving end of Todoist's webhooks, as a plain Fetch handler
 * (app/api/webhooks/todoist mounts it). A delivery is only a trigger: its
 * body says *that* an account changed, and the refresh re-reads the account
 * with an incremental sync, because deliveries can be late, out of order,
 * repeated or lost.
 *
 * Each check runs before anything trusts what it guards:
 *   no signature header          → 401, the body unread
 *   body over the cap            → 413, read no further
 *   a wrong signature            → 401 (over the raw bytes, constant time)
 *   not UTF-8 / JSON / an event  → 400 saying what is wrong
 *   stale or from the future     → 400 (a replay of a captured delivery)
 *   no delivery id               → 400
 *   an event name not documented → 200, ignored (see UNKNOWN EVENTS below)
 *   a delivery seen before       → 200 {"duplicate": true}
 *   an account nobody here reads → 200, ignored (so Todoist stops retrying)
 *   otherwise                    → 200 at once; `onEvent` runs after the answer.
 * Any answer but 200 makes Todoist retry (15 minutes apart, 3 times), so 4xx
 * is kept for deliveries that are wrong, never for ones we merely don't need.
 */
import { readBodyCapped } from '@/lib/http/read-body';
import type { StateStore } from '@/lib/state';
import { findAccounts, type RegisteredAccount, type WebhookApp } from './accounts';
import { parseWebhookBody, type WebhookEvent } from './webhook-body';
import { DeliveryLedger } from './webhook-deliveries';
import { DELIVERY_ID_HEADER, KNOWN_EVENTS, SIGNATURE_HEADER } from './webhook-event';
import { verifyWebhookSignature, type WebhookSecret } from './webhook-signature';

/** Todoist's bodies are a task or project and a few fields: a few KiB. 64 KiB leaves room and no more. */
export const MAX_WEBHOOK_BODY_BYTES = 64 * 1024;
/**
 * How old a delivery may be. Todoist retries a failed delivery three times,
 * 15 minutes apart, keeping the original `triggered_at`: the last retry comes
 * about 45 minutes after the change, so an hour takes every real retry.
 */
export const WEBHOOK_FRESHNESS_MS = 60 * 60_000;
/** How far ahead of our clock `triggered_at` may be: clocks disagree by seconds, not minutes. */
export const WEBHOOK_MAX_CLOCK_SKEW_MS = 5 * 60_000;
/** A delivery id longer than this is not Todoist's (it sends a UUID-sized id). */
const MAX_DELIVERY_ID_LENGTH = 200;

export interface DeliveryInfo {
  deliveryId: string;
  /** Whose secret verified the signature. */
  app: WebhookApp;
  /** When this server accepted the delivery (ms since the epoch): for change-to-notification latency. */
  receivedAt: number;
}

/** What to do with a fresh delivery for an account a tenant reads: typically refresh its replica and publish. */
export type WebhookTrigger = (account: RegisteredAccount, event: WebhookEvent, delivery: DeliveryInfo) => Promise<void>;

export interface WebhookReceiverOptions {
  store: StateStore;
  /** Every app whose deliveries are accepted. Empty: every delivery is refused as unsigned. */
  secrets: readonly WebhookSecret[];
  onEvent: WebhookTrigger;
  /**
   * Runs work after the answer is sent (a Next route passes `after`). The
   * default starts it on the next turn of the event loop without waiting.
   */
  defer?: (task: () => Promise<void>) => void;
  now?: () => number;
  maxBodyBytes?: number;
  freshnessMs?: number;
  maxClockSkewMs?: number;
  /** One line per ignored delivery or failed trigger; never a secret, a body or a user id. */
  log?: (line: string) => void;
}

export type WebhookReceiver = (request: Request) => Promise<Response>;

export function createWebhookReceiver(options: WebhookReceiverOptions): WebhookReceiver {
  const now = options.now ?? Date.now;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_WEBHOOK_BODY_BYTES;
  const freshnessMs = options.freshnessMs ?? WEBHOOK_FRESHNESS_MS;
  const maxSkewMs = options.maxClockSkewMs ?? WEBHOOK_MAX_CLOCK_SKEW_MS;
  const defer = options.defer ?? deferToNextTurn;
  const log = options.log ?? ((line) => console.warn(`[webhooks] ${line}`));
  // A delivery is accepted until `triggered_at + freshness`, and `triggered_at` can be up to `skew` ahead
  // of us: remembering it that long after it arrives means a replay is always either a duplicate or stale.
  const ledger = new DeliveryLedger(options.store, freshnessMs + maxSkewMs);

  return async (request) => {
    if (request.method !== 'POST') {
      return answer(405, { ok: false, error: 'Todoist delivers webhooks with POST.' }, { Allow: 'POST' });
    }
    // Unsigned: refused before a byte of the body is read.
    const signature = request.headers.get(SIGNATURE_HEADER);
    if (!signature) return refuse(401, `Unsigned delivery: the ${SIGNATURE_HEADER} header is missing.`);
    const body = await readBodyCapped(request, maxBodyBytes);
    if ('tooLarge' in body) {
      return refuse(413, `The body is larger than ${maxBodyBytes.toLocaleString('en-US')} bytes; Todoist's deliveries are a few KiB.`);
    }
    const app = verifyWebhookSignature(body.bytes, signature, options.secrets);
    if (!app) {
      return refuse(401, `The ${SIGNATURE_HEADER} signature does not match the body for any app this server knows.`);
    }

    const parsed = parseWebhookBody(body.bytes);
    if ('problem' in parsed) return refuse(400, `Refused: ${parsed.problem}.`);
    const { event } = parsed;
    const age = now() - Date.parse(event.triggered_at);
    if (age > freshnessMs) {
      return refuse(400, `Stale delivery: triggered_at is more than ${minutes(freshnessMs)} old, past Todoist's last retry (a replay?).`);
    }
    if (age < -maxSkewMs) {
      return refuse(400, `triggered_at is more than ${minutes(maxSkewMs)} in the future: check the sender's clock.`);
    }
    const deliveryId = request.headers.get(DELIVERY_ID_HEADER)?.trim();
    if (!deliveryId || deliveryId.length > MAX_DELIVERY_ID_LENGTH) {
      return refuse(400, `The ${DELIVERY_ID_HEADER} header is missing or longer than ${MAX_DELIVERY_ID_LENGTH} characters.`);
    }

    // UNKNOWN EVENTS: the signature proved the body is Todoist's, so a name we don't know is an event
    // Todoist added after this code was written, not a forgery. A 4xx would only make Todoist send it
    // three more times; ignoring it loses nothing, since any change it stands for shows up in the next sync.
    if (!KNOWN_EVENTS.includes(event.event_name)) {
      log('ignored a signed delivery with an event name Todoist does not document');
      return answer(200, { ok: true, ignored: 'unknown event' });
    }
    if (!(await ledger.claim(app, deliveryId, body.bytes))) return answer(200, { ok: true, duplicate: true });

    const accounts = await findAccounts(options.store, app, event.user_id);
    if (!accounts.length) {
      // No user id in the log: it would tie log lines to a person for no use.
      log(`ignored a delivery of ${event.event_name} for an account no tenant of this server reads`);
      return answer(200, { ok: true, ignored: 'unknown account' });
    }
    const delivery: DeliveryInfo = { deliveryId, app, receivedAt: now() };
    for (const account of accounts) {
      defer(async () => {
        try {
          await options.onEvent(account, event, delivery);
        } catch (error) {
          log(`the trigger for a delivery of ${event.event_name} failed: ${error instanceof Error ? error.name : 'unknown error'}`);
        }
      });
    }
    return answer(200, { ok: true });
  };
}

function deferToNextTurn(task: () => Promise<void>): void {
  setImmediate(() => void task());
}

function refuse(status: number, error: string): Response {
  return answer(status, { ok: false, error });
}

function answer(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

function minutes(ms: number): string {
  return `${Math.round(ms / 60_000)} minutes`;
}
