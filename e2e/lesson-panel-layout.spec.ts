/**
 * The live panel where it is easy to get wrong: on a phone (the Differences box must hold its long counts and
 * ids inside its border) and in dark mode (the warning pill must use the theme, not stay light amber).
 */
import { expect, test, type Locator, type Page } from './support/test';
import { expectNoAxeViolations } from './support/axe';
import { collectPageErrors } from './support/page-errors';

async function sideBySide(page: Page, slug: string): Promise<Locator> {
  await page.goto(`/lessons/${slug}`);
  const panel = page.getByTestId('live-panel');
  await panel.getByRole('button', { name: /Run side by side/ }).click();
  await expect(panel.getByTestId('differences').getByTestId('source-verdict')).toBeVisible({ timeout: 45_000 });
  return panel;
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const slug of ['mock-that-lied', 'pagination']) {
    test(`${slug}: nothing in the Differences box runs past its border`, async ({ page }) => {
      const errors = collectPageErrors(page);
      const differences = (await sideBySide(page, slug)).getByTestId('differences');
      const overflow = await differences.evaluate((box) => {
        const right = box.getBoundingClientRect().right;
        const beyond = [...box.querySelectorAll('*')]
          .filter((element) => element.getBoundingClientRect().right > right + 0.5)
          .map((element) => element.textContent?.slice(0, 60));
        return { scrolls: box.scrollWidth > box.clientWidth, beyond };
      });
      expect(overflow).toEqual({ scrolls: false, beyond: [] });
      expect(errors).toEqual([]);
    });
  }
});

test.describe('in dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('the NO SOURCE LINE pill is dark like the panel, and passes axe', async ({ page }) => {
    const errors = collectPageErrors(page);
    const panel = await sideBySide(page, 'mock-that-lied');
    const pill = panel.getByTestId('side-left').getByTestId('no-source-warning');
    await expect(pill).toBeVisible();
    // A light pill (e.g. amber-50) on the near-black panel glares; the theme's warning surface is dark.
    // Painted on a 1×1 canvas to read it as RGB, whatever notation the CSS uses (hex, oklch…).
    const [red, green, blue] = await pill.evaluate((element) => {
      const context = document.createElement('canvas').getContext('2d')!;
      context.fillStyle = getComputedStyle(element).backgroundColor;
      context.fillRect(0, 0, 1, 1);
      return [...context.getImageData(0, 0, 1, 1).data];
    });
    expect(red! + green! + blue!, 'background brightness').toBeLessThan(3 * 128);
    await expectNoAxeViolations(page, { include: '[data-testid="no-source-warning"]' });
    expect(errors).toEqual([]);
  });
});
