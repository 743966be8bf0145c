/**
 * Lesson 9 in a real browser: each attack's point, naive beside production.
 * - Another site: a page served by this test on a port of its own (a real other origin) calls both endpoints
 *   from Chromium; and the lesson's sandboxed frame does the same from inside the lesson.
 * - A token for another resource, and token passthrough: run by the lesson's buttons over real HTTP.
 * - Prompt injection: the demo's naive and production answers side by side.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from './support/test';
import { expectNoAxeViolations } from './support/axe';
import { waitForHydration } from './support/hydrated';
import { collectPageErrors } from './support/page-errors';
import { APP_PORT } from './support/servers';

const LESSON = '/lessons/security';
const APP = `http://127.0.0.1:${APP_PORT}`;

async function openLesson(page: Page) {
  await page.goto(LESSON);
  await waitForHydration(page);
  return page.getByTestId('widget-attack-lab');
}

/** What the "other site" page does in the learner's browser: POST tools/call to an MCP endpoint of ours. */
const OTHER_SITE_PAGE = `<!doctype html><html><head><title>another site</title></head><body><script>
const call = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'list_tasks', arguments: {} } });
window.results = {};
const json = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-11-25' };
// A "simple" request needs no CORS preflight: the browser sends it as is, and only the server can refuse it.
const simple = { 'content-type': 'text/plain' };
const attempts = { naive: ['${APP}/api/security/naive-mcp', json], production: ['${APP}/api/mcp', json], 'production-simple': ['${APP}/api/mcp', simple] };
window.done = Promise.all(Object.entries(attempts).map(async ([target, [url, headers]]) => {
  try {
    const answer = await fetch(url, { method: 'POST', body: call, headers });
    window.results[target] = { status: answer.status, text: await answer.text() };
  } catch (error) {
    window.results[target] = { failed: String(error) };
  }
}));
</script></body></html>`;

test.describe('another site in the same browser', () => {
  let server: Server;
  let otherOrigin: string;
  test.beforeAll(async () => {
    server = createServer((_, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(OTHER_SITE_PAGE));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    otherOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('a page on another port reads the naive endpoint’s tasks; the production endpoint refuses it (403) and it reads nothing', async ({ page, request }) => {
    await page.goto(otherOrigin);
    await page.waitForFunction(() => (window as unknown as { done?: Promise<unknown> }).done !== undefined);
    await page.evaluate(() => (window as unknown as { done: Promise<unknown> }).done);
    const results = await page.evaluate(() => (window as unknown as { results: Record<string, { status?: number; text?: string; failed?: string }> }).results);

    expect(results.naive?.status).toBe(200);
    expect(results.naive?.text).toContain('structuredContent');
    // The browser let the other site see nothing of production's answer…
    expect(results.production?.failed).toMatch(/TypeError/);
    expect(results['production-simple']?.failed).toMatch(/TypeError/);
    // What the server answered, which the browser kept from the page (Chromium does not show it to the test either):
    // the same requests with the Origin that page sent. A JSON call needs a CORS preflight, refused; a "simple"
    // text/plain POST skips the preflight and reaches the server, which must refuse it itself — before any work.
    const headers = { Origin: otherOrigin, 'Content-Type': 'text/plain' };
    const preflight = await request.fetch(`${APP}/api/mcp`, { method: 'OPTIONS', headers: { Origin: otherOrigin, 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.status()).toBe(403);
    expect(preflight.headers()['access-control-allow-origin']).toBeUndefined();
    expect((await request.post(`${APP}/api/mcp`, { headers, data: '{}' })).status()).toBe(403);
    expect((await request.post(`${APP}/api/security/naive-mcp`, { headers, data: '{}' })).headers()['access-control-allow-origin']).toBe('*');
  });
});

test('the lesson’s sandboxed frame: the naive endpoint is read, production is not', async ({ page }) => {
  const errors = collectPageErrors(page);
  const lab = await openLesson(page);
  const card = lab.getByTestId('attack-other-site');
  await card.getByRole('button', { name: 'Open the other site' }).click();
  await expect(card.getByTestId('other-site-naive')).toHaveAttribute('data-attack', 'succeeded', { timeout: 20_000 });
  await expect(card.getByTestId('other-site-naive')).toContainText('The other site read your tasks');
  await expect(card.getByTestId('other-site-production')).toHaveAttribute('data-attack', 'refused');
  // The production endpoint's refusal, as the browser reports it (the page may not read it: no CORS header).
  const expected = [/^403 POST .*\/api\/mcp$/, /status of 403/, /blocked by CORS policy/, /Failed to load resource: net::ERR_FAILED/];
  expect(errors.filter((error) => !expected.some((pattern) => pattern.test(error)))).toEqual([]);
});

for (const attack of ['audience', 'passthrough'] as const) {
  test(`${attack}: the naive server is fooled, the production server refuses — every request shown`, async ({ page }) => {
    const lab = await openLesson(page);
    const card = lab.getByTestId(`attack-${attack}`);
    await card.getByRole('button', { name: 'Run the attack' }).click();
    await expect(card.getByTestId(`${attack}-naive`)).toHaveAttribute('data-attack', 'succeeded', { timeout: 30_000 });
    await expect(card.getByTestId(`${attack}-production`)).toHaveAttribute('data-attack', 'refused');
    // Real requests, with real statuses: production's include a 401.
    const productionStatuses = await card.getByTestId(`${attack}-production`).locator('xpath=..').getByTestId('exchange').evaluateAll((items) =>
      items.map((item) => item.getAttribute('data-status')),
    );
    expect(productionStatuses).toContain('401');
    // No token is shown whole: each is its first characters and an ellipsis.
    await expect(card).not.toContainText(/eyJ[\w-]{20,}\.[\w-]{20,}/);
  });
}

test('prompt injection: the naive answer carries the hidden text raw; the production answer marks it as data and hides nothing', async ({ page }) => {
  await page.goto(LESSON);
  await waitForHydration(page);
  const panel = page.getByTestId('live-panel');
  await panel.getByRole('button', { name: 'Run side by side' }).click();
  const naive = panel.getByTestId('side-left').getByTestId('model-text');
  const production = panel.getByTestId('side-right').getByTestId('model-text');
  await expect(naive).toContainText('Ignore previous instructions', { timeout: 30_000 });
  await expect(production).toContainText('Ignore previous instructions');
  const hidden = /[\u200b-\u200f\u2060-\u2064\u{e0000}-\u{e007f}]/u;
  expect((await naive.textContent()) ?? '').toMatch(hidden);
  expect((await production.textContent()) ?? '').not.toMatch(hidden);
});

test('lesson 9 passes axe with the attacks shown', async ({ page }) => {
  const lab = await openLesson(page);
  await lab.getByTestId('attack-audience').getByRole('button', { name: 'Run the attack' }).click();
  await expect(lab.getByTestId('audience-production')).toBeVisible({ timeout: 30_000 });
  await expectNoAxeViolations(page);
});
