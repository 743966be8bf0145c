/**
 * Every page and API route carries the security headers (lib/security/headers.ts, proxy.ts), and the
 * Content-Security-Policy does its job in Chromium: a script injected into the HTML without this page
 * view's nonce does not run, while the app's own scripts (and the theme script) run without a single
 * violation.
 */
import { getCatalogue } from '@/lib/lessons/catalogue';
import { expect, test, type Page } from './support/test';
import { waitForHydration } from './support/hydrated';
import { collectPageErrors } from './support/page-errors';

const PAGES = [
  '/',
  '/playground',
  '/settings',
  '/connect',
  ...getCatalogue()
    .filter((entry) => entry.meta.status === 'live')
    .map((entry) => `/lessons/${entry.meta.slug}`),
];

/** The page's CSP violations, as the browser reports them to the page. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

function directive(policy: string, name: string): string {
  return policy.split(';').map((part) => part.trim()).find((part) => part.startsWith(`${name} `)) ?? '';
}

test('every page has a nonce-based CSP and the static security headers, and loads without a violation', async ({ page }) => {
  const errors = collectPageErrors(page);
  const violations = await recordViolations(page);
  const nonces = new Set<string>();
  for (const path of PAGES) {
    const response = await page.goto(path);
    const headers = response!.headers();
    const policy = headers['content-security-policy'] ?? '';
    const scripts = directive(policy, 'script-src');
    expect(scripts, path).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(scripts, path).toContain("'strict-dynamic'");
    expect(scripts, path).not.toContain("'unsafe-inline'");
    expect(scripts, path).not.toContain("'unsafe-eval'");
    expect(directive(policy, 'frame-ancestors'), path).toBe("frame-ancestors 'none'");
    expect(directive(policy, 'object-src'), path).toBe("object-src 'none'");
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['x-frame-options'], path).toBe('DENY');
    nonces.add(/'nonce-([^']+)'/.exec(scripts)![1]!);
    await waitForHydration(page);
    expect(await violations(), path).toEqual([]);
  }
  // A nonce is new for every page view, or it protects nothing.
  expect(nonces.size).toBe(PAGES.length);
  expect(errors).toEqual([]);
});

test('a script injected into the page’s HTML without the nonce does not run', async ({ page }) => {
  const violations = await recordViolations(page);
  // What a stored XSS would do: the server's HTML, with an attacker's inline script in it.
  await page.route('/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('</head>', '<script>window.__injected = true</script></head>');
    await route.fulfill({ response, body: html });
  });
  await page.goto('/');
  await waitForHydration(page); // the app's own scripts, which carry the nonce, did run
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  expect(await violations()).toEqual([expect.stringMatching(/^script-src(-elem)? inline$/)]);
});

test('API routes, the OAuth endpoints and static files carry their headers too', async ({ request }) => {
  for (const path of ['/api/mcp', '/api/settings', '/.well-known/oauth-authorization-server', '/oauth/authorize']) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    expect(headers['content-security-policy'], path).toContain("default-src 'none'");
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
  }
  const home = await request.get('/');
  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(await home.text())![1]!;
  expect((await request.get(script)).headers()['x-content-type-options']).toBe('nosniff');
  // The plain HTML pages (OAuth, stand-in) name no icon: the browser's /favicon.ico must not be a 404.
  expect((await request.get('/favicon.ico')).status()).toBe(200);
});
