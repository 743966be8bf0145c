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
 * Claiming is check-then-write. StateStore has no set-if-absent, so across
 * app instances two copies arriving at the same instant can both pass; inside
 * one process the `#claiming` set closes that gap. A copy that slips through
 * costs one extra incremental sync and nothing else: the replica applies a
 * delta once per sync token, not once per delivery.
 */
import { createHash } from 'node:crypto';
import { stateKey, type StateStore } from '@/lib/state';
import type { WebhookApp } from './accounts';

export class DeliveryLedger {
  readonly #claiming = new Set<string>();

  constructor(
    private readonly store: StateStore,
    /** How long a claim is remembered: at least as long as a delivery counts as fresh. */
    private readonly ttlMs: number,
  ) {}

  /** True for the first copy of a delivery; false for every later one within `ttlMs`. */
  async claim(app: WebhookApp, deliveryId: string, rawBody: Uint8Array): Promise<boolean> {
    const keys = [
      stateKey('webhook-deliveries', app, `delivery-${digest(deliveryId)}`),
      stateKey('webhook-deliveries', app, `body-${digest(rawBody)}`),
    ];
    if (keys.some((key) => this.#claiming.has(key))) return false;
    for (const key of keys) this.#claiming.add(key);
    try {
      for (const key of keys) {
        if ((await this.store.get(key)) !== undefined) return false;
      }
      for (const key of keys) await this.store.set(key, true, { ttlMs: this.ttlMs });
      return true;
    } finally {
      for (const key of keys) this.#claiming.delete(key);
    }
  }
}

/** Hex SHA-256: fixed length and never a "/", whatever the id or body holds. */
function digest(value: string | Uint8Array): string {
  return createHash('sha256').update(value).digest('hex');
}
