import { expect, test } from './support/test';
import { getCatalogue } from '@/lib/lessons/catalogue';
import { COLOR_SCHEMES, expectNoAxeViolations } from './support/axe';
import { collectPageErrors } from './support/page-errors';
import { waitForHydration } from './support/hydrated';
import { pressExpectingNothing } from './support/keys';

// Lessons go live one by one: the expectations follow the catalogue instead of hard-coding a count.
const LIVE = getCatalogue()
  .filter((entry) => entry.meta.status === 'live')
  .map((entry) => entry.meta);
const COMING_SOON = 9 - LIVE.length;
const LESSON = '/lessons/mock-that-lied';
const url = (slug: string) => `/lessons/${slug}`;

// Console errors, failed requests and uncaught exceptions, gathered for the whole test.
let errors: string[];
test.beforeEach(({ page }) => {
  errors = collectPageErrors(page);
});
test.afterEach(() => {
  expect(errors).toEqual([]);
});

test('the catalogue shows the nine lessons by stage and marks the coming-soon ones', async ({ page }) => {
  await page.goto('/');
  const list = page.getByTestId('lesson-list');
  await expect(list.getByRole('listitem')).toHaveCount(9);

  for (const [stage, first] of [
    ['From mock to real', 'The mock that lied'],
    ['Production-ready', 'Errors and graceful fallback'],
    ['Beyond one user', 'Multi-tenant MCP'],
  ] as const) {
    const section = list.getByRole('region', { name: new RegExp(stage) });
    await expect(section.getByRole('listitem')).toHaveCount(3);
    await expect(section.getByRole('listitem').first()).toContainText(first);
  }

  // Live lessons are links; the others say "coming soon" and are not.
  await expect(list.getByRole('link')).toHaveCount(LIVE.length);
  for (const lesson of LIVE) {
    await expect(list.getByRole('link', { name: lesson.title })).toHaveAttribute('href', url(lesson.slug));
  }
  await expect(list.locator('[data-status="coming-soon"]')).toHaveCount(COMING_SOON);
  await expect(list.getByRole('listitem').filter({ hasText: 'coming soon' })).toHaveCount(COMING_SOON);
  // Lesson 8 (real time), the last to go live, is a link like the others.
  await expect(page.getByTestId('lesson-real-time').getByRole('link')).toHaveAttribute('href', url('real-time'));
});

test('"/" jumps to the filter, which narrows the lessons by title and summary', async ({ page }) => {
  await page.goto('/');
  await waitForHydration(page); // the key listener is in place
  const filter = page.getByRole('searchbox', { name: 'Filter lessons' });

  // Where "/" works, the shortcuts dialog lists it and sends nobody elsewhere.
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog.getByTestId('shortcut-list')).toContainText('/Filter lessons');
  await expect(dialog.getByTestId('search-elsewhere')).toHaveCount(0);
  await page.keyboard.press('Escape');

  await page.keyboard.press('/');
  await expect(filter).toBeFocused();
  await expect(filter).toHaveValue(''); // the "/" focused the box and was not typed into it

  await page.keyboard.type('pagination');
  const items = page.getByTestId('lesson-list').getByRole('listitem');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('Pagination and nested data');
  await expect(page.getByText('Showing 1 of 9 lessons.')).toBeVisible();

  // Typing "n" or "p" in the box types letters; it does not navigate.
  await filter.fill('');
  await page.keyboard.type('no such lesson');
  await expect(items).toHaveCount(0);
  await expect(page.getByText('No lesson matches “no such lesson”.')).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(items).toHaveCount(9);
});

test('a lesson shows its text, objectives and code cut from the real source file', async ({ page }) => {
  await page.goto(LESSON);
  await expect(page).toHaveTitle('The mock that lied · MCP Dojo');
  await expect(page.getByRole('heading', { level: 1, name: 'The mock that lied' })).toBeVisible();
  await expect(page.getByTestId('objectives').getByRole('listitem')).toHaveCount(3);
  await expect(page.getByTestId('lesson-text')).toContainText('Why a model cannot catch this');

  const excerpt = page.getByTestId('excerpt').filter({ hasText: 'The fix: a first line' });
  await expect(excerpt).toContainText('lib/mcp/provenance.ts:');
  const code = excerpt.locator('pre');
  await expect(code).toBeHidden(); // collapsed until asked for
  await excerpt.locator('summary').click();
  await expect(code).toBeVisible();
  await expect(code).toContainText('function provenanceLine');
});

