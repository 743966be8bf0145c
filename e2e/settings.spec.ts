/**
 * /settings against the app server whose environment sets TODOIST_API_TOKEN=e2e-token and saves to
 * DOJO_SETTINGS_PATH (the "configured" server of playwright.config.ts). The point: tokens show up masked or not at all, and
 * only our own page can save one.
 */
import { writeFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Page } from './support/test';
import { COLOR_SCHEMES, expectNoAxeViolations } from './support/axe';
import { collectPageErrors, collectResponseBodies } from './support/page-errors';
import { startOwnApp } from './support/own-app';
import { APP_PORT, CONFIGURED_APP } from './support/servers';

test.use({ baseURL: CONFIGURED_APP });

const ENV_TOKEN = 'e2e-token';
// 12+ characters, so the mask shows its last 4: "••••••••wxyz".
const SAVED_TOKEN = 'saved-e2e-token-0123456789wxyz';
const SAVED_MASK = '••••••••wxyz';
const ATTACKER_TOKEN = 'attacker-token-0123456789zzzz';

// All tests share one settings file on the server.
test.describe.configure({ mode: 'serial' });

// Start from nothing saved, and leave nothing saved behind.
for (const hook of [test.beforeEach, test.afterEach]) {
  hook(async ({ request, baseURL }) => {
    await saveOverApi(request, baseURL, { todoistApiToken: null, todoistApiBaseUrl: null });
  });
}

/** A save as our own page sends it: same Origin, JSON. */
async function saveOverApi(request: APIRequestContext, baseURL: string | undefined, patch: Record<string, string | null>) {
  const response = await request.post('/api/settings', { headers: { Origin: baseURL ?? '' }, data: patch });
  expect(response.status()).toBe(200);
}

async function openSettings(page: Page) {
  await page.goto('/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByTestId('backend-status')).toBeVisible();
}

const tokenRow = (page: Page) => page.getByTestId('config-table').locator('tr[data-key="todoistApiToken"]');

test('the environment wins for the token, shown masked', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openSettings(page);

  await expect(page.getByTestId('backend-status')).toContainText('Real backend: configured from environment (TODOIST_API_TOKEN)');
  await expect(tokenRow(page).locator('[data-column="value"]')).toHaveText('••••••••');
  await expect(tokenRow(page).locator('[data-column="source"]')).toHaveText(/Environment\s*TODOIST_API_TOKEN/);
  await expect(page.getByTestId('saved-token')).toHaveText('Saved on this page: nothing');
  expect(await page.content()).not.toContain(ENV_TOKEN);
  expect(errors).toEqual([]);
});

test('single-user mode (the default), said plainly: whose token a call without a sign-in uses, and the switch', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openSettings(page);
  const mode = page.getByTestId('server-mode');
  await expect(mode).toHaveAttribute('data-mode', 'single-user');
  await expect(mode.getByRole('heading', { level: 2 })).toHaveText('Single-user mode: a saved token is used for every caller without a sign-in');
  await expect(page.getByTestId('whose-token')).toHaveText(
    'Whose Todoist token a real-backend call without a sign-in would use: the server-wide token from the environment variable TODOIST_API_TOKEN.',
  );
  await expect(mode).toContainText('Signed-in callers (OAuth');
  await expect(page.getByTestId('shared-deployment-warning')).toContainText('On a shared deployment, this means everyone reads and writes that one Todoist account.');
  await expect(page.getByTestId('shared-deployment-warning')).toContainText('DOJO_SERVER_WIDE_TOKEN=off');
  // Single-user: the token can be saved here.
  await expect(page.getByLabel('New token')).toBeVisible();
  expect(errors).toEqual([]);
});

