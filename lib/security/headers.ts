/**
 * The HTTP security headers every response carries (set in proxy.ts).
 *
 * Pages get a Content-Security-Policy with a fresh nonce per request: only
 * scripts carrying it run (Next adds it to its own scripts; our one inline
 * script, the theme, reads it), and `'strict-dynamic'` lets those load the
 * app's chunks. An injected `<script>` has no nonce, so it does not run.
 * Everything else (API routes, the OAuth and stand-in pages, which use no
 * script at all) gets a policy that allows nothing but their inline style.
 * The headers that never change are set for every path in next.config.ts.
 */

export interface PolicyOptions {
  /** `next dev` needs eval (React's debugging) and a websocket (hot reload). */
  development: boolean;
}

/** 128 random bits, base64: unguessable, and new for every page view. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

export function pageContentSecurityPolicy(nonce: string, { development }: PolicyOptions): string {
  return directives({
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // React writes style attributes (widths of bars, positions): styles are not code, and cannot run.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    // The MCP client talks to this app only: /api/mcp, the OAuth endpoints, the stand-in.
    'connect-src': ["'self'", ...(development ? ['ws:'] : [])],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'frame-ancestors': ["'none'"],
  });
}

/** For responses that are not the app's pages: JSON, and the plain HTML of the OAuth and stand-in pages. */
export const NON_PAGE_CONTENT_SECURITY_POLICY = directives({
  'default-src': ["'none'"],
  'style-src': ["'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
});

/** Headers that do not depend on the request. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // A JSON answer is never sniffed into a script or a page.
  'X-Content-Type-Options': 'nosniff',
  // OAuth codes and learner ids travel in URLs: another site learns our origin at most, never a path or query.
  // (Not `no-referrer`: Chromium then sends `Origin: null` on same-origin POSTs, which the origin checks refuse.)
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

/** For browsers without CSP frame-ancestors: no page may be framed (clickjacking). Not on routes framed on purpose. */
export const FRAME_OPTIONS_HEADER = { 'X-Frame-Options': 'DENY' } as const;

function directives(policy: Record<string, string[]>): string {
  return Object.entries(policy)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
