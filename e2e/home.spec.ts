import { expect, test } from '@playwright/test';

test('home page shows the heading and the 9 lessons without console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  // Name the URL behind "Failed to load resource" console errors.
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`${res.status()} ${res.url()}`);
  });

  await page.goto('/');

  await expect(page).toHaveTitle('MCP Dojo');
  await expect(page.getByRole('heading', { level: 1, name: 'MCP Dojo' })).toBeVisible();

  const lessons = page.getByTestId('lesson-list').getByRole('listitem');
  await expect(lessons).toHaveCount(9);
  await expect(lessons.first()).toContainText('The mock that lied');
  await expect(lessons.last()).toContainText('MCP security');
  await expect(lessons.filter({ hasText: 'coming soon' })).toHaveCount(9);

  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);
});