test('single-user with no token anywhere (the newcomer server): nobody’s token', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${APP_PORT}/settings`);
  await expect(page.getByTestId('server-mode')).toHaveAttribute('data-mode', 'single-user');
  await expect(page.getByTestId('whose-token')).toContainText('would use: none: no server-wide token is configured');
});

test('saving a token: only the mask comes back, and the table shows it shadowed by the environment', async ({ page }) => {
  const errors = collectPageErrors(page);
  const bodies = collectResponseBodies(page);
  await openSettings(page);

  const input = page.getByLabel('New token');
  await expect(input).toHaveAttribute('type', 'password');
  await expect(input).toHaveAttribute('autocomplete', 'off');
  await input.fill(SAVED_TOKEN);
  await input.press('Enter'); // the keyboard path: Enter submits

  await expect(page.getByRole('status').filter({ hasText: 'Token saved.' })).toBeVisible();
  await expect(input).toHaveValue('');
  await expect(page.getByTestId('saved-token')).toHaveText(`Saved on this page: ${SAVED_MASK}`);
  await expect(page.getByTestId('override-note').first()).toContainText('TODOIST_API_TOKEN');
  await expect(tokenRow(page).locator('[data-column="source"]')).toContainText('Environment');
  await expect(tokenRow(page).locator('[data-column="shadowed"]')).toContainText('Settings page');
  await expect(tokenRow(page).locator('[data-column="shadowed"]')).toContainText(SAVED_MASK);

  await page.reload();
  await expect(page.getByTestId('saved-token')).toHaveText(`Saved on this page: ${SAVED_MASK}`);

  const html = await page.content();
  expect(html).not.toContain(SAVED_TOKEN);
  expect(html).not.toContain(ENV_TOKEN);
  for (const body of await Promise.all(bodies)) {
    expect(body).not.toContain(SAVED_TOKEN);
    expect(body).not.toContain(ENV_TOKEN);
  }
  expect(errors).toEqual([]);
});

test('removing the saved token', async ({ page, request, baseURL }) => {
  const errors = collectPageErrors(page);
  await saveOverApi(request, baseURL, { todoistApiToken: SAVED_TOKEN });
  await openSettings(page);
  await expect(page.getByTestId('saved-token')).toHaveText(`Saved on this page: ${SAVED_MASK}`);

  await page.getByRole('button', { name: 'Remove saved token' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved token removed.' })).toBeVisible();
  await expect(page.getByTestId('saved-token')).toHaveText('Saved on this page: nothing');
  await expect(tokenRow(page).locator('[data-column="shadowed"]')).toHaveText('none');
  expect(errors).toEqual([]);
});

test('the base URL: the default in the input, save, then reset', async ({ page }) => {
  const errors = collectPageErrors(page);
  await openSettings(page);
  const input = page.getByRole('textbox', { name: 'Base URL', exact: true });
  await expect(input).toHaveValue('https://api.todoist.com/api/v1');

  await input.fill('http://127.0.0.1:4012/api/v1');
  await page.getByRole('button', { name: 'Save base URL' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Base URL saved.' })).toBeVisible();
  await expect(page.getByTestId('saved-base-url')).toHaveText('Saved on this page: http://127.0.0.1:4012/api/v1');

  await page.getByRole('button', { name: 'Reset to default' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Reset to the default.' })).toBeVisible();
  await expect(input).toHaveValue('https://api.todoist.com/api/v1');
  expect(errors).toEqual([]);
});

test('an invalid base URL is refused inline', async ({ page }) => {
  await openSettings(page);
  await page.getByRole('textbox', { name: 'Base URL', exact: true }).fill('ftp://example.com');
  await page.getByRole('button', { name: 'Save base URL' }).click();
  // A 400 by design, so this test does not collect console errors ("Failed to load resource").
  await expect(page.getByRole('alert').filter({ hasText: '"todoistApiBaseUrl" must be an http(s) URL' })).toBeVisible();
  await expect(page.getByTestId('saved-base-url')).toHaveText('Saved on this page: nothing (the default applies)');
});

test('a cross-origin POST is refused and does not change the saved token', async ({ request, baseURL }) => {
  await saveOverApi(request, baseURL, { todoistApiToken: SAVED_TOKEN });

  const forged = await request.post('/api/settings', {
    headers: { Origin: 'http://evil.example.com' },
    data: { todoistApiToken: ATTACKER_TOKEN },
  });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error).toContain('Origin "http://evil.example.com" is not allowed');

  const withoutOrigin = await request.post('/api/settings', { data: { todoistApiToken: ATTACKER_TOKEN } });
  expect(withoutOrigin.status()).toBe(403);

  const report = await (await request.get('/api/settings')).json();
  expect(report.keys.todoistApiToken.shadowed).toContainEqual(expect.objectContaining({ source: 'platform-settings', display: SAVED_MASK }));
});

test('a saved base URL the token may not go to: the error says why, and the page removes it', async ({ page }) => {
  // Its own server: the environment's token, and a settings file holding a base URL saved before the rule existed
  // (the endpoint now refuses such a save) — the token would go wherever that file says.
  const settingsPath = test.info().outputPath('settings.json');
  writeFileSync(settingsPath, JSON.stringify({ todoistApiBaseUrl: 'http://127.0.0.1:4799/api/v1' }));
  const app = await startOwnApp({ TODOIST_API_TOKEN: ENV_TOKEN, DOJO_SETTINGS_PATH: settingsPath });
  try {
    await page.goto(`${app.origin}/settings`);
    await expect(page.getByRole('alert').filter({ hasText: 'a place of lower precedence' })).toBeVisible();
    await expect(page.getByTestId('backend-status')).toHaveCount(0);

    await page.getByRole('button', { name: 'Remove the saved base URL' }).click();
    await expect(page.getByTestId('backend-status')).toBeVisible();
    await expect(page.getByTestId('saved-base-url')).toHaveText('Saved on this page: nothing (the default applies)');
  } finally {
    await app.stop();
  }
});

for (const colorScheme of COLOR_SCHEMES) {
  test(`no axe violations (${colorScheme})`, async ({ page, request, baseURL }) => {
    const errors = collectPageErrors(page);
    // With a saved token, so the shadowed entry and the override note are scanned too.
    await saveOverApi(request, baseURL, { todoistApiToken: SAVED_TOKEN });
    await page.emulateMedia({ colorScheme });
    await openSettings(page);
    await page.getByText('Every place that was checked').click(); // open the <details> so its contents are scanned

    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });
}
