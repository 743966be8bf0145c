/**
 * Lesson 6's widgets in a real browser: the layers diagram lists the app's
 * real files; one list_projects call is traced on three faces (HTTP as a
 * 2026-07-28 client, HTTP as a 2025-11-25 client, stdio); the two protocol
 * generations side by side on the wire.
 */
import { expect, test, type Locator, type Page } from './support/test';
import { LAYERS, layerFiles } from '../lib/lessons/widgets/layers-map';
import { COLOR_SCHEMES, expectNoAxeViolations } from './support/axe';
import { withoutRefusedGetStreams } from './support/expected-errors';
import { collectPageErrors } from './support/page-errors';

const LESSON = '/lessons/architecture';

async function openWidget(page: Page): Promise<Locator> {
  await page.goto(LESSON);
  const widget = page.getByTestId('widget-layers');
  await expect(widget.getByRole('button', { name: 'Call list_projects on all three faces' })).toBeEnabled(); // hydrated
  return widget;
}

async function callBothFaces(widget: Locator): Promise<Locator> {
  const faces = widget.getByTestId('layers-faces');
  await faces.getByRole('button', { name: 'Call list_projects on all three faces' }).click();
  await expect(faces.getByTestId('faces-verdict')).toBeVisible({ timeout: 30_000 });
  return faces;
}

test('the layers diagram lists every layer and file of the map, as text', async ({ page }) => {
  const errors = collectPageErrors(page);
  const widget = await openWidget(page);
  const diagram = widget.getByTestId('layers-diagram');
  for (const layer of LAYERS) {
    await expect(diagram.getByRole('heading', { name: new RegExp(`^${layer.name}`) })).toBeVisible();
  }
  await expect(diagram.getByTestId('layer-file')).toHaveText(layerFiles());
  await expect(widget.getByTestId('layer-fetching')).toContainText('lib/todoist/transport.ts');
  await expect(widget.getByTestId('layer-processing')).toContainText('lib/todoist/pagination.ts');
  await expect(widget.getByTestId('layer-faces')).toContainText('bin/mcp-dojo.mjs');
  expect(errors).toEqual([]);
});

test('one call, three faces: the same tools/call on each; only the 2025-11-25 client shakes hands first', async ({ page }) => {
  const errors = collectPageErrors(page);
  const widget = await openWidget(page);
  const faces = await callBothFaces(widget);

  const entries = (face: string, kind: string, method: string) =>
    faces.getByTestId(face).getByTestId('protocol-trace').locator(`[data-testid="trace-entry"][data-kind="${kind}"][data-method="${method}"]`);
  for (const face of ['face-http', 'face-http-legacy', 'face-stdio']) {
    await expect(entries(face, 'request', 'tools/call')).toHaveCount(1);
    await expect(entries(face, 'response', 'tools/call')).toHaveCount(1);
    await expect(faces.getByTestId(face)).toContainText('Source: MOCK DATA');
  }
  // 2025-11-25: initialize first. 2026-07-28 (HTTP and stdio): no initialize at all.
  await expect(entries('face-http-legacy', 'request', 'initialize')).toHaveCount(1);
  await expect(entries('face-http', 'request', 'initialize')).toHaveCount(0);
  await expect(entries('face-stdio', 'request', 'initialize')).toHaveCount(0);
  await expect(faces.getByTestId('faces-verdict')).toHaveAttribute('data-same', 'true');
  await expect(faces.getByTestId('faces-verdict')).toContainText('Only the 2025-11-25 client sends something first');
  await expect(faces.getByTestId('stdio-command')).toHaveText('node bin/mcp-dojo.mjs --backend mock --size small');
  await expect(faces.getByRole('link', { name: 'Connect page' })).toHaveAttribute('href', '/connect');
  expect(withoutRefusedGetStreams(errors)).toEqual([]);
});

test('two generations: the same call over 2025-11-25 and 2026-07-28 — messages, HTTP requests, bytes, and no sticky sessions', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto(LESSON);
  const widget = page.getByTestId('widget-protocol-generations');
  const button = widget.getByRole('button', { name: 'Call list_projects in both generations' });
  await expect(button).toBeEnabled();
  await button.click();
  const legacy = widget.getByTestId('generation-2025-11-25');
  const modern = widget.getByTestId('generation-2026-07-28');
  await expect(legacy).toHaveAttribute('data-negotiated', '2025-11-25', { timeout: 30_000 });
  await expect(modern).toHaveAttribute('data-negotiated', '2026-07-28');

  await expect(legacy.getByTestId('generation-methods')).toHaveText(/^initialize → notifications\/initialized → .*tools\/call$/);
  await expect(modern.getByTestId('generation-methods')).not.toContainText('initialize');
  await expect(modern.getByTestId('generation-tool-call')).toContainText('io.modelcontextprotocol/');
  await expect(legacy.getByTestId('generation-tool-call')).toContainText('no envelope');
  for (const column of [legacy, modern]) {
    await expect(column.locator('[data-fact="session"]')).toContainText('none');
    await expect(column.getByTestId('load-balancer')).toHaveAttribute('data-affinity', 'none');
    await expect(column.getByTestId('http-exchange').first()).toHaveAttribute('data-method', 'POST');
  }
  await expect(page.getByTestId('observed-list')).toContainText('over 2025-11-25: an initialize handshake, no session id');
  // The 2025 client's GET stream, refused with 405 — as its HTTP log shows.
  await expect(legacy.locator('[data-testid="http-exchange"][data-method="GET"]')).toHaveAttribute('data-status', '405');
  expect(withoutRefusedGetStreams(errors)).toEqual([]);
});

for (const colorScheme of COLOR_SCHEMES) {
  test(`the lesson page with the widget run has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const widget = await openWidget(page);
    await callBothFaces(widget);
    const generations = page.getByTestId('widget-protocol-generations');
    await generations.getByRole('button', { name: 'Call list_projects in both generations' }).click();
    await expect(generations.getByTestId('load-balancer')).toHaveCount(2, { timeout: 30_000 });
    // The whole page: the lesson, the live panel and the widget with its results.
    await expectNoAxeViolations(page);
  });
}
