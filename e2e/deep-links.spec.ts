/**
 * Deep links (issue 13): every demo state of a lesson's live panel is a URL — which demo, with which settings — so
 * a presenter can script a workshop as links. Lesson 4 has two demos: "under-a-fault" (every fault scenario) and
 * "bad-data" (malformed or faithful).
 */
import { expect, test, type Locator, type Page } from './support/test';
import { demoStateHref } from '@/lib/lessons/deep-link';
import { expectNoAxeViolations } from './support/axe';
import { grantClipboard, readClipboard } from './support/clipboard';
import { waitForHydration } from './support/hydrated';
import { collectPageErrors } from './support/page-errors';

const LESSON = '/lessons/fallback';
const UNDER_A_FAULT = 'Naive vs production under a fault';
const BAD_DATA = 'Malformed JSON and schema drift';

let errors: string[];
test.beforeEach(({ page }) => {
  errors = collectPageErrors(page);
});
test.afterEach(() => {
  expect(errors).toEqual([]);
});

async function open(page: Page, path: string): Promise<Locator> {
  await page.goto(path);
  await waitForHydration(page);
  return page.getByTestId('live-panel');
}

function pill(panel: Locator, group: string, value: string): Locator {
  return panel.getByRole('group', { name: group }).getByRole('button', { name: value, exact: true });
}

async function expectShown(panel: Locator, tab: string, pressed: Record<string, string>): Promise<void> {
  await expect(panel.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
  for (const [group, value] of Object.entries(pressed)) await expect(pill(panel, group, value)).toHaveAttribute('aria-pressed', 'true');
}

/** Tags the lesson text: if the tag is still there later, the page was not loaded or rendered anew in between. */
async function tagPage(page: Page): Promise<() => Promise<boolean>> {
  await page.getByTestId('lesson-text').evaluate((element) => element.setAttribute('data-e2e-tag', 'still here'));
  return () => page.getByTestId('lesson-text').evaluate((element) => element.getAttribute('data-e2e-tag') === 'still here');
}

test('a link opens its demo with its settings; the URL follows the learner, without history entries; reload keeps it', async ({ page }) => {
  const panel = await open(page, `${LESSON}?demo=bad-data&strategy=naive&protocol=2025-11-25`);
  await expectShown(panel, BAD_DATA, { Strategy: 'naive', Scenario: 'malformed', Protocol: '2025-11-25' });
  await expect(panel.getByTestId('link-notes')).toBeEmpty();

  const historyLength = await page.evaluate(() => history.length);
  const stillHere = await tagPage(page);
  await pill(panel, 'Scenario', 'faithful').click();
  await expect(page).toHaveURL(`${LESSON}?demo=bad-data&strategy=naive&scenario=faithful&protocol=2025-11-25`);
  await pill(panel, 'Strategy', 'production').click(); // back to the demo's default: it leaves the URL
  await expect(page).toHaveURL(`${LESSON}?demo=bad-data&scenario=faithful&protocol=2025-11-25`);
  expect(await page.evaluate(() => history.length)).toBe(historyLength);
  expect(await stillHere()).toBe(true);

  await page.reload();
  await waitForHydration(page);
  await expectShown(panel, BAD_DATA, { Strategy: 'production', Scenario: 'faithful', Protocol: '2025-11-25' });
});

test('changing tab names the demo in the URL; the lesson as it opens has a plain URL', async ({ page }) => {
  const panel = await open(page, LESSON);
  await expectShown(panel, UNDER_A_FAULT, { Scenario: 'faithful', Strategy: 'production', Protocol: '2026-07-28' });
  await expect(page).toHaveURL(LESSON);

  await panel.getByRole('tab', { name: BAD_DATA }).click();
  await expect(page).toHaveURL(`${LESSON}?demo=bad-data`);
  await expectShown(panel, BAD_DATA, { Scenario: 'malformed' });

  // The arrow keys of the tab list move the URL too; back on the first demo, as it starts, the URL is plain again.
  await page.keyboard.press('ArrowLeft');
  await expectShown(panel, UNDER_A_FAULT, { Scenario: 'faithful' });
  await expect(page).toHaveURL(LESSON);
});

test("a value the demo does not know is left out with a polite note, and the URL says what is shown", async ({ page }) => {
  const panel = await open(page, `${LESSON}?demo=bad-data&scenario=foo&strategy=naive`);
  await expectShown(panel, BAD_DATA, { Scenario: 'malformed', Strategy: 'naive' });
  const notes = panel.getByTestId('link-notes');
  await expect(notes).toHaveText(/The link's scenario "foo" is not one this demo knows; using malformed\./);
  await expect(page).toHaveURL(`${LESSON}?demo=bad-data&strategy=naive`);
  await expectNoAxeViolations(page, { include: '[data-testid="link-notes"]' });

  await notes.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notes).toBeEmpty();

  // An unknown demo opens the first one, and says so.
  await page.goto(`${LESSON}?demo=breaker&scenario=down`);
  await expectShown(panel, UNDER_A_FAULT, { Scenario: 'down' });
  await expect(notes).toContainText(`The link's demo "breaker" is not one of this lesson's demos; showing "${UNDER_A_FAULT}".`);
  await expect(page).toHaveURL(`${LESSON}?demo=under-a-fault&scenario=down`);
});

test("a presenter's client navigation to another query moves the panel, without loading the page; back returns", async ({ page }) => {
  const panel = await open(page, `${LESSON}?demo=bad-data`);
  await expectShown(panel, BAD_DATA, { Scenario: 'malformed' });
  const stillHere = await tagPage(page);

  // What a presenter view's broadcast does: Next's router.push to the same lesson with another query.
  const href = demoStateHref('fallback', 'under-a-fault', { scenario: 'down', strategy: 'naive' });
  await page.evaluate((url) => (window as unknown as { next: { router: { push: (href: string) => void } } }).next.router.push(url), href);
  await expectShown(panel, UNDER_A_FAULT, { Scenario: 'down', Strategy: 'naive' });
  await expect(page).toHaveURL(href);
  expect(await stillHere()).toBe(true);

  await page.goBack();
  await expectShown(panel, BAD_DATA, { Scenario: 'malformed', Strategy: 'production' });
  await expect(page).toHaveURL(`${LESSON}?demo=bad-data`);
  expect(await stillHere()).toBe(true);
});

test('"Copy link to this demo" copies the absolute link, the first demo named too; refused, it is shown to copy by hand', async ({ page, context, baseURL }) => {
  await grantClipboard(context);
  const panel = await open(page, LESSON);
  await pill(panel, 'Scenario', 'timeout').click();
  await panel.getByRole('button', { name: 'Copy link to this demo' }).click();
  await expect(panel.getByText('Link copied ✓')).toBeVisible();
  expect(await readClipboard(page)).toBe(`${baseURL}${LESSON}?demo=under-a-fault&scenario=timeout`);

  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  await panel.getByRole('button', { name: 'Copy link to this demo' }).click();
  const dialog = page.getByRole('dialog', { name: 'Copy the link by hand' });
  const textarea = dialog.getByRole('textbox', { name: 'The link to copy' });
  await expect(textarea).toBeFocused();
  await expect(textarea).toHaveValue(`${baseURL}${LESSON}?demo=under-a-fault&scenario=timeout`);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
