/**
 * A lesson's source excerpts: the page carries their summaries only, and each fetches its highlighted code
 * the first time it is opened (components/lesson/source-excerpt.tsx), from a route built with the site.
 */
import { expect, test } from './support/test';
import { collectPageErrors } from './support/page-errors';
import { waitForHydration } from './support/hydrated';

const LESSON = '/lessons/mock-that-lied';
const TITLE = 'The fix: a first line a model cannot misread';
// A name that appears only in that excerpt's code: not in the lesson's text, its summaries or its panel.
const CODE_ONLY = 'provenanceLine';
const isItsCode = (url: URL) => url.pathname === '/lessons/mock-that-lied/excerpts/1';

let errors: string[];
test.beforeEach(({ page }) => {
  errors = collectPageErrors(page);
});
test.afterEach(() => {
  expect(errors).toEqual([]);
});

test('the page sends the summary without the code; opening the excerpt fetches and shows it', async ({ page, request }) => {
  const html = await (await request.get(LESSON)).text();
  expect(html).toContain(TITLE);
  expect(html).not.toContain(CODE_ONLY);

  await page.goto(LESSON);
  await waitForHydration(page);
  const excerpt = page.getByTestId('excerpt').filter({ hasText: TITLE });
  const fetched = page.waitForResponse((response) => isItsCode(new URL(response.url())));
  await excerpt.locator('summary').click();
  expect((await fetched).status()).toBe(200);
  const code = excerpt.locator('pre.code-block');
  await expect(code).toContainText(`function ${CODE_ONLY}(`);
  await expect(code).toHaveAttribute('tabindex', '0');
  // Line numbers count from the excerpt's first line (the --first-line variable of app/globals.css).
  const firstLine = Number((await excerpt.locator('summary').innerText()).match(/provenance\.ts:(\d+)–/)![1]);
  await expect(code).toHaveCSS('--first-line', String(firstLine - 1));
  await expect(code.locator('.sh__line').first()).toContainText('/**');
});

test('a code that failed to load says so, and Try again loads it', async ({ page }) => {
  await page.goto(LESSON);
  await waitForHydration(page);
  await page.route(isItsCode, (route) => route.fulfill({ status: 503, body: 'down for a moment' }));
  const excerpt = page.getByTestId('excerpt').filter({ hasText: TITLE });
  await excerpt.locator('summary').click();
  const alert = excerpt.getByRole('alert');
  await expect(alert).toContainText('The code could not be loaded.');
  await expect(alert).toContainText('The app answered HTTP 503.');
  await expect(excerpt.locator('pre')).toHaveCount(0);
  errors.length = 0; // the 503 above was the point

  await page.unroute(isItsCode);
  await excerpt.getByRole('button', { name: 'Try again' }).click();
  await expect(excerpt.locator('pre.code-block')).toContainText(`function ${CODE_ONLY}(`);
  await expect(alert).toHaveCount(0);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an opened excerpt links to its code, on a page of its own', async ({ page }) => {
    await page.goto(LESSON);
    const excerpt = page.getByTestId('excerpt').filter({ hasText: TITLE });
    await excerpt.locator('summary').click();
    await excerpt.getByRole('link', { name: 'View the code' }).click();
    await expect(page).toHaveTitle(/^The fix: a first line a model cannot misread — lib\/mcp\/provenance\.ts:\d+–\d+ · MCP Dojo$/);
    await expect(page.locator('pre')).toContainText(`function ${CODE_ONLY}(`);
  });
});
