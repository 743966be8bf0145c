/**
 * What the mock's webhook sender did, for a lesson to show: per delivery, the
 * event, the task it was about, every attempt (when, what the receiver
 * answered or why it failed) and the faults that shaped it.
 *
 * Kept per account and bounded: an account sees only its own deliveries, and
 * only its last `perAccount` of them. The body is the account's data and the
 * signature is derived from the client secret, so neither is ever kept here —
 * the event name and the task id say enough.
 */
import type { ItemEventName } from '@/lib/realtime/webhook-event';

/** The faults a webhook registration can switch on (see WebhookFaults in webhook-sender.ts). */
export type WebhookFaultName = 'duplicate' | 'outOfOrder' | 'late' | 'lost' | 'badSignature' | 'redeliver';

/**
 * Why a request was sent: the `first` attempt, a `retry` after a non-200 or a
 * network error, or an extra copy one of the faults asked for.
 */
export type WebhookAttemptKind = 'first' | 'retry' | 'duplicate' | 'redelivery';

export interface WebhookAttempt {
  kind: WebhookAttemptKind;
  /** ISO 8601, by the sender's clock: when the request went out. */
  at: string;
  /** The receiver's HTTP status; absent while in flight or when no answer came. */
  status?: number;
  /** Why the attempt did not count as delivered (a non-200, a network error, a timeout). */
  error?: string;
}

/**
 * `pending`: waiting to be sent, in flight, or waiting for a retry;
 * `delivered`: some attempt got a 200; `gave-up`: every retry failed;
 * `lost`: the `lost` fault dropped it; `cancelled`: the sender closed first.
 */
export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'gave-up' | 'lost' | 'cancelled';

export interface WebhookDeliveryLogEntry {
  /** The `X-Todoist-Delivery-ID`, the same on every attempt. */
  deliveryId: string;
  userId: string;
  eventName: ItemEventName;
  taskId: string;
  /** The faults switched on for this delivery, in a fixed order. */
  faults: WebhookFaultName[];
  status: WebhookDeliveryStatus;
  attempts: WebhookAttempt[];
}

export interface WebhookDeliveryLogOptions {
  /** Deliveries kept per account; older ones are dropped first. */
  perAccount?: number;
  /** Accounts kept; the one written to least recently is dropped first. */
  maxAccounts?: number;
}

export const DEFAULT_LOG_PER_ACCOUNT = 50;
export const DEFAULT_LOG_MAX_ACCOUNTS = 1000;

export class WebhookDeliveryLog {
  readonly #perAccount: number;
  readonly #maxAccounts: number;
  /** Insertion order doubles as recency: an account is moved to the end on every write. */
  readonly #byAccount = new Map<string, WebhookDeliveryLogEntry[]>();

  constructor(options: WebhookDeliveryLogOptions = {}) {
    this.#perAccount = positiveInteger('perAccount', options.perAccount ?? DEFAULT_LOG_PER_ACCOUNT);
    this.#maxAccounts = positiveInteger('maxAccounts', options.maxAccounts ?? DEFAULT_LOG_MAX_ACCOUNTS);
  }

  /** Keeps `entry` (the sender goes on updating it in place) and drops what falls over the bounds. */
  add(entry: WebhookDeliveryLogEntry): void {
    const entries = this.#byAccount.get(entry.userId) ?? [];
    this.#byAccount.delete(entry.userId);
    this.#byAccount.set(entry.userId, entries);
    entries.push(entry);
    if (entries.length > this.#perAccount) entries.splice(0, entries.length - this.#perAccount);
    for (const oldest of this.#byAccount.keys()) {
      if (this.#byAccount.size <= this.#maxAccounts) break;
      this.#byAccount.delete(oldest);
    }
  }

  /** One account's deliveries, oldest first, as copies: a reader cannot change the record. */
  forAccount(userId: string): WebhookDeliveryLogEntry[] {
    return structuredClone(this.#byAccount.get(userId) ?? []);
  }
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`WebhookDeliveryLog: ${name} must be a whole number of at least 1, got ${value}`);
  }
  return value;
}
