/**
 * Nothing hangs: the defect a new learner hit. In one tab of the pagination
 * lesson, every demo and widget is clicked in a row — the panel's Run, Run
 * side by side, the grid's Run all four, the tree — and then three more lesson
 * tabs are opened. Chromium allows six HTTP/1.1 connections per origin across
 * all tabs: any run that held a connection it did not need would starve the
 * others. Every run must finish, and none may wait on another.
 *
 * The waits below (20 s) are shorter than the client's own 30 s request
 * timeout, so a run that only ended by timing out fails here too.
 */
import { expect, test, type Locator, type Page, type Route } from './support/test';
import { collectPageErrors } from './support/page-errors';

const FINISH = { timeout: 20_000 };
const GRID_CELLS = ['mock-naive', 'mock-production', 'real-naive', 'real-production'];
const isMcpEndpoint = (url: URL) => url.pathname === '/api/mcp';

/** How many of the page's requests to /api/mcp are still open (an open one holds a connection). */
function openMcpRequests(page: Page): () => number {
  const open = new Set<unknown>();
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/mcp') open.add(request);
  });
  page.on('requestfinished', (request) => void open.delete(request));
  page.on('requestfailed', (request) => void open.delete(request));
  return () => open.size;
}

async function expectGridDone(grid: Locator) {
  for (const id of GRID_CELLS) {
    const cell = grid.getByTestId(`grid-cell-${id}`);
    await expect(cell).toHaveAttribute('data-state', 'done', FINISH);
    // Done with a count, not with an error or a timeout.
    await expect(cell).toHaveAttribute('data-returned', /^\d+$/);
  }
}

async function expectPanelRun(panel: Locator) {
  await expect(panel.getByTestId('single-result').getByTestId('model-text')).toBeVisible(FINISH);
  await expect(panel.getByTestId('single-result').getByTestId('run-failure')).toHaveCount(0);
}

test('every demo and widget of the pagination lesson in one tab, then three more lesson tabs: every run finishes', async ({ page, context }) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  const open = openMcpRequests(page);
  await page.goto('/lessons/pagination');
  const panel = page.getByTestId('live-panel');
  const grid = page.getByTestId('widget-pagination-grid');
  const tree = page.getByTestId('widget-task-tree');
  await expect(grid.getByRole('button', { name: 'Run all four' })).toBeEnabled();

  // In a row, without waiting between clicks: the panel's Run, the grid, the tree.
  await panel.getByRole('button', { name: 'Run', exact: true }).click();
  await grid.getByRole('button', { name: 'Run all four' }).click();
  await tree.getByRole('button', { name: 'Build the tree' }).click();
  // Side by side as soon as the panel is free (its buttons wait for its own run).
  await expect(panel.getByRole('button', { name: 'Run side by side' })).toBeEnabled(FINISH);
  await panel.getByRole('button', { name: 'Run side by side' }).click();

  await expectGridDone(grid);
  await expect(tree.getByTestId('tree-stats')).toBeVisible(FINISH);
  await expect(panel.getByTestId('differences')).toBeVisible(FINISH);
  await expect(panel.getByTestId('side-left').getByTestId('model-text')).toBeVisible();
  await expect(panel.getByTestId('side-right').getByTestId('model-text')).toBeVisible();
  // Nothing is left open once the runs are done: no session stream, no GET.
  await expect.poll(open, FINISH).toBe(0);

  // Three more lesson tabs: each loads and runs its panel, one of them on the 2025-11-25 protocol.
  const others: Page[] = [];
  for (const [slug, demo, protocol] of [
    ['mock-that-lied', 'Mock and real, each labelled', '2026-07-28'],
    ['fallback', 'Naive vs production under a fault', '2025-11-25'],
    ['filtering', undefined, '2026-07-28'],
  ] as const) {
    const tab = await context.newPage();
    others.push(tab);
    await tab.goto(`/lessons/${slug}`, FINISH);
    const tabPanel = tab.getByTestId('live-panel');
    if (demo) await tabPanel.getByRole('tab', { name: demo }).click();
    await tabPanel.getByRole('group', { name: 'Protocol' }).getByRole('button', { name: protocol, exact: true }).click();
    await tabPanel.getByRole('button', { name: 'Run', exact: true }).click();
  }
  for (const tab of others) await expectPanelRun(tab.getByTestId('live-panel'));

  // And the first tab still runs everything again, while the others are open.
  await grid.getByRole('button', { name: 'Run all four' }).click();
  await panel.getByRole('button', { name: 'Run', exact: true }).click();
  await expectGridDone(grid);
  await expectPanelRun(panel);
  await expect.poll(open, FINISH).toBe(0);
  expect(errors).toEqual([]);
});

