import { expect, type Page } from '@playwright/test';

/**
 * Presses a key that must do nothing, and proves it did nothing — on events, not a sleep.
 *
 * The page has one key listener (components/keyboard/keyboard-shortcuts.tsx). It runs during the keydown and
 * presses the key's element with a synchronous `click()`; a Next <Link> starts its navigation from that click.
 * Chromium acknowledges a key event only once the page's handlers have run, so when `keyboard.press` returns, a
 * shortcut the key triggered has already clicked. A recorder in the page (capture phase, ahead of the app's own
 * listener) sees the keydown — proof the key reached the page at all — and every click and every navigation the
 * page starts (the Navigation API's `navigate`: links, pushState, location changes).
 */
export async function pressExpectingNothing(page: Page, key: string): Promise<void> {
  await page.evaluate(() => {
    type Log = { keys: string[]; clicks: string[]; navigations: string[] };
    const global = window as unknown as { __dojoKeyLog?: Log };
    if (!global.__dojoKeyLog) {
      const log: Log = { keys: [], clicks: [], navigations: [] };
      global.__dojoKeyLog = log;
      const describe = (target: EventTarget | null) =>
        target instanceof Element ? (target.closest('a')?.getAttribute('href') ?? target.outerHTML.slice(0, 80)) : String(target);
      addEventListener('keydown', (event) => log.keys.push(event.key), { capture: true });
      addEventListener('click', (event) => log.clicks.push(describe(event.target)), { capture: true });
      const navigation = (window as unknown as { navigation?: EventTarget }).navigation;
      navigation?.addEventListener('navigate', (event) => log.navigations.push((event as Event & { destination: { url: string } }).destination.url));
    }
    global.__dojoKeyLog.keys.length = 0;
    global.__dojoKeyLog.clicks.length = 0;
    global.__dojoKeyLog.navigations.length = 0;
  });
  const url = page.url();
  await page.keyboard.press(key);
  const log = await page.evaluate(() => (window as unknown as { __dojoKeyLog: { keys: string[]; clicks: string[]; navigations: string[] } }).__dojoKeyLog);
  expect(log.keys, `the key ${key} reached the page`).toContain(key.split('+').at(-1));
  expect({ clicks: log.clicks, navigations: log.navigations }, `the key ${key} pressed nothing`).toEqual({ clicks: [], navigations: [] });
  expect(page.url()).toBe(url);
}
