/**
 * The Todoist side of webhooks: after a change to an account's tasks, POST a
 * Todoist-shaped, signed event to the app's callback URL — and, on any answer
 * other than 200, try again later, as Todoist does:
 *
 * - body: a TodoistWebhookEvent as JSON (`event_data` is the task after the change);
 * - `X-Todoist-Hmac-SHA256`: base64(HMAC-SHA256(client secret, the exact bytes sent));
 * - `X-Todoist-Delivery-ID`: new for each delivery, the same on each of its retries;
 * - retries: after `retryDelayMs` (Todoist: 15 minutes), at most 3, then it gives up.
 *
 * A lesson can switch on faults per registration (WebhookFaults), each one a
 * thing real deliveries do: come twice, out of order, late, never, forged, or
 * again after a 200. They are deterministic — no dice — so a demo shows the
 * same thing every time.
 *
 * Everything that waits goes through injectable timers and every request
 * through an injectable fetch, so tests run on fake timers; `close()` cancels
 * whatever is still waiting or in flight.
 */
import { randomUUID } from 'node:crypto';
import {
  DELIVERY_ID_HEADER,
  SIGNATURE_HEADER,
  WEBHOOK_USER_AGENT,
  type ItemEventName,
  type TodoistWebhookEvent,
} from '@/lib/realtime/webhook-event';
import { signWebhookBody } from '@/lib/realtime/webhook-signature';
import type { Task } from '@/lib/todoist/schemas';
import {
  WebhookDeliveryLog,
  type WebhookAttempt,
  type WebhookAttemptKind,
  type WebhookDeliveryLogEntry,
  type WebhookFaultName,
} from './webhook-delivery-log';

/** Todoist waits 15 minutes before retrying a delivery that did not get a 200. */
export const TODOIST_RETRY_DELAY_MS = 15 * 60 * 1000;
/** …and retries at most this many times. */
export const TODOIST_MAX_RETRIES = 3;
/** Todoist documents no timeout; ours, so a receiver that never answers cannot hold a delivery forever. */
export const DEFAULT_ATTEMPT_TIMEOUT_MS = 10_000;

/** The key `badSignature` signs with: anything but the client secret. */
const WRONG_SIGNING_KEY = 'not-the-client-secret';

/** Faults a lesson can switch on for a registration; all off by default. */
export interface WebhookFaults {
  /** Sends each delivery twice in a row, same id and body: a receiver without dedupe applies it twice. */
  duplicate?: boolean;
  /** Sends a batch's deliveries newest first: a receiver that trusts arrival order ends on stale state. */
  outOfOrder?: boolean;
  /** Holds the batch back this many milliseconds before its first attempt (0 or absent: on time). */
  lateMs?: number;
  /** Sends nothing at all: only the next sync shows the change. */
  lost?: boolean;
  /** Signs with a key that is not the client secret: a receiver that verifies refuses the delivery. */
  badSignature?: boolean;
  /** After a 200, sends the same delivery again one retry delay later, as a retry would: the receiver must dedupe. */
  redeliver?: boolean;
}

/** Where an account's events go and which faults are switched on: a stored registration, as the sender reads it. */
export interface WebhookDestination {
  callbackUrl: string;
  faults?: WebhookFaults;
}

/** One change to one task; `task` is the task after the change. */
export interface WebhookChange {
  event_name: ItemEventName;
  task: Task;
  /** When the change happened (ISO 8601), kept on every retry; absent: when `deliver` was called. */
  triggered_at?: string;
}

/** Who made the change, as the event's `initiator` says it. */
export type WebhookInitiator = TodoistWebhookEvent['initiator'];

/** setTimeout and clearTimeout, injectable; the defaults are the global ones, looked up on each call. */
export interface WebhookTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface WebhookSenderOptions {
  /** The OAuth app's client secret: the signing key. Never logged. */
  clientSecret: string;
  fetch?: typeof fetch;
  /** The clock for `triggered_at` and the log's times. */
  now?: () => Date;
  timers?: WebhookTimers;
  /** How long before a retry (and before a `redeliver` copy). Todoist: 15 minutes; a lesson can scale it down. */
  retryDelayMs?: number;
  /** How long one attempt may wait for an answer before it counts as failed. */
  attemptTimeoutMs?: number;
  /** Deliveries the log keeps per account. */
  logPerAccount?: number;
}

