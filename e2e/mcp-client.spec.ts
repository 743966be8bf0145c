/**
 * The playground's MCP client in a real browser, against the real endpoint
 * (`next start`): connect in either protocol generation, list tools, call
 * one, read provenance, the JSON-RPC trace and the HTTP requests under it.
 */
import { expect, test, type Page } from './support/test';
import { collectPageErrors } from './support/page-errors';

const TOOL_NAMES = ['list_projects', 'list_tasks', 'filter_tasks', 'get_task', 'get_overview', 'create_task', 'complete_task', 'delete_task'];

async function connect(page: Page, settings: { strategy?: 'production' | 'naive'; protocol?: '2026-07-28' | '2025-11-25' } = {}) {
  await page.goto('/playground');
  await expect(page.getByRole('heading', { level: 1, name: 'MCP playground' })).toBeVisible();
  await page.getByLabel('Backend').selectOption('mock');
  if (settings.strategy) await page.getByLabel('Strategy').selectOption(settings.strategy);
  if (settings.protocol) await page.getByLabel('Protocol', { exact: true }).selectOption(settings.protocol);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByTestId('mcp-status')).toHaveText('connected');
}

async function callListTasks(page: Page) {
  await page.getByTestId('tool-list').getByRole('button', { name: 'list_tasks' }).click();
  await page.getByRole('button', { name: 'Call list_tasks' }).click();
  const result = page.getByTestId('tool-result');
  await expect(result.getByTestId('tool-result-text')).toBeVisible();
  return result;
}

/** Every request the page sends to /api/mcp, as "METHOD status". */
function recordMcpRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/api/mcp') seen.push(`${response.request().method()} ${response.status()}`);
  });
  return seen;
}

/** The entries of the trace as "direction kind method" lines. */
async function traceLines(page: Page): Promise<string[]> {
  return page
    .getByTestId('trace-entry')
    .evaluateAll((items) =>
      items.map((item) => `${item.getAttribute('data-direction')} ${item.getAttribute('data-kind')} ${item.getAttribute('data-method') ?? ''}`),
    );
}

test('2026-07-28 (default): lists the 8 tools and calls list_tasks with no initialize, no session id and the _meta envelope', async ({ page }) => {
  const errors = collectPageErrors(page);
  const requests = recordMcpRequests(page);
  await connect(page);

  await expect(page.getByTestId('mcp-protocol-version')).toHaveText('2026-07-28');
  await expect(page.getByTestId('mcp-session-id')).toContainText('none');
  await expect(page.getByText('mcp-dojo@0.2.0')).toBeVisible();
  const tools = page.getByTestId('tool-list').getByRole('button');
  await expect(tools).toHaveCount(TOOL_NAMES.length);
  expect((await tools.allTextContents()).sort()).toEqual([...TOOL_NAMES].sort());

  const result = await callListTasks(page);
  const text = (await result.getByTestId('tool-result-text').textContent()) ?? '';
  expect(text.split('\n')[0]).toMatch(/^Source: MOCK DATA/);
  await expect(result.getByTestId('provenance-badge')).toHaveText('MOCK');
  await expect(result.getByRole('alert')).toHaveCount(0);

  const lines = await traceLines(page);
  expect(lines).toContain('out request server/discover');
  expect(lines).not.toContain('out request initialize');
  expect(lines).not.toContain('out notification notifications/initialized');
  expect(lines).toContain('out request tools/list');
  expect(lines).toContain('out request tools/call');
  expect(lines).toContain('in notification notifications/progress');
  // Progress arrives while the call runs: between the request and its response.
  const callAt = lines.indexOf('out request tools/call');
  const progressAt = lines.indexOf('in notification notifications/progress');
  const responseAt = lines.indexOf('in response tools/call');
  expect(callAt).toBeLessThan(progressAt);
  expect(progressAt).toBeLessThan(responseAt);
  // Every request carries its own envelope.
  const sent = page.locator('[data-testid="trace-entry"][data-direction="out"][data-kind="request"]');
  await expect(sent).not.toHaveCount(0);
  await expect(sent.and(page.locator(':not([data-envelope="yes"])'))).toHaveCount(0);

  // Over HTTP: one POST per request, nothing else, and the summary says so.
  const summary = page.getByTestId('wire-summary');
  await expect(summary).toHaveAttribute('data-handshake', 'server/discover');
  await expect(summary.locator('[data-fact="session"]')).toContainText('none');
  await expect(page.getByTestId('http-exchange')).toHaveCount(3);
  expect(requests).toEqual(['POST 200', 'POST 200', 'POST 200']);

  // Disconnecting sends nothing: there is no session to end.
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByTestId('mcp-status')).toHaveText('disconnected');
  expect(requests).toHaveLength(3);
  expect(errors).toEqual([]);
});

test('2025-11-25: the initialize handshake, the refused GET stream, and still no session id', async ({ page }) => {
  const errors = collectPageErrors(page);
  const requests = recordMcpRequests(page);
  await connect(page, { protocol: '2025-11-25' });
  await expect(page.getByTestId('mcp-protocol-version')).toHaveText('2025-11-25');
  await callListTasks(page);

  const lines = await traceLines(page);
  expect(lines.slice(0, 3)).toEqual(['out request initialize', 'in response initialize', 'out notification notifications/initialized']);
  expect(lines).not.toContain('out request server/discover');
  await expect(page.locator('[data-testid="trace-entry"][data-envelope="yes"]')).toHaveCount(0);

  await expect(page.getByTestId('wire-summary')).toHaveAttribute('data-handshake', 'initialize');
  await expect(page.getByTestId('wire-summary').locator('[data-fact="session"]')).toContainText('none');
  await expect(page.locator('[data-testid="http-exchange"][data-method="GET"][data-status="405"]')).toHaveCount(1);
  expect(requests).toContain('GET 405');
  expect(requests.filter((line) => line.startsWith('DELETE'))).toEqual([]);

  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByTestId('mcp-status')).toHaveText('disconnected');
  expect(requests.filter((line) => line.startsWith('DELETE'))).toEqual([]);
  // The one error on purpose: the refused GET stream.
  expect(errors.some((error) => error.startsWith('405 GET'))).toBe(true);
  expect(errors.filter((error) => !error.includes('405'))).toEqual([]);
});

test('naive strategy: the badge still says MOCK (from _meta) while the text has no Source line', async ({ page }) => {
  const errors = collectPageErrors(page);
  await connect(page, { strategy: 'naive' });

  const result = await callListTasks(page);
  await expect(result.getByTestId('provenance-badge')).toContainText('MOCK');
  const text = (await result.getByTestId('tool-result-text').textContent()) ?? '';
  expect(text).not.toContain('Source:');

  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByTestId('mcp-status')).toHaveText('disconnected');
  expect(errors).toEqual([]);
});
