/**
 * The playground's MCP client in a real browser, against the real endpoint
 * (`next start`): connect, list tools, call one, read provenance and the trace.
 */
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support/page-errors';

const TOOL_NAMES = ['list_projects', 'list_tasks', 'filter_tasks', 'get_task', 'get_overview', 'create_task', 'complete_task'];

async function connect(page: Page, settings: { strategy?: 'production' | 'naive' } = {}) {
  await page.goto('/playground');
  await expect(page.getByRole('heading', { level: 1, name: 'MCP playground' })).toBeVisible();
  await page.getByLabel('Backend').selectOption('mock');
  if (settings.strategy) await page.getByLabel('Strategy').selectOption(settings.strategy);
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

/** The entries of the trace as "direction kind method" lines. */
async function traceLines(page: Page): Promise<string[]> {
  return page
    .getByTestId('trace-entry')
    .evaluateAll((items) =>
      items.map((item) => `${item.getAttribute('data-direction')} ${item.getAttribute('data-kind')} ${item.getAttribute('data-method') ?? ''}`),
    );
}

test('connects, lists the 7 tools, calls list_tasks and shows provenance and the protocol trace', async ({ page }) => {
  const errors = collectPageErrors(page);
  await connect(page);

  await expect(page.getByTestId('mcp-session-id')).toHaveText(/^[0-9a-f-]{36}$/);
  await expect(page.getByText('mcp-dojo@0.1.0')).toBeVisible();
  const tools = page.getByTestId('tool-list').getByRole('button');
  await expect(tools).toHaveCount(7);
  expect((await tools.allTextContents()).sort()).toEqual([...TOOL_NAMES].sort());

  const result = await callListTasks(page);
  const text = (await result.getByTestId('tool-result-text').textContent()) ?? '';
  expect(text.split('\n')[0]).toMatch(/^Source: MOCK DATA/);
  await expect(result.getByTestId('provenance-badge')).toHaveText('MOCK');
  await expect(result.getByRole('alert')).toHaveCount(0);

  const lines = await traceLines(page);
  expect(lines).toContain('out request initialize');
  expect(lines).toContain('in response initialize');
  expect(lines).toContain('out notification notifications/initialized');
  expect(lines).toContain('out request tools/list');
  expect(lines).toContain('out request tools/call');
  expect(lines).toContain('in notification notifications/progress');
  // Progress arrives while the call runs: between the request and its response.
  const callAt = lines.indexOf('out request tools/call');
  const progressAt = lines.indexOf('in notification notifications/progress');
  const responseAt = lines.indexOf('in response tools/call');
  expect(callAt).toBeLessThan(progressAt);
  expect(progressAt).toBeLessThan(responseAt);

  // Disconnecting ends the session on the server (DELETE) without errors.
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByTestId('mcp-status')).toHaveText('disconnected');
  expect(errors).toEqual([]);
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
