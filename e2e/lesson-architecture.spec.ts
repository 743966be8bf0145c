/**
 * Lesson 6's widget in a real browser: the layers diagram lists the app's
 * real files, and one list_projects call is traced over HTTP and over stdio.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { LAYERS, layerFiles } from '../lib/lessons/widgets/layers-map';
import { COLOR_SCHEMES, expectNoAxeViolations } from './support/axe';
import { collectPageErrors } from './support/page-errors';

const LESSON = '/lessons/architecture';

async function openWidget(page: Page): Promise<Locator> {
  await page.goto(LESSON);
  const widget = page.getByTestId('widget-layers');
  await expect(widget.getByRole('button', { name: 'Call list_projects over HTTP and stdio' })).toBeEnabled(); // hydrated
  return widget;
}

async function callBothFaces(widget: Locator): Promise<Locator> {
  const faces = widget.getByTestId('layers-faces');
  await faces.getByRole('button', { name: 'Call list_projects over HTTP and stdio' }).click();
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

test('one call, three faces: the same JSON-RPC messages over HTTP and stdio', async ({ page }) => {
  const errors = collectPageErrors(page);
  const widget = await openWidget(page);
  const faces = await callBothFaces(widget);

  for (const face of ['face-http', 'face-stdio']) {
    const trace = faces.getByTestId(face).getByTestId('protocol-trace');
    await expect(trace.locator('[data-testid="trace-entry"][data-method="initialize"]')).toHaveCount(2); // request and response
    await expect(trace.locator('[data-testid="trace-entry"][data-kind="request"][data-method="tools/call"]')).toHaveCount(1);
    await expect(trace.locator('[data-testid="trace-entry"][data-kind="response"][data-method="tools/call"]')).toHaveCount(1);
    await expect(faces.getByTestId(face)).toContainText('Source: MOCK DATA');
  }
  await expect(faces.getByTestId('faces-verdict')).toHaveAttribute('data-same', 'true');
  await expect(faces.getByTestId('faces-verdict')).toContainText('initialize, notifications/initialized, tools/call');
  await expect(faces.getByTestId('stdio-command')).toHaveText('node bin/mcp-dojo.mjs --backend mock --size small');
  await expect(faces.getByRole('link', { name: 'Connect page' })).toHaveAttribute('href', '/connect');

  // Again: a fresh HTTP session, so its trace starts with initialize once more.
  await faces.getByRole('button', { name: 'Call list_projects over HTTP and stdio' }).click();
  await expect(faces.getByTestId('faces-verdict')).toHaveAttribute('data-same', 'true', { timeout: 30_000 });
  await expect(faces.getByTestId('face-http').locator('[data-testid="trace-entry"][data-method="initialize"]')).toHaveCount(2);
  expect(errors).toEqual([]);
});

for (const colorScheme of COLOR_SCHEMES) {
  test(`the lesson page with the widget run has no axe violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const widget = await openWidget(page);
    await callBothFaces(widget);
    // The whole page: the lesson, the live panel and the widget with its results.
    await expectNoAxeViolations(page);
  });
}
