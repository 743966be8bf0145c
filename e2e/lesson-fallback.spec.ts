/**
 * Lesson 4's "Break the upstream" widget in a real browser, as a first-time
 * visitor (no learner cookie yet): its own workspace, faults switched on the
 * workspace, and the timeline of what the production server did about each.
 */
import { expect, test, type Locator, type Page } from './support/test';
import { COLOR_SCHEMES, expectNoAxeViolations } from './support/axe';
import { collectPageErrors } from './support/page-errors';

const LESSON = '/lessons/fallback';

async function openWidget(page: Page): Promise<Locator> {
  await page.goto(LESSON);
  const widget = page.getByTestId('widget-fault-timeline');
  await expect(widget.getByRole('button', { name: 'Run get_overview' })).toBeEnabled(); // hydrated
  return widget;
}

async function pickFault(widget: Locator, name: string): Promise<void> {
  await widget.getByRole('button', { name, exact: true }).click();
  await expect(widget.getByRole('button', { name, exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(widget.getByTestId('fault-status')).toContainText(`"${name}"`);
}

async function run(widget: Locator): Promise<void> {
  await widget.getByRole('button', { name: 'Run get_overview' }).click();
  await expect(widget.getByRole('button', { name: 'Run get_overview' })).toBeEnabled({ timeout: 20_000 });
}

function events(view: Locator, type: string): Locator {
  return view.locator(`[data-testid="timeline-event"][data-type="${type}"]`);
}

test('down: retries open the breaker, the cache answers labelled stale, then no request is sent at all', async ({ page }) => {
  const errors = collectPageErrors(page);
  const widget = await openWidget(page);
  const production = widget.getByTestId('fault-run-production');

  // All is well: a live answer, stored as the last good one.
  await run(widget);
  await expect(production.getByTestId('provenance-badge')).toHaveText('MOCK');
  await expect(production.getByTestId('fault-stat-source')).toHaveText('live');
  await expect(events(production, 'cache')).toContainText('answer stored as the last good one');
  await expect(production.locator('[data-testid="timeline-event"]').first()).toContainText('+0 ms');

  // Down: attempts fail, the breaker opens, the last good answer is served with its age.
  await pickFault(widget, 'down');
  await run(widget);
  await expect(production.getByTestId('provenance-badge')).toHaveText('CACHED-STALE');
  await expect(production.getByTestId('fault-stat-source')).toHaveText(/^cache, \d+ s old$/);
  await expect(production.getByTestId('fault-first-lines')).toHaveText(/^Source: MOCK DATA/);
  await expect(production.getByTestId('fault-first-lines')).toContainText('last good answer');
  await expect(events(production, 'breaker')).toContainText('breaker closed → open');
  await expect(events(production, 'failure').first()).toContainText('worth retrying');
  await expect(events(production, 'wait').first()).toContainText('backoff with full jitter');
  await expect(events(production, 'cache')).toContainText(/served from cache, \d+ s old/);
  expect(Number(await production.getByTestId('fault-stat-requests').textContent())).toBeGreaterThan(0);

  // Again: the open breaker answers at once — no request, no attempt, straight from the cache.
  await run(widget);
  await expect(production.getByTestId('fault-stat-requests')).toHaveText('0');
  await expect(production.getByTestId('provenance-badge')).toHaveText('CACHED-STALE');
  await expect(events(production, 'breaker-rejected')).toContainText('not sent: the breaker is open');
  await expect(events(production, 'attempt')).toHaveCount(0);
  await expect(events(production, 'cache')).toContainText('served from cache');
  await expect(widget.getByTestId('fault-history').getByRole('listitem')).toHaveCount(3);
  expect(errors).toEqual([]);
});

test('rate-limited: every wait honours retry_after', async ({ page }) => {
  const errors = collectPageErrors(page);
  const widget = await openWidget(page);
  const production = widget.getByTestId('fault-run-production');
  await pickFault(widget, 'rate-limited');
  await run(widget);

  await expect(production.getByTestId('fault-stat-source')).toHaveText('live');
  const waits = events(production, 'wait');
  expect(await waits.count()).toBeGreaterThan(0);
  for (const wait of await waits.all()) {
    await expect(wait).toContainText('retry_after');
    const waited = Number(await wait.getAttribute('data-ms'));
    const advised = Number(await wait.getAttribute('data-retry-after-seconds'));
    expect(advised).toBeGreaterThanOrEqual(2);
    expect(waited).toBeGreaterThanOrEqual(advised * 1000);
  }
  await expect(events(production, 'failure').first()).toContainText('429');
  expect(errors).toEqual([]);
});

test('malformed: a missing field is named, not retried, and nothing is guessed', async ({ page }) => {
  const errors = collectPageErrors(page);
  const widget = await openWidget(page);
  const production = widget.getByTestId('fault-run-production');
  await pickFault(widget, 'malformed: missing-field');
  await run(widget);

  await expect(production.getByRole('alert')).toContainText('The tool reported an error');
  await expect(production.getByTestId('fault-error')).toContainText('results.2.priority');
  await expect(events(production, 'give-up')).toContainText('not retryable');
  await expect(events(production, 'attempt')).toHaveCount(1);
  await expect(events(production, 'cache')).toContainText('cache miss');
  expect(errors).toEqual([]);
});

test('the naive server, under the same outage, answers with canned todos and no Source line', async ({ page }) => {
  const errors = collectPageErrors(page);
  const widget = await openWidget(page);
  await widget.getByRole('checkbox', { name: /Compare with the naive server/ }).check();
  await pickFault(widget, 'down');
  await run(widget);

  const naive = widget.getByTestId('fault-run-naive');
  await expect(naive.getByTestId('fault-first-lines')).not.toHaveText(/^Source:/);
  await expect(naive.getByTestId('fault-first-lines')).toContainText('"content"');
  await expect(naive.getByTestId('no-source-warning')).toBeVisible();
  await expect(naive.getByRole('alert')).toHaveCount(0);
  await expect(naive).toContainText('canned mock todos');
  await expect(naive).toContainText('the naive server neither retries nor caches');

  // Production, with nothing cached yet, says what failed instead.
  const production = widget.getByTestId('fault-run-production');
  await expect(production.getByTestId('fault-error')).toContainText('get_overview failed');
  expect(errors).toEqual([]);
});

for (const colorScheme of COLOR_SCHEMES) {
  test(`the lesson page with the widget run has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const widget = await openWidget(page);
    await widget.getByRole('checkbox', { name: /Compare with the naive server/ }).check();
    await run(widget);
    await pickFault(widget, 'down');
    await run(widget);
    await expect(widget.getByTestId('fault-run-production').getByTestId('provenance-badge')).toHaveText('CACHED-STALE');
    // The whole page: the lesson, the live panel and the widget with its results.
    await expectNoAxeViolations(page);
  });
}