test('only live lessons have a page: a coming-soon or unknown slug is a 404', async ({ page }) => {
  const comingSoon = getCatalogue().find((entry) => entry.meta.status === 'coming-soon')?.meta;
  for (const slug of [...(comingSoon ? [comingSoon.slug] : []), 'no-such-lesson']) {
    const response = await page.goto(url(slug));
    expect(response?.status(), slug).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  }
  errors.length = 0; // the 404s above were the point
});

test('checkpoints say wrong or right, explain why, and remember the answer', async ({ page }) => {
  await page.goto(LESSON);
  const checkpoint = page.getByTestId('checkpoint').first();
  const feedback = checkpoint.getByTestId('feedback');

  await checkpoint.getByRole('button', { name: 'An empty list' }).click();
  await expect(feedback).toContainText('Not quite');
  await expect(checkpoint.getByRole('button', { name: 'An empty list' })).toHaveAttribute('aria-pressed', 'true');

  await checkpoint.getByRole('button', { name: /Canned mock todos/ }).click();
  await expect(feedback).toContainText('Correct');
  await expect(feedback).toContainText('mock-on-error swallows the failure');
  await expect(page.getByTestId('checkpoint-score')).toHaveText('1 of 3 right');

  await page.reload();
  await expect(page.getByTestId('checkpoint').first().getByTestId('feedback')).toContainText('Correct');

  // Reset the answer: the question is fresh again, and stays so after a reload.
  await checkpoint.getByRole('button', { name: 'Reset answer' }).click();
  await expect(feedback).toBeEmpty();
  await expect(checkpoint.getByRole('button', { name: /Canned mock todos/ })).toHaveAttribute('aria-pressed', 'false');
  await expect(checkpoint.getByRole('button').first()).toBeFocused();
  await expect(page.getByTestId('checkpoint-score')).toHaveText('0 of 3 right');
  await page.reload();
  await waitForHydration(page); // the saved answers are read
  await expect(page.getByTestId('checkpoint-score')).toHaveText('0 of 3 right');
});

test('"Reset progress" forgets everything, but only after the learner confirms', async ({ page }) => {
  await page.goto(LESSON);
  await page.getByRole('button', { name: 'Mark complete' }).click();
  await page.getByTestId('checkpoint').first().getByRole('button', { name: /Canned mock todos/ }).click();
  await page.goto('/');
  const summary = page.getByTestId('progress-summary');
  await expect(summary).toContainText(`1 of ${LIVE.length} live`);

  page.once('dialog', (dialog) => void dialog.dismiss());
  await page.getByRole('button', { name: 'Reset progress' }).click();
  await expect(summary).toContainText(`1 of ${LIVE.length} live`);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Reset progress' }).click();
  await expect(summary).toContainText(`0 of ${LIVE.length} live`);
  await expect(page.getByTestId('continue')).toContainText('Start with lesson 1');
  await expect(page.getByRole('button', { name: 'Reset progress' })).toHaveCount(0);
  await page.goto(LESSON);
  await waitForHydration(page);
  await expect(page.getByTestId('checkpoint-score')).toHaveText('0 of 3 right');
});

test('"Mark complete" is remembered: the catalogue shows the lesson completed after a reload', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('continue')).toContainText('Start with lesson 1');

  await page.goto(LESSON);
  await page.getByRole('button', { name: 'Mark complete' }).click();
  await expect(page.getByTestId('mark-complete')).toContainText('You completed this lesson');

  await page.goto('/');
  await page.reload();
  await expect(page.getByTestId('lesson-mock-that-lied').getByTestId('completed')).toBeVisible();
  await expect(page.getByTestId('progress-summary')).toContainText(`1 of ${LIVE.length} live`);
  // The visited lesson is completed: Continue moves on to the next one.
  const next = LIVE[1];
  if (next) {
    await expect(page.getByTestId('continue')).toContainText(`Next up: lesson ${next.number}`);
    await page.getByTestId('continue').click();
    await expect(page).toHaveURL(url(next.slug));
  }
});

