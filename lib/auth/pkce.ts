/**
 * PKCE (RFC 7636), S256 only. The client keeps a random `code_verifier` and
 * sends only its SHA-256 (`code_challenge`) with the authorization request;
 * redeeming the code needs the verifier itself, so a code intercepted on its
 * way back to the client is worthless. `plain` would send the verifier in
 * the clear at the start, which defeats the point: OAuth 2.1 and MCP refuse it.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** RFC 7636 §4.1: 43–128 unreserved characters. */
export function isValidCodeVerifier(verifier: string): boolean {
  return /^[A-Za-z0-9\-._~]{43,128}$/.test(verifier);
}

/** An S256 challenge is a base64url SHA-256: exactly 43 characters. */
export function isValidS256Challenge(challenge: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(challenge);
}

export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** Constant-time: how long the comparison takes says nothing about how close a guess was. */
export function verifierMatchesChallenge(verifier: string, challenge: string): boolean {
  if (!isValidCodeVerifier(verifier)) return false;
  const expected = Buffer.from(challenge);
  const actual = Buffer.from(s256Challenge(verifier));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
