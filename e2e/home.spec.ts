import { expect, test } from '@playwright/test';
import { getCatalogue } from '@/lib/lessons/catalogue';
import { collectPageErrors } from './support/page-errors';
import { waitForHydration } from './support/hydrated';

const LIVE = getCatalogue().filter((entry) => entry.meta.status === 'live').length;

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