export interface WebhookDeliverInput {
  /** The account whose tasks changed: each event's `user_id`, and whose log the deliveries go to. */
  userId: string;
  initiator: WebhookInitiator;
  changes: readonly WebhookChange[];
  registration: WebhookDestination;
}

export interface WebhookSender {
  /**
   * Starts delivering one batch of changes and returns at once with their
   * delivery ids, in the order of `changes`. Nothing is awaited: a write
   * never waits for the receiver, as at Todoist. After `close()`, sends
   * nothing and returns no ids.
   */
  deliver(input: WebhookDeliverInput): string[];
  /** One account's deliveries, oldest first, without bodies or signatures. */
  log(userId: string): WebhookDeliveryLogEntry[];
  /** Resolves once nothing is waiting or in flight (a pending retry counts as waiting). */
  idle(): Promise<void>;
  /** Cancels every pending wait and aborts every request in flight; pending deliveries end `cancelled`. */
  close(): void;
}

const defaultTimers: WebhookTimers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Delivery {
  id: string;
  callbackUrl: string;
  body: Uint8Array<ArrayBuffer>;
  signature: string;
  entry: WebhookDeliveryLogEntry;
}

export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const { clientSecret } = options;
  if (!clientSecret) throw new Error('createWebhookSender: clientSecret is empty; pass the OAuth app\'s client secret, the key deliveries are signed with');
  const retryDelayMs = nonNegative('retryDelayMs', options.retryDelayMs ?? TODOIST_RETRY_DELAY_MS);
  const attemptTimeoutMs = nonNegative('attemptTimeoutMs', options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS);
  const send = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const now = options.now ?? (() => new Date());
  const timers = options.timers ?? defaultTimers;
  const deliveryLog = new WebhookDeliveryLog({ perAccount: options.logPerAccount });

  const closed = new AbortController();
  /** Waits in progress, each with the way to end it early (on close). */
  const waits = new Map<unknown, () => void>();
  const unfinished = new Set<WebhookDeliveryLogEntry>();
  let busy = 0;
  let idleWaiters: Array<() => void> = [];

  /** Resolves true after `ms`, or false as soon as the sender is closed. */
  function wait(ms: number): Promise<boolean> {
    if (closed.signal.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const handle = timers.setTimeout(() => {
        waits.delete(handle);
        resolve(true);
      }, ms);
      waits.set(handle, () => resolve(false));
    });
  }

  /** Runs `task` in the background, counted for `idle()`. */
  function track(task: () => Promise<void>): void {
    busy += 1;
    void task().finally(() => {
      busy -= 1;
      if (busy > 0) return;
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    });
  }

  function finish(entry: WebhookDeliveryLogEntry, status: WebhookDeliveryLogEntry['status']): void {
    entry.status = status;
    unfinished.delete(entry);
  }

  /** One POST of `delivery`; true when the receiver answered exactly 200. */
  async function attempt(delivery: Delivery, kind: WebhookAttemptKind): Promise<boolean> {
    if (closed.signal.aborted) return false;
    const record: WebhookAttempt = { kind, at: now().toISOString() };
    delivery.entry.attempts.push(record);
    const timeout = new AbortController();
    const timer = timers.setTimeout(() => timeout.abort(), attemptTimeoutMs);
    try {
      const response = await send(delivery.callbackUrl, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          [SIGNATURE_HEADER]: delivery.signature,
          [DELIVERY_ID_HEADER]: delivery.id,
          'User-Agent': WEBHOOK_USER_AGENT,
        },
        body: delivery.body,
        // A redirect is an answer other than 200, not an invitation to send the signed body elsewhere.
        redirect: 'manual',
        signal: AbortSignal.any([closed.signal, timeout.signal]),
      });
      record.status = response.status;
      // The answer's body means nothing to Todoist; let the connection go.
      await response.body?.cancel().catch(() => undefined);
      if (response.status === 200) return true;
      record.error = `the receiver answered ${response.status}, and only 200 counts as delivered`;
      return false;
    } catch (error) {
      record.error = closed.signal.aborted
        ? 'cancelled: the sender was closed while waiting for an answer'
        : timeout.signal.aborted
          ? `no answer within ${attemptTimeoutMs} ms`
          : `network error: ${describeError(error)}`;
      return false;
    } finally {
      timers.clearTimeout(timer);
    }
  }

  /** What happens after the first attempt: retries after a failure, or the `redeliver` copy after a 200. */
  async function followUp(delivery: Delivery, delivered: boolean, redeliver: boolean): Promise<void> {
    const { entry } = delivery;
    if (delivered) {
      finish(entry, 'delivered');
      if (redeliver && (await wait(retryDelayMs))) await attempt(delivery, 'redelivery');
      return;
    }
    for (let retry = 1; retry <= TODOIST_MAX_RETRIES; retry += 1) {
      if (!(await wait(retryDelayMs))) return finish(entry, 'cancelled');
      if (await attempt(delivery, 'retry')) return finish(entry, 'delivered');
    }
    finish(entry, closed.signal.aborted ? 'cancelled' : 'gave-up');
  }

  function deliver({ userId, initiator, changes, registration }: WebhookDeliverInput): string[] {
    if (closed.signal.aborted) return [];
    const callbackUrl = checkedCallbackUrl(registration.callbackUrl);
    const faults = registration.faults ?? {};
    const lateMs = nonNegative('faults.lateMs', faults.lateMs ?? 0);
    const faultNames = switchedOn(faults);
    const triggeredAt = now().toISOString();
    const signingKey = faults.badSignature ? WRONG_SIGNING_KEY : clientSecret;

    const deliveries = changes.map((change): Delivery => {
      const event: TodoistWebhookEvent = {
        event_name: change.event_name,
        user_id: userId,
        event_data: { ...change.task },
        initiator: { ...initiator },
        triggered_at: change.triggered_at ?? triggeredAt,
        version: '1',
      };
      // Signed and sent as these very bytes: a receiver verifies what it received, not a re-serialisation.
      const body = new TextEncoder().encode(JSON.stringify(event));
      const id = randomUUID();
      const entry: WebhookDeliveryLogEntry = {
        deliveryId: id,
        userId,
        eventName: change.event_name,
        taskId: change.task.id,
        faults: faultNames,
        status: faults.lost ? 'lost' : 'pending',
        attempts: [],
      };
      deliveryLog.add(entry);
      if (!faults.lost) unfinished.add(entry);
      return { id, callbackUrl, body, signature: signWebhookBody(body, signingKey), entry };
    });
    if (faults.lost) return deliveries.map((delivery) => delivery.id);

    const inSendingOrder = faults.outOfOrder ? [...deliveries].reverse() : deliveries;
    track(async () => {
      if (lateMs > 0 && !(await wait(lateMs))) return;
      // One after another, so the order the receiver sees is the order chosen here.
      for (const delivery of inSendingOrder) {
        if (closed.signal.aborted) return;
        const delivered = await attempt(delivery, 'first');
        if (faults.duplicate) await attempt(delivery, 'duplicate');
        track(() => followUp(delivery, delivered, faults.redeliver === true));
      }
    });
    return deliveries.map((delivery) => delivery.id);
  }

  return {
    deliver,
    log: (userId) => deliveryLog.forAccount(userId),
    idle: () => (busy === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve))),
    close() {
      closed.abort();
      for (const [handle, cancel] of waits) {
        timers.clearTimeout(handle);
        cancel();
      }
      waits.clear();
      for (const entry of unfinished) finish(entry, 'cancelled');
    },
  };
}

