/**
 * Lesson 3's widgets in a real browser: the 2 × 2 grid (mock and real, naive
 * and production), the page visualiser, and the task tree. The app runs with
 * no token, so the real backend is its built-in Todoist stand-in (the small
 * sample: 180 tasks, seed 1), see playwright.config.ts.
 */
import { expect, test, type Locator, type Page } from './support/test';
import { COLOR_SCHEMES, expectNoAxeViolations } from './support/axe';
import { grantClipboard, readClipboard } from './support/clipboard';
import { collectPageErrors } from './support/page-errors';

const LESSON = '/lessons/pagination';
/** The built-in stand-in's sample account: 180 active tasks (each workspace has its own copy). */
const STANDIN_TASKS = 180;

async function openGrid(page: Page): Promise<Locator> {
  await page.goto(LESSON);
  const grid = page.getByTestId('widget-pagination-grid');
  await expect(grid.getByRole('button', { name: 'Run all four' })).toBeEnabled();
  return grid;
}

const cell = (grid: Locator, id: string) => grid.getByTestId(`grid-cell-${id}`);

async function runAllFour(grid: Locator) {
  await grid.getByRole('button', { name: 'Run all four' }).click();
  for (const id of ['mock-naive', 'mock-production', 'real-naive', 'real-production']) {
    await expect(cell(grid, id)).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  }
}

test('Run all four: the mock agrees with itself, the naive real read misses most tasks', async ({ page }) => {
  const errors = collectPageErrors(page);
  const total = STANDIN_TASKS;
  const grid = await openGrid(page);
  await runAllFour(grid);

  const mockNaive = cell(grid, 'mock-naive');
  await expect(mockNaive).toHaveAttribute('data-returned', '12');
  await expect(mockNaive).toHaveAttribute('data-exist', '12');
  await expect(mockNaive).toHaveAttribute('data-match', 'true');
  await expect(mockNaive.getByTestId('cell-headline')).toHaveText('12 = 12');

  await expect(cell(grid, 'mock-production')).toHaveAttribute('data-returned', '12');
  await expect(cell(grid, 'mock-production').getByTestId('cell-headline')).toHaveText('12 = 12');

  const realNaive = cell(grid, 'real-naive');
  await expect(realNaive).toHaveAttribute('data-returned', '50');
  await expect(realNaive).toHaveAttribute('data-exist', String(total));
  await expect(realNaive).toHaveAttribute('data-match', 'false');
  await expect(realNaive.getByTestId('cell-headline')).toHaveText(`50 of ${total}`);
  await expect(realNaive.getByTestId('cell-verdict')).toHaveText(`${total - 50} missing — and nothing said so.`);
  await expect(realNaive.getByTestId('cell-pages')).toHaveText('1');
  await expect(realNaive.getByTestId('cell-cursor-ignored')).toContainText('next_cursor was ignored');
  await expect(realNaive.getByTestId('cell-requests')).toHaveText('1');

  const realProduction = cell(grid, 'real-production');
  await expect(realProduction).toHaveAttribute('data-returned', String(total));
  await expect(realProduction).toHaveAttribute('data-exist', String(total));
  await expect(realProduction).toHaveAttribute('data-match', 'true');

  // The visualiser: the production read's pages, as the progress notifications reported them.
  const realPages = grid.getByTestId('page-list-real').getByTestId('page-row');
  await expect(realPages).not.toHaveCount(0);
  const items = await realPages.evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-items'))));
  expect(items.reduce((sum, count) => sum + count, 0)).toBe(total);
  expect(errors).toEqual([]);
});

test("the grid's figures join what you observed, and the copied prompt carries them", async ({ page, context }) => {
  await grantClipboard(context);
  const errors = collectPageErrors(page);
  const grid = await openGrid(page);
  await runAllFour(grid);
  await expect(cell(grid, 'real-production')).toHaveAttribute('data-returned', '180');

  const panel = page.getByTestId('live-panel');
  await expect(panel.getByTestId('observed-list')).toContainText('the naive read returned 50 of 180 tasks in 1 request (130 missing');
  await panel.getByRole('button', { name: 'Copy prompt' }).click();
  const copied = await readClipboard(page);
  expect(copied).toContain('## What I observed');
  expect(copied).toContain("In the pagination grid: on the story's mock the naive read returned 12 = 12 tasks");
  expect(copied).toContain(
    'on the real backend (the Todoist stand-in) the naive read returned 50 of 180 tasks in 1 request (130 missing, and nothing said so), the production read 180',
  );
  expect(errors).toEqual([]);
});

test('the large mock: 5,000 tasks arrive in 25 pages of 200', async ({ page }) => {
  const errors = collectPageErrors(page);
  const grid = await openGrid(page);
  await grid.getByLabel('Mock row: the large faithful mock (5,000 tasks)').check();
  await expect(grid.getByRole('rowheader', { name: /Mock/ })).toContainText('5,000 tasks');

  await grid.getByRole('button', { name: 'Run mock · production' }).click();
  await expect(cell(grid, 'mock-production')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(cell(grid, 'mock-production')).toHaveAttribute('data-returned', '5000');
  const pages = grid.getByTestId('page-list-mock').getByTestId('page-row');
  await expect(pages).toHaveCount(25);
  const items = await pages.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-items')));
  expect(new Set(items)).toEqual(new Set(['200']));
  await expect(pages.nth(1)).toContainText(/cursor \S+…/); // page 2 onwards was asked for with a cursor

  await grid.getByRole('button', { name: 'Run mock · naive' }).click();
  await expect(cell(grid, 'mock-naive')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(cell(grid, 'mock-naive').getByTestId('cell-headline')).toHaveText('50 of 5000');
  expect(errors).toEqual([]);
});

test('the tree: built after the last page, subtasks nested, parents on other pages marked', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto(LESSON);
  const widget = page.getByTestId('widget-task-tree');
  await expect(widget.getByRole('button', { name: 'real', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await widget.getByRole('button', { name: 'Build the tree' }).click();

  const stats = widget.getByTestId('tree-stats');
  await expect(stats).toHaveAttribute('data-tasks', String(STANDIN_TASKS), { timeout: 30_000 });
  await expect(stats).toContainText('no orphans');
  await expect(widget.getByTestId('why-not-page-by-page')).toContainText('on an earlier page than');

  // Folded to the marks at first: at least one is in view.
  const marks = widget.getByTestId('parent-elsewhere');
  await expect(marks.first()).toBeVisible();
  await expect(marks.first()).toHaveText(/^page \d+ → parent on page \d+$/);

  await widget.getByRole('button', { name: 'Expand all' }).click();
  const deep = widget.locator('[data-testid="tree-task"][data-depth="2"]');
  await expect(deep.first()).toBeVisible();
  // Nested for real: a depth-2 task sits inside two other tasks.
  expect(await deep.first().evaluate((node) => node.parentElement?.closest('[data-testid="tree-task"]')?.parentElement?.closest('[data-testid="tree-task"]') != null)).toBe(true);

  await widget.getByRole('button', { name: 'Collapse all' }).click();
  await expect(deep.first()).toBeHidden();
  expect(errors).toEqual([]);
});

for (const colorScheme of COLOR_SCHEMES) {
  test(`the lesson page with the grid and the tree run has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const grid = await openGrid(page);
    await runAllFour(grid);
    const tree = page.getByTestId('widget-task-tree');
    await tree.getByRole('button', { name: 'Build the tree' }).click();
    await expect(tree.getByTestId('tree-stats')).toBeVisible({ timeout: 30_000 });
    await expectNoAxeViolations(page);
  });
}
