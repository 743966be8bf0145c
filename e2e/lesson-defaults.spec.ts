/**
 * Every lesson's point, from its default demo, on the app as a newcomer has
 * it: NO Todoist token and no network (the default e2e server; the real
 * backend of the lessons reaches the app's built-in Todoist stand-in). Each
 * test clicks only what the lesson text tells the learner to click.
 */
import { expect, test, type Locator, type Page } from './support/test';
import { withoutRefusedGetStreams } from './support/expected-errors';
import { collectPageErrors } from './support/page-errors';

async function openPanel(page: Page, slug: string): Promise<Locator> {
  await page.goto(`/lessons/${slug}`);
  const panel = page.getByTestId('live-panel');
  await expect(panel.getByRole('button', { name: /^Run r$|^Run$/ })).toBeEnabled(); // hydrated
  return panel;
}

/** Run side by side and wait for the Differences (the comparison is made once both sides answered). */
async function sideBySide(panel: Locator): Promise<Locator> {
  await panel.getByRole('button', { name: /Run side by side/ }).click();
  const differences = panel.getByTestId('differences');
  await expect(differences.getByTestId('source-verdict')).toBeVisible({ timeout: 45_000 });
  return differences;
}

const row = (differences: Locator, aspect: string) => differences.locator(`[data-aspect="${aspect}"]`);

test('1 · the mock that lied: with no token the naive server answers with canned todos, unlabelled; production refuses and says why', async ({ page }) => {
  const errors = collectPageErrors(page);
  const panel = await openPanel(page, 'mock-that-lied');
  const differences = await sideBySide(panel);
  await expect(row(differences, 'outcome')).toContainText('naive: success · production: error');
  await expect(differences.getByTestId('source-verdict')).toContainText('naive: no Source line');
  await expect(panel.getByTestId('side-right')).toContainText('No Todoist API token is configured');

  // The checkpoint names the number the panel shows.
  const naiveCount = /naive: (\d+)/.exec((await row(differences, 'count').textContent()) ?? '')?.[1];
  expect(naiveCount).toBeDefined();
  await expect(page.getByTestId('checkpoint').first()).toContainText(`an overview of ${naiveCount} tasks`);
  expect(errors).toEqual([]);
});

test('2 · configuration: with no token the error names where the server looked; "configured" reaches the stand-in and says so', async ({ page }) => {
  const errors = collectPageErrors(page);
  const panel = await openPanel(page, 'configuration');
  const differences = await sideBySide(panel);
  await expect(row(differences, 'outcome')).toContainText('missing: error · configured: success');
  await expect(panel.getByTestId('side-left')).toContainText('Provide a Todoist API token');
  await expect(row(differences, 'source')).toContainText('configured: yes — “Source: Todoist stand-in on this machine');
  expect(errors).toEqual([]);
});

test('3 · pagination: the naive real read returns 50 of 180 tasks and says nothing; production reads them all', async ({ page }) => {
  const errors = collectPageErrors(page);
  const panel = await openPanel(page, 'pagination');
  const differences = await sideBySide(panel);
  await expect(row(differences, 'outcome')).toContainText('naive: success · production: success');
  await expect(row(differences, 'count')).toContainText('naive: 50 · production: 180');
  await expect(row(differences, 'only-one-side')).toContainText('naive: 0 · production: 130');
  // Nothing in the naive text says that 130 are missing: no Source line, no cursor, no count of what exists.
  const naiveText = panel.getByTestId('side-left').getByTestId('model-text');
  await expect(naiveText).not.toContainText('next_cursor');
  await expect(naiveText).not.toContainText(/^Source:/);
  await expect(row(differences, 'source')).toContainText('production: yes — “Source: Todoist stand-in on this machine');

  // The grid's real row: the same, against the stand-in.
  const grid = page.getByTestId('widget-pagination-grid');
  await grid.getByRole('button', { name: 'Run real · naive' }).click();
  await grid.getByRole('button', { name: 'Run real · production' }).click();
  await expect(grid.getByTestId('grid-cell-real-naive').getByTestId('cell-headline')).toHaveText('50 of 180', { timeout: 30_000 });
  await expect(grid.getByTestId('grid-real-upstream')).toContainText('the Todoist stand-in on this machine');
  expect(errors).toEqual([]);
});

