/**
 * Server and client HTML must agree on every page a learner opens, whatever the browser has saved.
 *
 * Progress, the theme, observations and lesson 7's sign-ins live in the browser, which the server (and the
 * prerendered HTML) cannot read; a component that read them while hydrating would render something other than the
 * HTML it is hydrating, and React would report error #418 (and throw the server's HTML away). Each page is opened
 * with all of them saved, in both themes, and again on a slowed-down CPU (as on a busy CI machine, where scripts
 * and data arrive in a different order than on a fast one): the page must hydrate without a single console error.
 */
import { expect, test } from './support/test';
import { getCatalogue } from '@/lib/lessons/catalogue';
import { collectPageErrors } from './support/page-errors';
import { waitForHydration } from './support/hydrated';

const LIVE = getCatalogue()
  .filter((entry) => entry.meta.status === 'live')
  .map((entry) => entry.meta);
const PAGES = ['/', ...LIVE.map((lesson) => `/lessons/${lesson.slug}`)];
const RIGHT_ANSWERS = Object.fromEntries(LIVE.map((lesson) => [lesson.slug, lesson.checkpoints[0]?.answer ?? 0]));

interface Saved {
  slugs: string[];
  /** Each lesson's right answer to its first checkpoint. */
  rightAnswers: Record<string, number>;
  theme: 'light' | 'dark';
}

/** Before any script of the page runs: what a returning learner's browser holds. */
function seedBrowserStorage({ slugs, rightAnswers, theme }: Saved) {
  // Only before the first load: the page may change these afterwards, as it would for the learner.
  if (sessionStorage.getItem('e2e:seeded')) return;
  sessionStorage.setItem('e2e:seeded', '1');
  const answers = Object.fromEntries(slugs.map((slug) => [slug, { '0': rightAnswers[slug] ?? 0 }]));
  localStorage.setItem('mcp-dojo:progress:v1', JSON.stringify({ completed: slugs.slice(0, 3), lastVisited: slugs[2], answers }));
  localStorage.setItem('mcp-dojo:theme', theme);
  for (const slug of slugs) {
    localStorage.setItem(`mcp-dojo:observed:v1:${slug}`, JSON.stringify([{ kind: 'widget', widget: 'e2e', summary: 'Saw 12 tasks.' }]));
  }
  // Lesson 7: Client 1 signed in (a token it will only use when the learner acts).
  sessionStorage.setItem('dojo-oauth:client-1:tokens', JSON.stringify({ access_token: 'e2e-not-a-token', token_type: 'Bearer' }));
}

for (const theme of ['dark', 'light'] as const) {
  for (const cpu of ['full speed', 'CPU slowed 4×'] as const) {
    test.describe(`saved progress, ${theme} theme, ${cpu}`, () => {
      for (const path of PAGES) {
        test(`${path} hydrates without a mismatch`, async ({ page }) => {
          const errors = collectPageErrors(page);
          if (cpu !== 'full speed') {
            const cdp = await page.context().newCDPSession(page);
            await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
          }
          await page.addInitScript(seedBrowserStorage, { slugs: LIVE.map((lesson) => lesson.slug), rightAnswers: RIGHT_ANSWERS, theme });
          await page.goto(path);
          // The marker is set by the page's last effect, after React has committed the hydration and reported
          // any mismatch (a recoverable error is logged at commit, before effects run).
          await waitForHydration(page);
          expect(errors).toEqual([]);
          // The saved state did reach the page (else this test would prove nothing). A mismatch fails here too: React
          // rebuilds the document on the client, which drops the theme class the inline script put on <html>.
          await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${theme}\\b`));
          if (path === '/') await expect(page.getByTestId('progress-summary')).toHaveAttribute('data-progress-read', 'true');
          else await expect(page.getByTestId('checkpoint-score')).toHaveText(/^1 of/);
          expect(errors).toEqual([]);
        });
      }
    });
  }
}

// Tests change the page only after waitForHydration. The "?" test once changed it after `networkidle` instead, which a
// slow machine reaches before React has hydrated: React found the extra element, reported #418 ("HTML") and rebuilt
// the document, whose icon link went missing for a moment (hence a 404 for /favicon.ico). On a 6× slower CPU this
// reproduced it every other time; after the hydration signal, never.
test('the hydration signal comes after hydration: changing the page right after it is no mismatch, even on a slow CPU', async ({ page }) => {
  const errors = collectPageErrors(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  await page.goto(`/lessons/${LIVE[1]?.slug ?? LIVE[0]!.slug}`);
  await waitForHydration(page);
  await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<p data-e2e="added after hydration">Added.</p>'));
  // React is live: a key press opens the shortcuts dialog (a mismatch would have rebuilt the page, and logged it).
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expect(page.locator('[data-e2e="added after hydration"]')).toHaveCount(1);
  expect(errors).toEqual([]);
});
