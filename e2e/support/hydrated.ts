import { expect, type Page } from '@playwright/test';

/** React has hydrated the page and run its effects (see components/site/hydration-marker.tsx). */
export async function waitForHydration(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
}
