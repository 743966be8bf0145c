/**
 * Lesson 5's measurements in a real browser: server-side filtering against
 * fetch-everything-then-filter, and raw API JSON against compact lines —
 * real calls to this app's MCP server, numbers read from their results.
 */
import { expect, test, type Locator, type Page } from './support/test';
import { COLOR_SCHEMES, expectNoAxeViolations } from './support/axe';
import { collectPageErrors } from './support/page-errors';

const LESSON = '/lessons/filtering';

async function openWidget(page: Page): Promise<Locator> {
  await page.goto(LESSON);
  const widget = page.getByTestId('widget-size-compare');
  await expect(widget.getByRole('button', { name: 'Compare raw and compact' })).toBeEnabled(); // hydrated
  return widget;
}

async function numberIn(row: Locator, attribute: string): Promise<number> {
  return Number(await row.getAttribute(`data-${attribute}`));
}

async function compareOutputs(widget: Locator): Promise<Locator> {
  const section = widget.getByTestId('size-outputs');
  await section.getByRole('button', { name: 'Compare raw and compact' }).click();
  await expect(section.getByTestId('size-output-verdict')).toBeVisible({ timeout: 20_000 });
  return section;
}

async function compareFiltering(widget: Locator): Promise<Locator> {
  const section = widget.getByTestId('size-filtering');
  await section.getByRole('button', { name: 'Compare the two ways' }).click();
  await expect(section.getByTestId('size-filtering-verdict')).toBeVisible({ timeout: 20_000 });
  return section;
}

test('raw vs compact: the compact text is a fraction of the raw and keeps every overdue task', async ({ page }) => {
  const errors = collectPageErrors(page);
  const widget = await openWidget(page);
  await expect(widget.getByRole('button', { name: /mock, small/ })).toHaveAttribute('aria-pressed', 'true');
  const section = await compareOutputs(widget);

  const raw = section.getByTestId('size-row-raw');
  const compact = section.getByTestId('size-row-compact');
  const rawBytes = await numberIn(raw, 'bytes');
  const compactBytes = await numberIn(compact, 'bytes');
  expect(rawBytes).toBeGreaterThan(0);
  expect(compactBytes / rawBytes).toBeLessThan(0.25);
  expect(await numberIn(compact, 'tokens')).toBeLessThan(await numberIn(raw, 'tokens'));
  expect(await numberIn(compact, 'tasks')).toBeGreaterThan(0);

  const verdict = section.getByTestId('size-output-verdict');
  await expect(verdict).toHaveAttribute('data-every-overdue-kept', 'true');
  expect(await numberIn(verdict, 'overdue-total')).toBeGreaterThan(0);
  expect(await numberIn(verdict, 'overdue-kept')).toBe(await numberIn(verdict, 'overdue-total'));
  await expect(verdict).toContainText('keeps every overdue task');
  // The figures join "What you observed", which is what the copied prompt carries.
  await expect(page.getByTestId('live-panel').getByTestId('observed-list')).toContainText(
    /On the small mock \(180 tasks\), get_overview as raw API JSON was [\d.]+ kB .* and kept (\d+) of \1 overdue tasks\./,
  );
  expect(errors).toEqual([]);
});

test('large data: the raw answer grows, the compact one stays within budget and says what it left out', async ({ page }) => {
  const errors = collectPageErrors(page);
  const widget = await openWidget(page);
  await widget.getByRole('button', { name: /mock, large/ }).click();
  const section = await compareOutputs(widget);
  const rawBytes = await numberIn(section.getByTestId('size-row-raw'), 'bytes');
  expect(rawBytes).toBeGreaterThan(1_000_000);
  expect(await numberIn(section.getByTestId('size-row-compact'), 'tokens')).toBeLessThanOrEqual(2_200);
  await expect(section.getByTestId('size-left-out')).toContainText(/^Left out to stay within ~2000 tokens: \d+ overdue/);
  expect(errors).toEqual([]);
});

test('server-side filtering moves fewer bytes than fetching everything, for the same tasks', async ({ page }) => {
  const errors = collectPageErrors(page);
  const widget = await openWidget(page);
  const section = await compareFiltering(widget);

  const inTool = section.getByTestId('size-row-list-tasks');
  const byApi = section.getByTestId('size-row-filter-tasks');
  expect(await numberIn(byApi, 'bytes')).toBeLessThan(await numberIn(inTool, 'bytes'));
  expect(await numberIn(byApi, 'tasks')).toBeGreaterThan(0);
  expect(await numberIn(byApi, 'tasks')).toBe(await numberIn(inTool, 'tasks'));
  await expect(section.getByTestId('size-filtering-verdict')).toHaveAttribute('data-same-tasks', 'true');
  expect(errors).toEqual([]);
});

test('the real backend (the Todoist stand-in) gives the same verdict', async ({ page }) => {
  const errors = collectPageErrors(page);
  const widget = await openWidget(page);
  await widget.getByRole('button', { name: 'real Todoist' }).click();
  const section = await compareFiltering(widget);
  expect(await numberIn(section.getByTestId('size-row-filter-tasks'), 'bytes')).toBeLessThan(
    await numberIn(section.getByTestId('size-row-list-tasks'), 'bytes'),
  );
  await expect(section.getByTestId('size-filtering-verdict')).toHaveAttribute('data-same-tasks', 'true');
  expect(errors).toEqual([]);
});

for (const colorScheme of COLOR_SCHEMES) {
  test(`the lesson page with the widget run has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const widget = await openWidget(page);
    await compareFiltering(widget);
    const outputs = await compareOutputs(widget);
    await outputs.getByText('The first 8 lines of each text').click(); // the previews open too
    // The whole page: the lesson, the live panel and the widget with its results.
    await expectNoAxeViolations(page);
  });
}
