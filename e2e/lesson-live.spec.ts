/**
 * The lesson's live panel in a real browser, against the real endpoint and,
 * for the real backend, the Todoist stand-in (playwright.config.ts starts it
 * on :4011 and points the app at it with token "e2e-token").
 */
import { expect, test, type Locator, type Page } from './support/test';
import { COLOR_SCHEMES, expectNoAxeViolations } from './support/axe';
import { grantClipboard, readClipboard } from './support/clipboard';
import { collectPageErrors } from './support/page-errors';
import { CONFIGURED_APP } from './support/servers';

const LESSON = '/lessons/mock-that-lied';
const STANDIN_API = 'http://127.0.0.1:4011/api/v1';

/**
 * Watches the page's requests to /api/mcp: how many of each method were sent,
 * and how many are still open (an open one holds one of the browser's six
 * connections to this origin).
 */
function watchMcpRequests(page: Page) {
  const sent: string[] = [];
  const open = new Set<unknown>();
  const isMcp = (url: string) => new URL(url).pathname === '/api/mcp';
  page.on('request', (request) => {
    if (!isMcp(request.url())) return;
    sent.push(request.method());
    open.add(request);
  });
  page.on('requestfinished', (request) => void open.delete(request));
  page.on('requestfailed', (request) => void open.delete(request));
  return { count: (method: string) => sent.filter((sentMethod) => sentMethod === method).length, open: () => open.size };
}

async function openDemo(page: Page, tabName: string): Promise<Locator> {
  await page.goto(LESSON);
  const panel = page.getByTestId('live-panel');
  await panel.getByRole('tab', { name: tabName }).click();
  await expect(panel.getByRole('tab', { name: tabName })).toHaveAttribute('aria-selected', 'true');
  return panel;
}

function toggle(panel: Locator, group: string, value: string): Locator {
  return panel.getByRole('group', { name: group }).getByRole('button', { name: value, exact: true });
}

async function firstLine(result: Locator): Promise<string> {
  return ((await result.getByTestId('model-text').textContent()) ?? '').split('\n')[0]!;
}

/** The p1 tasks the stand-in holds, asked for directly: the panel's real answer must be this data. */
async function standinP1TaskIds(page: Page): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const response = await page.request.get(`${STANDIN_API}/tasks`, {
      params: { limit: 200, ...(cursor && { cursor }) },
      headers: { Authorization: 'Bearer e2e-token' },
    });
    const body = (await response.json()) as { results: Array<{ id: string; priority: number }>; next_cursor: string | null };
    ids.push(...body.results.filter((task) => task.priority === 4).map((task) => task.id));
    cursor = body.next_cursor;
  } while (cursor);
  return ids;
}