test('a run can be cancelled, and says so; the next run works', async ({ page }) => {
  const errors = collectPageErrors(page);
  // Hold the tools/call so the run is still going when Cancel is clicked.
  const held: Route[] = [];
  const holdCalls = async (route: Route) => {
    if (route.request().postData()?.includes('"tools/call"')) return void held.push(route); // never answered: only the cancel ends it
    await route.continue();
  };
  await page.route(isMcpEndpoint, holdCalls);
  await page.goto('/lessons/pagination');
  const panel = page.getByTestId('live-panel');
  await panel.getByRole('button', { name: 'Run', exact: true }).click();
  const progress = panel.getByTestId('run-progress');
  await expect(progress).toContainText('Gives up by itself after 30 s');
  // Cancel the call in flight, not the connect before it.
  await expect.poll(() => held.length).toBe(1);
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByTestId('run-cancelled')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();

  await page.unroute(isMcpEndpoint, holdCalls);
  expect(held).toHaveLength(1);
  await held[0]!.abort().catch(() => undefined); // the browser already gave up on it
  await panel.getByRole('button', { name: 'Run', exact: true }).click();
  await expectPanelRun(panel);
  expect(errors).toEqual([]);
});

test('the grid, the tree and the size comparisons each have a Cancel that ends their held runs', async ({ page }) => {
  const held: Route[] = [];
  const holdCalls = async (route: Route) => {
    if (route.request().postData()?.includes('"tools/call"')) return void held.push(route); // only the cancel ends these
    await route.continue();
  };
  await page.route(isMcpEndpoint, holdCalls);

  await page.goto('/lessons/pagination');
  const grid = page.getByTestId('widget-pagination-grid');
  await grid.getByRole('button', { name: 'Run all four' }).click();
  // All four calls in flight (held), then one Cancel for the grid.
  await expect.poll(() => held.length).toBe(4);
  await grid.getByRole('button', { name: 'Cancel' }).click();
  for (const id of GRID_CELLS) await expect(grid.getByTestId(`grid-cell-${id}`)).not.toHaveAttribute('data-state', 'running');
  await expect(grid.getByRole('button', { name: 'Run all four' })).toBeEnabled();

  const tree = page.getByTestId('widget-task-tree');
  await tree.getByRole('button', { name: 'Build the tree' }).click();
  await expect.poll(() => held.length).toBe(5);
  await tree.getByRole('button', { name: 'Cancel' }).click();
  await expect(tree.getByRole('button', { name: 'Build the tree' })).toBeEnabled();

  await page.goto('/lessons/filtering');
  const filtering = page.getByTestId('size-filtering');
  await filtering.getByRole('button', { name: 'Compare the two ways' }).click();
  await expect(filtering.getByRole('status')).toHaveText('Running…');
  await expect.poll(() => held.length).toBeGreaterThan(5);
  await filtering.getByRole('button', { name: 'Cancel' }).click();
  await expect(filtering.getByRole('status')).toHaveCount(0);
  await expect(filtering.getByRole('button', { name: 'Compare the two ways' })).toBeEnabled();

  await page.unroute(isMcpEndpoint, holdCalls);
  await Promise.all(held.map((route) => route.abort().catch(() => undefined)));
});

test('a failed run says what failed: the HTTP status and the server’s error text', async ({ page }) => {
  await page.route(isMcpEndpoint, (route) =>
    route.fulfill({
      status: 503,
      contentType: 'application/json',
      body: JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32000, message: 'The server is restarting; try again in a moment.' } }),
    }),
  );
  await page.goto('/lessons/pagination');
  const panel = page.getByTestId('live-panel');
  await panel.getByRole('button', { name: 'Run', exact: true }).click();
  const failure = panel.getByTestId('run-failure');
  await expect(failure).toContainText('HTTP 503');
  await expect(failure).toContainText('The server is restarting; try again in a moment.');
});
