import { expect, test } from './support/test';
import { getCatalogue } from '@/lib/lessons/catalogue';
import { collectPageErrors } from './support/page-errors';
import { waitForHydration } from './support/hydrated';

const LIVE_LESSONS = getCatalogue()
  .filter((entry) => entry.meta.status === 'live')
  .map((entry) => entry.meta);
const LIVE = LIVE_LESSONS.length;

test('home page shows the heading and the 9 lessons without console errors', async ({ page }) => {
  const errors = collectPageErrors(page);

  await page.goto('/');

  await expect(page).toHaveTitle('MCP Dojo');
  await expect(page.getByRole('heading', { level: 1, name: 'MCP Dojo' })).toBeVisible();

  const lessons = page.getByTestId('lesson-list').getByRole('listitem');
  await expect(lessons).toHaveCount(9);
  await expect(lessons.first()).toContainText('The mock that lied');
  await expect(lessons.last()).toContainText('MCP security');
  // Live lessons are links; the others are announced but not out yet.
  await expect(lessons.filter({ hasText: 'coming soon' })).toHaveCount(9 - LIVE);
  await expect(lessons.first().getByRole('link', { name: 'The mock that lied' })).toBeVisible();

  await waitForHydration(page);
  expect(errors).toEqual([]);
});

test('the server-rendered page shows no progress count until the browser has read the saved progress', async ({ request }) => {
  // The server cannot see localStorage: a "0 of N" it rendered would flash before the real count.
  const html = await (await request.get('/')).text();
  expect(html).not.toMatch(/data-testid="progress-summary"[^>]*>(<!-- -->)?<span[^>]*>0</);
  expect(html).not.toContain('Start with lesson');
});

test('Continue says when every live lesson is done, and the count shows them all', async ({ page }) => {
  const completed = LIVE_LESSONS.map((lesson) => lesson.slug);
  await page.addInitScript((progress) => {
    localStorage.setItem('mcp-dojo:progress:v1', progress);
  }, JSON.stringify({ completed, lastVisited: completed.at(-1), answers: {} }));
  await page.goto('/');
  await expect(page.getByTestId('continue')).toContainText('All lessons done — review lesson 1');
  await expect(page.getByTestId('progress-summary')).toContainText(`${LIVE} of ${LIVE} live`);
});