test.describe('with a token configured (the real backend is the Todoist API, here the stand-in on :4011)', () => {
  test.use({ baseURL: CONFIGURED_APP });

  test('labelled answers: mock, then real from the configured API, then side by side', async ({ page }) => {
    const errors = collectPageErrors(page);
    const requests = watchMcpRequests(page);
    const panel = await openDemo(page, 'Mock and real, each labelled');
    await expect(toggle(panel, 'Backend', 'mock')).toHaveAttribute('aria-pressed', 'true');
    await expect(toggle(panel, 'Token', 'configured')).toBeDisabled(); // the mock needs no token

    // Mock: labelled as mock data, and the call is on the wire.
    await panel.getByRole('button', { name: 'Run', exact: true }).click();
    const single = panel.getByTestId('single-result');
    await expect(single.getByTestId('provenance-badge')).toHaveText('MOCK');
    expect(await firstLine(single)).toMatch(/^Source: MOCK DATA/);
    await expect(panel.locator('[data-testid="trace-entry"][data-method="tools/call"]').first()).toBeAttached();
    await expect(panel.locator('[data-testid="trace-entry"][data-method="notifications/progress"]').first()).toBeAttached();

    // Real: answered by the stand-in (the configured token's Todoist, in these tests).
    await toggle(panel, 'Backend', 'real').click();
    await expect(toggle(panel, 'Token', 'configured')).toBeEnabled();
    await expect(toggle(panel, 'Scenario', 'faithful')).toBeDisabled();
    await page.keyboard.press('r'); // the Run shortcut works right after a toggle click
    await expect(single.getByTestId('provenance-badge')).toHaveText('REAL');
    expect(await firstLine(single)).toMatch(/^Source: Todoist API \(live/);
    const text = (await single.getByTestId('model-text').textContent()) ?? '';
    const p1 = await standinP1TaskIds(page);
    expect(p1.length).toBeGreaterThan(0);
    expect(text).toContain(`${p1.length} active task`);
    expect(text).toContain(`id ${p1[0]}`);

    // Side by side: mock vs real, with the differences called out.
    await panel.getByRole('button', { name: 'Run side by side' }).click();
    await expect(panel.getByTestId('side-left').getByTestId('provenance-badge')).toHaveText('MOCK');
    await expect(panel.getByTestId('side-right').getByTestId('provenance-badge')).toHaveText('REAL');
    const differences = panel.getByTestId('differences');
    await expect(differences.locator('[data-aspect="count"]')).toContainText(/mock: \d+ · real: \d+/);
    await expect(differences.locator('[data-aspect="count"]')).toContainText(`real: ${p1.length}`);
    await expect(differences.locator('[data-aspect="source"]')).toContainText('yes — “Source: MOCK DATA');
    await expect(differences.locator('[data-aspect="source"]')).toContainText('yes — “Source: Todoist API (live');
    await expect(differences.getByTestId('source-verdict')).toContainText('Both texts start with a Source line');
    await expect(differences).toContainText('only the first line — the source — tells a model which answer is real');

    await expect(panel.getByTestId('observed-list').getByRole('listitem')).toHaveCount(3);

    // No sessions: nothing was ever DELETEd, no GET stream was opened, and nothing stays open after the runs.
    await panel.getByRole('tab', { name: "What's due? — with no token" }).click();
    expect(requests.count('DELETE')).toBe(0);
    expect(requests.count('GET')).toBe(0);
    expect(requests.count('POST')).toBeGreaterThanOrEqual(8); // (discover + call) per run: single ×2, left, right
    await expect.poll(requests.open).toBe(0);
    // Observations belong to the lesson, not the demo: they stay.
    await expect(panel.getByTestId('observed-list').getByRole('listitem')).toHaveCount(3);
    expect(errors).toEqual([]);
  });
});

test('with no token (a newcomer), the real backend is the app’s own stand-in, and the panel says so', async ({ page }) => {
  const errors = collectPageErrors(page);
  const panel = await openDemo(page, 'Mock and real, each labelled');
  await toggle(panel, 'Backend', 'real').click();
  await panel.getByRole('button', { name: 'Run', exact: true }).click();
  const single = panel.getByTestId('single-result');
  await expect(single.getByTestId('provenance-badge')).toHaveText('REAL');
  expect(await firstLine(single)).toMatch(/^Source: Todoist stand-in on this machine .*sample data, not your account/);
  await expect(single).toContainText('Todoist stand-in on this machine (sample data, not your account)');
  await expect(single).toContainText('workspace panel-labelled-answers');
  expect(errors).toEqual([]);
});

test('missing token: naive hides its canned todos, production explains the three ways to fix it', async ({ page }) => {
  const errors = collectPageErrors(page);
  const panel = await openDemo(page, "What's due? — with no token");
  await expect(toggle(panel, 'Token', 'missing')).toHaveAttribute('aria-pressed', 'true');

  await panel.getByRole('button', { name: 'Run side by side' }).click();
  const naive = panel.getByTestId('side-left');
  const production = panel.getByTestId('side-right');
  await expect(naive.getByRole('heading', { name: 'naive' })).toBeVisible();
  await expect(naive.getByTestId('settings-summary')).toHaveText(/real · naive · token missing/);

  // Naive: tasks, no Source line, nothing that says these are canned mock todos.
  await expect(naive.getByTestId('model-text')).toContainText('"content"');
  expect(await firstLine(naive)).not.toMatch(/^Source:/);
  await expect(naive.getByTestId('no-source-warning')).toBeVisible();
  await expect(naive.getByRole('alert')).toHaveCount(0);

  // Production: the error, and the three ways to provide a token.
  await expect(production.getByRole('alert')).toContainText('The tool reported an error');
  await expect(production.getByTestId('model-text')).toContainText('No Todoist API token is configured');
  const help = production.getByTestId('missing-token-help');
  await expect(help).toContainText('TODOIST_API_TOKEN');
  await expect(help).toContainText('dojo.config.json');
  await expect(help).toContainText('~/.config/mcp-dojo/config.json');
  await expect(help.getByRole('link', { name: /Settings/ })).toHaveAttribute('href', '/settings');
  await expect(production).not.toContainText(/at \w+ \(.*:\d+:\d+\)/); // no stack trace

  const differences = panel.getByTestId('differences');
  await expect(differences.locator('[data-aspect="outcome"]')).toContainText('naive: success · production: error');
  await expect(differences.locator('[data-aspect="count"]')).toContainText(/naive: \d+ · production: —/);
  await expect(differences.getByTestId('source-verdict')).toContainText('naive: no Source line');
  expect(errors).toEqual([]);
});

test('"What you observed" survives a reload, and the copied prompt still carries it', async ({ page, context }) => {
  await grantClipboard(context);
  const errors = collectPageErrors(page);
  const panel = await openDemo(page, 'Mock and real, each labelled');
  await panel.getByRole('button', { name: 'Run', exact: true }).click();
  const observed = panel.getByTestId('observed-list').getByRole('listitem');
  await expect(observed).toHaveCount(1);
  const sentence = (await observed.first().textContent()) ?? '';
  expect(sentence.length).toBeGreaterThan(20);

  await page.reload();
  await expect(observed).toHaveText([sentence]);
  await panel.getByRole('button', { name: 'Copy prompt' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Copied ✓' })).toBeVisible();
  expect(await readClipboard(page)).toContain(sentence);

  // Clearing forgets them for good: a reload does not bring them back.
  await panel.getByRole('button', { name: /Clear/ }).click();
  await page.reload();
  await expect(panel.getByRole('button', { name: 'Copy prompt' })).toBeEnabled(); // hydrated
  await expect(observed).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('copy prompt puts the lesson and an observation with a count on the clipboard', async ({ page, context }) => {
  await grantClipboard(context);
  const errors = collectPageErrors(page);
  const panel = await openDemo(page, 'Mock and real, each labelled');
  await panel.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(panel.getByTestId('single-result').getByTestId('provenance-badge')).toHaveText('MOCK');
  await expect(panel.getByTestId('observed-list').getByRole('listitem')).toHaveCount(1);

  await panel.getByRole('button', { name: 'Copy prompt' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Copied ✓' })).toBeVisible();
  const copied = await readClipboard(page);
  expect(copied).toContain('## What I observed');
  expect(copied).toMatch(/the mock backend \(scenario "faithful", small data\) returned \d+ tasks in \d+ requests?/);
  expect(copied).toContain('Challenge my understanding with a question at the end.');

  const open = panel.getByRole('link', { name: /Open in Claude/ });
  const href = (await open.getAttribute('href')) ?? '';
  expect(href.startsWith('https://claude.ai/new?q=')).toBe(true);
  expect(new URL(href).searchParams.get('q')).toBe(copied);
  await expect(open).toHaveAttribute('target', '_blank');
  await expect(open).toHaveAttribute('rel', 'noopener noreferrer');
  expect(errors).toEqual([]);
});

test('when the clipboard refuses, the prompt is shown selected to copy by hand', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  const errors = collectPageErrors(page);
  const panel = await openDemo(page, 'Mock and real, each labelled');
  await page.keyboard.press('c');

  const dialog = page.getByRole('dialog', { name: 'Copy the prompt by hand' });
  await expect(dialog).toBeVisible();
  const textarea = dialog.getByTestId('manual-copy');
  await expect(textarea).toBeFocused();
  const value = await textarea.inputValue();
  expect(value).toContain("I haven't run the demos yet.");
  const selected = await textarea.evaluate((element: HTMLTextAreaElement) => element.selectionEnd - element.selectionStart);
  expect(selected).toBe(value.length);

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole('button', { name: 'Copy prompt' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the protocol toggle: 2026-07-28 runs without initialize, 2025-11-25 with it — neither has a session id', async ({ page }) => {
  const errors = collectPageErrors(page);
  const panel = await openDemo(page, 'Mock and real, each labelled');
  const protocol = (value: string) => panel.getByRole('group', { name: 'Protocol' }).getByRole('button', { name: value, exact: true });
  const traced = (method: string) => panel.locator(`[data-testid="trace-entry"][data-direction="out"][data-method="${method}"]`);
  const summary = panel.getByTestId('wire-summary');
  await expect(protocol('2026-07-28')).toHaveAttribute('aria-pressed', 'true');

  await panel.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(panel.getByTestId('single-result').getByTestId('provenance-badge')).toHaveText('MOCK');
  await expect(traced('tools/call')).toHaveCount(1);
  await expect(traced('server/discover')).toHaveCount(1);
  await expect(traced('initialize')).toHaveCount(0);
  await expect(traced('tools/call')).toHaveAttribute('data-envelope', 'yes');
  await expect(summary).toHaveAttribute('data-handshake', 'server/discover');
  await expect(summary.locator('[data-fact="protocol"]')).toContainText('2026-07-28');
  await expect(summary.locator('[data-fact="session"]')).toContainText('none');
  await expect(summary.locator('[data-fact="envelope"]')).toContainText('2 of 2 requests');
  await expect(panel.getByTestId('settings-summary')).toContainText('2026-07-28');

  await protocol('2025-11-25').click();
  await panel.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(panel.getByTestId('settings-summary')).toContainText('2025-11-25');
  await expect(panel.getByTestId('single-result').getByTestId('provenance-badge')).toHaveText('MOCK');
  await expect(traced('initialize')).toHaveCount(1);
  await expect(traced('notifications/initialized')).toHaveCount(1);
  await expect(traced('server/discover')).toHaveCount(0);
  await expect(panel.locator('[data-testid="trace-entry"][data-envelope="yes"]')).toHaveCount(0);
  await expect(summary).toHaveAttribute('data-handshake', 'initialize');
  await expect(summary.locator('[data-fact="session"]')).toContainText('none');
  // The 2025 client asks for a GET stream; the stateless server refuses it at once — the one error on purpose.
  await expect(panel.locator('[data-testid="http-exchange"][data-method="GET"]')).toHaveAttribute('data-status', '405');
  expect(errors.some((error) => error.startsWith('405 GET'))).toBe(true);
  expect(errors.filter((error) => !error.includes('405'))).toEqual([]);
});

for (const { width, height, fullScreen } of [
  { width: 1440, height: 900, fullScreen: false },
  { width: 1280, height: 720, fullScreen: false },
  { width: 1280, height: 720, fullScreen: true },
]) {
  test(`after a side-by-side run the Differences are in view (${width}×${height}${fullScreen ? ', full screen' : ''})`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const errors = collectPageErrors(page);
    const panel = await openDemo(page, 'Mock and real, each labelled');
    if (fullScreen) await panel.getByRole('button', { name: 'Full screen' }).click();
    await panel.getByRole('button', { name: 'Run side by side' }).click();
    const differences = panel.getByTestId('differences');
    await expect(differences.getByTestId('source-verdict')).toBeVisible();
    // Its heading always; the whole block when it fits.
    await expect(differences.getByRole('heading', { name: 'Differences' })).toBeInViewport();
    const box = await differences.boundingBox();
    if (box && box.height <= height) await expect(differences).toBeInViewport({ ratio: 0.99 }); // sub-pixel rounding
    expect(errors).toEqual([]);
  });
}

test('with reduced motion the Differences are still brought into view, at once', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const panel = await openDemo(page, "What's due? — with no token");
  await panel.getByRole('button', { name: 'Run side by side' }).click();
  await expect(panel.getByTestId('differences').getByRole('heading', { name: 'Differences' })).toBeInViewport();
});

for (const colorScheme of COLOR_SCHEMES) {
  test(`the side-by-side view has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const panel = await openDemo(page, "What's due? — with no token");
    await panel.getByRole('button', { name: 'Run side by side' }).click();
    await expect(panel.getByTestId('differences')).toBeVisible();
    // Left out: the protocol trace belongs to components/mcp (its kind colours are below 4.5:1 there).
    await expectNoAxeViolations(page, { include: '[data-testid="live-panel"]', exclude: '[data-testid="protocol-trace"]' });
  });
}