test('4 · fallback: a good run, then "down": naive swaps in canned todos; production serves the last good answer, labelled stale', async ({ page }) => {
  const errors = collectPageErrors(page);
  const panel = await openPanel(page, 'fallback');
  // Step 1: all is well; the production side keeps its answer as the last good one.
  let differences = await sideBySide(panel);
  await expect(row(differences, 'outcome')).toContainText('naive: success · production: success');

  // Step 2: the upstream goes down.
  await panel.getByRole('group', { name: 'Scenario' }).getByRole('button', { name: 'down', exact: true }).click();
  differences = await sideBySide(panel);
  await expect(row(differences, 'outcome')).toContainText('naive: success · production: success');
  await expect(differences.getByTestId('source-verdict')).toContainText('naive: no Source line');
  const production = panel.getByTestId('side-right').getByTestId('model-text');
  await expect(production).toContainText(/this is the last good answer, \d+ s old/);
  await expect(panel.getByTestId('side-right').getByTestId('provenance-badge')).toHaveText('CACHED-STALE');
  await expect(panel.getByTestId('side-left').getByTestId('no-source-warning')).toBeVisible();
  expect(errors).toEqual([]);
});

test('5 · filtering: raw vs compact over the same tasks — bytes and tokens differ, the tasks do not (beyond what the budget names)', async ({ page }) => {
  const errors = collectPageErrors(page);
  const panel = await openPanel(page, 'filtering');
  const differences = await sideBySide(panel);
  await expect(row(differences, 'size')).toHaveAttribute('data-differs', 'true');
  await expect(row(differences, 'size')).toContainText(/raw: [\d.]+ kB, about [\d,]+ tokens · compact: [\d.]+ kB, about [\d,]+ tokens/);
  // The compact text names no task the raw one lacks; what it left out, it says it left out.
  await expect(row(differences, 'only-one-side')).toContainText(/· compact: 0$|· compact: 0\D/);
  const onlyRaw = Number(/raw: (\d+)/.exec((await row(differences, 'only-one-side').textContent()) ?? '')?.[1]);
  if (onlyRaw > 0) await expect(row(differences, 'only-one-side')).toContainText(`compact left ${onlyRaw} task`);

  // The second demo: a query field with examples.
  await panel.getByRole('tab', { name: 'A Todoist filter query' }).click();
  const query = panel.getByRole('textbox', { name: /Filter query/ });
  await expect(query).toHaveValue('today | overdue');
  await panel.getByRole('button', { name: '#Work & p1', exact: true }).click();
  await expect(query).toHaveValue('#Work & p1');
  await panel.getByRole('button', { name: /^Run/ }).first().click();
  await expect(panel.getByTestId('model-text')).toContainText('p1 ·', { timeout: 30_000 });
  await query.fill('today & & (');
  await panel.getByRole('button', { name: /^Run/ }).first().click();
  await expect(panel.getByTestId('run-result')).toContainText(/error/i, { timeout: 30_000 });
  expect(errors).toEqual([]);
});

test('6 · architecture: mock and real side by side, the same shape; three faces; two protocol generations on the wire', async ({ page }) => {
  const errors = collectPageErrors(page);
  const panel = await openPanel(page, 'architecture');
  const differences = await sideBySide(panel);
  await expect(row(differences, 'source')).toContainText('mock: yes — “Source: MOCK DATA');
  await expect(row(differences, 'source')).toContainText('real: yes — “Source: Todoist stand-in on this machine');

  const faces = page.getByTestId('layers-faces');
  await faces.getByRole('button', { name: 'Call list_projects on all three faces' }).click();
  await expect(faces.getByTestId('faces-verdict')).toHaveAttribute('data-same', 'true', { timeout: 30_000 });
  await expect(faces.getByTestId('faces-verdict')).toContainText('initialize');
  for (const face of ['face-http', 'face-http-legacy', 'face-stdio']) await expect(faces.getByTestId(face)).toContainText('Source: MOCK DATA');

  const generations = page.getByTestId('widget-protocol-generations');
  await generations.getByRole('button', { name: 'Call list_projects in both generations' }).click();
  const legacy = generations.getByTestId('generation-2025-11-25');
  const modern = generations.getByTestId('generation-2026-07-28');
  await expect(legacy).toHaveAttribute('data-negotiated', '2025-11-25', { timeout: 30_000 });
  await expect(modern).toHaveAttribute('data-negotiated', '2026-07-28');
  await expect(legacy.getByTestId('generation-methods')).toContainText('initialize');
  await expect(modern.getByTestId('generation-methods')).not.toContainText('initialize');
  await expect(modern.getByTestId('generation-tool-call')).toContainText('io.modelcontextprotocol/');
  for (const column of [legacy, modern]) {
    await expect(column.getByTestId('load-balancer')).toHaveAttribute('data-affinity', 'none');
    await expect(column.getByTestId('http-exchange').first()).toBeVisible();
  }
  await expect(page.getByTestId('observed-list')).toContainText('The same tools/call in both protocol generations');
  expect(withoutRefusedGetStreams(errors)).toEqual([]);
});