const FAULT_ORDER: readonly WebhookFaultName[] = ['duplicate', 'outOfOrder', 'late', 'lost', 'badSignature', 'redeliver'];

function switchedOn(faults: WebhookFaults): WebhookFaultName[] {
  const on: Record<WebhookFaultName, boolean> = {
    duplicate: faults.duplicate === true,
    outOfOrder: faults.outOfOrder === true,
    late: (faults.lateMs ?? 0) > 0,
    lost: faults.lost === true,
    badSignature: faults.badSignature === true,
    redeliver: faults.redeliver === true,
  };
  return FAULT_ORDER.filter((name) => on[name]);
}

function checkedCallbackUrl(callbackUrl: string): string {
  let url: URL;
  try {
    url = new URL(callbackUrl);
  } catch {
    throw new Error(`Webhook callback URL "${callbackUrl}" is not a URL; register an absolute http(s) URL such as https://example.com/api/webhooks/todoist`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Webhook callback URL "${callbackUrl}" is not http(s); Todoist only POSTs to web URLs`);
  }
  return url.href;
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`Webhook sender: ${name} must be a number of milliseconds, 0 or more; got ${value}`);
  return value;
}

/** A fetch failure in a few words: undici hides the reason (ECONNREFUSED, …) in `cause`. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : undefined;
  return detail ? `${error.message} (${detail})` : error.message;
}
