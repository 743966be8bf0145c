/**
 * Which deliveries this server has already taken: Todoist retries a delivery
 * (same `X-Todoist-Delivery-ID`) when it saw no 200, and a network can
 * deliver one twice.
 *
 * Two keys per delivery, because the delivery id is a header and the
 * signature covers only the body: someone who captured one signed delivery
 * could resend it under a new id. So the body's digest is claimed too; two
 * real deliveries never share a body (the event and its time differ), and if
 * two ever did, they would trigger the same refresh anyway.
 *
 * Each key is claimed with the store's setIfAbsent, one atomic step (Redis
 * `SET NX`), never read and then written: two copies arriving at the same
 * instant, at one app instance or at two sharing a Redis, cannot both find
 * the key free. A delivery is taken only if it claims both keys.
 */
import { createHash } from 'node:crypto';
import { stateKey, type SetOptions, type StateStore } from '@/lib/state';
import type { WebhookApp } from './accounts';

type ClaimKey = (key: string, value: true, options: SetOptions) => Promise<boolean>;

export class DeliveryLedger {
  readonly #claimKey: ClaimKey;

  constructor(
    private readonly store: StateStore,
    /** How long a claim is remembered: at least as long as a delivery counts as fresh. */
    private readonly ttlMs: number,
  ) {
    this.#claimKey = store.setIfAbsent.bind(store);
  }

  /** True for the first copy of a delivery; false for every later one within `ttlMs`. */
  async claim(app: WebhookApp, deliveryId: string, rawBody: Uint8Array): Promise<boolean> {
    const idKey = stateKey('webhook-deliveries', app, `delivery-${digest(deliveryId)}`);
    const bodyKey = stateKey('webhook-deliveries', app, `body-${digest(rawBody)}`);
    if (!(await this.#claimKey(idKey, true, { ttlMs: this.ttlMs }))) return false;
    let taken = false;
    try {
      taken = await this.#claimKey(bodyKey, true, { ttlMs: this.ttlMs });
      return taken;
    } finally {
      // Not taken (a known body under a new id: a replay), or the store failed: give the id back, so
      // it stays as if never seen, and Todoist's retry after a failure is taken, not called a duplicate.
      if (!taken) await this.store.delete(idKey);
    }
  }
}

/** Hex SHA-256: fixed length and never a "/", whatever the id or body holds. */
function digest(value: string | Uint8Array): string {
  return createHash('sha256').update(value).digest('hex');
}