test('"n" and "p" walk through the live lessons, and do nothing where there is no lesson to go to', async ({ page }) => {
  const first = LIVE[0]!;
  const last = LIVE.at(-1)!;
  await page.goto(url(first.slug));
  await waitForHydration(page); // the key listener is in place
  const nav = page.getByRole('navigation', { name: 'Lessons' });
  await expect(nav).toContainText('This is the first lesson.');
  await expect(page.locator('[data-keyboard-shortcut="p"]')).toHaveCount(0);
  await pressExpectingNothing(page, 'p');
  await expect(page).toHaveURL(url(first.slug));

  for (const lesson of LIVE.slice(1)) {
    await page.keyboard.press('n');
    await expect(page).toHaveURL(url(lesson.slug));
    await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
  }

  // The last live lesson has no "next": the key does nothing and the next lesson is announced instead.
  await expect(page.locator('[data-keyboard-shortcut="n"]')).toHaveCount(0);
  const upcoming = getCatalogue().find((entry) => entry.meta.number === last.number + 1)?.meta;
  if (upcoming) await expect(nav).toContainText(`${upcoming.title} — coming soon`);
  await pressExpectingNothing(page, 'n');
  await expect(page).toHaveURL(url(last.slug));

  for (const lesson of LIVE.slice(0, -1).reverse()) {
    await page.keyboard.press('p');
    await expect(page).toHaveURL(url(lesson.slug));
  }
});

test('"?" lists every shortcut on the page; keys press only visible elements, never behind the dialog', async ({ page }) => {
  const lesson = LIVE[1] ?? LIVE[0]!; // one with a previous lesson, when there is one
  await page.goto(url(lesson.slug));
  await waitForHydration(page);
  // A declared but hidden element must neither fire nor be listed.
  await page.evaluate(() => {
    document.querySelector('main')!.insertAdjacentHTML('beforeend', '<a href="/?went=hidden" data-keyboard-shortcut="h" hidden>Hidden</a>');
  });

  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  const list = dialog.getByTestId('shortcut-list');
  await expect(list).toContainText('?Keyboard shortcuts');
  const index = LIVE.indexOf(lesson);
  if (LIVE[index - 1]) await expect(list).toContainText(`pPrevious lesson: ${LIVE[index - 1]!.number}. ${LIVE[index - 1]!.title}`);
  if (LIVE[index + 1]) await expect(list).toContainText(`nNext lesson: ${LIVE[index + 1]!.number}. ${LIVE[index + 1]!.title}`);
  await expect(list).not.toContainText('Hidden');
  // "/" works only where the lesson filter is: not listed here, and the dialog says where it works.
  await expect(list).not.toContainText('Filter lessons');
  await expect(dialog.getByTestId('search-elsewhere')).toHaveText('To search the lessons, press / on the Lessons page.');

  // Behind a modal dialog the page is inert: "n" and "p" must not navigate.
  await pressExpectingNothing(page, 'n');
  await pressExpectingNothing(page, 'p');
  await expect(page).toHaveURL(url(lesson.slug));
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Modifier combos and hidden elements are not shortcuts.
  await pressExpectingNothing(page, 'Control+p');
  await pressExpectingNothing(page, 'h');
  await expect(page).toHaveURL(url(lesson.slug));
});

test('the theme toggle saves light, dark or system and applies it before the first paint', async ({ page }) => {
  await page.goto('/');
  const html = page.locator('html');
  const theme = page.getByRole('group', { name: 'Colour theme' });
  await expect(theme.getByRole('button', { name: 'System theme' })).toHaveAttribute('aria-pressed', 'true');

  await theme.getByRole('button', { name: 'Dark theme' }).click();
  await expect(html).toHaveClass(/\bdark\b/);
  // Read the class before any script of the page runs: the inline <head> script must have set it.
  await page.route('**/_next/static/**', (route) => route.abort());
  await page.reload();
  await expect(html).toHaveClass(/\bdark\b/);
  await page.unrouteAll();
  errors.length = 0; // the aborted bundles above were on purpose

  await page.reload();
  await page.getByRole('group', { name: 'Colour theme' }).getByRole('button', { name: 'System theme' }).click();
  await expect(html).not.toHaveClass(/\bdark\b/);
  expect(await page.evaluate(() => localStorage.getItem('mcp-dojo:theme'))).toBeNull();
});

for (const colorScheme of COLOR_SCHEMES) {
  test.describe(`accessibility, ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('the catalogue has no axe violations', async ({ page }) => {
      await page.goto('/');
      await waitForHydration(page);
      await expectNoAxeViolations(page);
    });

    test('a lesson, with an excerpt open and the shortcuts dialog open, has no axe violations', async ({ page }) => {
      await page.goto(LESSON);
      await waitForHydration(page);
      await page.getByTestId('excerpt').first().locator('summary').click();
      await expect(page.getByTestId('excerpt').first().locator('pre')).toBeVisible(); // its code is fetched when opened
      await page.getByTestId('checkpoint').first().getByRole('button').first().click(); // feedback colours too
      await expectNoAxeViolations(page);
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });
}
