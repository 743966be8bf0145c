/**
 * Lesson 2 in a real browser, against the second app server, the one with
 * TODOIST_API_TOKEN=e2e-token in its environment (see playwright.config.ts):
 * the resolution table shows that token masked, the gallery shows real
 * ConfigError messages, and the live panel shows what real mode says without
 * a token. Nothing is saved to the settings file. (The newcomer's case, with
 * no token anywhere, is in lesson-defaults.spec.ts.)
 */
import { expect, test, type Page } from './support/test';
import { COLOR_SCHEMES, expectNoAxeViolations } from './support/axe';
import { collectPageErrors, collectResponseBodies } from './support/page-errors';
import { CONFIGURED_APP } from './support/servers';

test.use({ baseURL: CONFIGURED_APP });

const LESSON = '/lessons/configuration';
const ENV_TOKEN = 'e2e-token';
const FAKE_TOKEN = 'fake-token-for-the-example';

async function openWidget(page: Page) {
  await page.goto(LESSON);
  const widget = page.getByTestId('widget-config-resolution');
  await expect(widget.getByTestId('config-table')).toBeVisible();
  await expect(widget.getByTestId('config-error-message').first()).toBeVisible();
  return widget;
}

test('the resolution table shows the token from the environment, masked, and Refresh reads it again', async ({ page }) => {
  const errors = collectPageErrors(page);
  const bodies = collectResponseBodies(page);
  const widget = await openWidget(page);

  const tokenRow = widget.getByTestId('config-table').locator('tr[data-key="todoistApiToken"]');
  await expect(tokenRow.locator('[data-column="value"]')).toHaveText('••••••••');
  await expect(tokenRow.locator('[data-column="source"]')).toHaveText(/Environment\s*TODOIST_API_TOKEN/);
  await expect(widget.getByTestId('token-source')).toContainText('The token comes from the environment (TODOIST_API_TOKEN), shown as ••••••••.');
  await expect(widget.getByRole('link', { name: 'Open Settings' })).toHaveAttribute('href', '/settings');

  const reread = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/settings');
  await widget.getByRole('button', { name: 'Refresh' }).click();
  expect((await reread).status()).toBe(200);
  await expect(widget.getByRole('button', { name: 'Refresh' })).toBeEnabled();

  expect(await page.content()).not.toContain(ENV_TOKEN);
  for (const body of await Promise.all(bodies)) expect(body).not.toContain(ENV_TOKEN);
  expect(errors).toEqual([]);
});

test('the gallery shows real ConfigError messages that name the key, the variable and the file', async ({ page }) => {
  const errors = collectPageErrors(page);
  const widget = await openWidget(page);

  const messages = await widget.getByTestId('config-error-message').allTextContents();
  expect(messages.length).toBeGreaterThanOrEqual(5);
  expect(messages.find((message) => message.includes('todoistApiTokn'))).toContain('unknown key "todoistApiTokn" (allowed keys:');
  expect(messages.find((message) => message.startsWith('DOJO_CONFIG'))).toMatch(/DOJO_CONFIG points to \/.+, but there is no file there/);
  expect(messages.some((message) => /dojo\.config\.json is not valid JSON \(syntax error at line \d+, column \d+\)/.test(message))).toBe(true);
  expect(messages.some((message) => message.includes('permission denied (EACCES)'))).toBe(true);
  expect(messages.some((message) => message.startsWith('TODOIST_API_BASE_URL must be an http(s) URL'))).toBe(true);
  // The inputs show the fake token; the messages never repeat it.
  await expect(widget.getByTestId('config-error-example').first()).toContainText(FAKE_TOKEN);
  for (const message of messages) expect(message).not.toContain(FAKE_TOKEN);
  expect(errors).toEqual([]);
});

test('the live panel side by side: no token lists where it looked, the configured token reads the stand-in', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto(LESSON);
  const panel = page.getByTestId('live-panel');
  await panel.getByRole('button', { name: 'Run side by side' }).click();

  const missing = panel.getByTestId('side-left');
  await expect(missing.getByTestId('settings-summary')).toHaveText(/token missing/);
  await expect(missing.getByRole('alert')).toContainText('The tool reported an error');
  const text = missing.getByTestId('model-text');
  await expect(text).toContainText('No Todoist API token is configured');
  await expect(text).toContainText('Provide a Todoist API token in one of three ways');
  await expect(text).toContainText('TODOIST_API_TOKEN environment variable');
  await expect(text).toContainText(/dojo\.config\.json \(not found\)/);
  await expect(text).toContainText(/mcp-dojo\/config\.json \(not found\)/);
  await expect(text).toContainText(/e2e-settings\.json \((found|not found)\)/);
  await expect(missing.getByTestId('missing-token-help')).toBeVisible();

  const configured = panel.getByTestId('side-right');
  await expect(configured.getByTestId('settings-summary')).toHaveText(/token configured/);
  await expect(configured.getByTestId('provenance-badge')).toHaveText('REAL');
  // A token is configured, so `upstream=auto` reaches the API it points at (here the command-line stand-in on :4011).
  await expect(configured.getByTestId('model-text')).toContainText(/^Source: Todoist API \(live/);
  await expect(configured.getByRole('alert')).toHaveCount(0);
  await expect(panel.getByTestId('differences').locator('[data-aspect="outcome"]')).toContainText('error');
  expect(await page.content()).not.toContain(ENV_TOKEN);
  expect(errors).toEqual([]);
});

for (const colorScheme of COLOR_SCHEMES) {
  test(`the lesson page with the widget loaded has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const widget = await openWidget(page);
    await widget.getByText('Every place that was checked, in order').click(); // open the folded list too
    await expectNoAxeViolations(page);
  });
}
