/**
 * HMAC signatures for values this server hands out and later takes back
 * (learner ids, stand-in tokens): only what we signed is accepted. The
 * `purpose` is part of what is signed, so a value signed for one use is
 * never valid for another.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function sign(purpose: string, value: string, secret: Buffer): string {
  return createHmac('sha256', secret).update(`${purpose}:${value}`).digest('base64url');
}

/** Constant-time check, so the time taken tells nothing about a forged signature. */
export function hasValidSignature(purpose: string, value: string, signature: string, secret: Buffer): boolean {
  const expected = Buffer.from(sign(purpose, value, secret));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
