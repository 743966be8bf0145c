/**
 * Todoist signs each webhook delivery: `X-Todoist-Hmac-SHA256` is
 * base64(HMAC-SHA256(key = the OAuth app's client secret, message = the raw
 * body)). The check runs on the bytes as they arrived — parsing and
 * re-serialising the JSON first would change them — and compares in constant
 * time, so how long a refusal takes tells nothing about the right signature.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookApp } from './accounts';

/** One OAuth app whose deliveries this server accepts, and the secret it signs them with. */
export interface WebhookSecret {
  app: WebhookApp;
  /** The app's client secret: never logged, never sent anywhere. */
  secret: string;
}

/** 32 bytes of HMAC-SHA256 in standard base64: 43 characters and one "=". */
const SIGNATURE_FORMAT = /^[A-Za-z0-9+/]{43}=$/;

export function signWebhookBody(rawBody: Uint8Array | string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('base64');
}

/**
 * Which app signed `rawBody`, or `undefined` when no configured secret
 * produced `signature`. The header is decoded strictly: Node's lenient base64
 * would otherwise skip stray characters and accept look-alikes.
 */
export function verifyWebhookSignature(
  rawBody: Uint8Array,
  signature: string,
  secrets: readonly WebhookSecret[],
): WebhookApp | undefined {
  if (!SIGNATURE_FORMAT.test(signature)) return undefined;
  const given = Buffer.from(signature, 'base64');
  for (const { app, secret } of secrets) {
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    if (timingSafeEqual(given, expected)) return app;
  }
  return undefined;
}
