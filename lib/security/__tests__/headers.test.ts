import { describe, expect, it } from 'vitest';
import { FRAME_OPTIONS_HEADER, NON_PAGE_CONTENT_SECURITY_POLICY, STATIC_SECURITY_HEADERS, newNonce, pageContentSecurityPolicy } from '../headers';

const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((part) => part.startsWith(`${name} `))
    ?.split(' ')
    .slice(1);

describe('the page policy', () => {
  it('runs only scripts with this view’s nonce (and what they load), never inline or eval in production', () => {
    const policy = pageContentSecurityPolicy('abc123', { development: false });
    expect(directive(policy, 'script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(directive(policy, 'connect-src')).toEqual(["'self'"]);
    expect(directive(policy, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
    expect(directive(policy, 'base-uri')).toEqual(["'none'"]);
    expect(directive(policy, 'default-src')).toEqual(["'self'"]);
  });

  it('allows eval and the hot-reload websocket in `next dev` only', () => {
    const policy = pageContentSecurityPolicy('n', { development: true });
    expect(directive(policy, 'script-src')).toContain("'unsafe-eval'");
    expect(directive(policy, 'connect-src')).toEqual(["'self'", 'ws:']);
  });
});

describe('the policy of everything else', () => {
  it('allows no script, no connection and no framing', () => {
    expect(directive(NON_PAGE_CONTENT_SECURITY_POLICY, 'default-src')).toEqual(["'none'"]);
    expect(directive(NON_PAGE_CONTENT_SECURITY_POLICY, 'script-src')).toBeUndefined();
    expect(directive(NON_PAGE_CONTENT_SECURITY_POLICY, 'frame-ancestors')).toEqual(["'none'"]);
  });
});

describe('newNonce', () => {
  it('is 128 random bits, new every time', () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });
});

it('the static headers forbid sniffing and framing, and keep our URLs to ourselves', () => {
  expect(STATIC_SECURITY_HEADERS).toMatchObject({
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  });
  expect(FRAME_OPTIONS_HEADER).toEqual({ 'X-Frame-Options': 'DENY' });
});
