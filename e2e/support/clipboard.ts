import type { BrowserContext, Page } from '@playwright/test';

/** Lets the page write to the clipboard and the test read it back. */
export async function grantClipboard(context: BrowserContext): Promise<void> {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
}

/** What the page put on the clipboard (needs `grantClipboard` first). */
export function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}
