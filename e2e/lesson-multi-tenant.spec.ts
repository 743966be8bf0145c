/**
 * Lesson 7 in a real browser: two clients signed in through the real OAuth
 * flow (this app's authorization server, PKCE by the SDK's client auth, the
 * Todoist stand-in's consent page) as Alice and Bob. The naive server shows
 * Bob Alice's tasks; the production server never does; a noisy client hits
 * its own rate limit; a disconnected client gets 401 while the other carries
 * on. A second learner, in a browser context of their own, never sees the
 * first learner's changes.
 */
import { captureResponseBodies, expect, test, type Locator, type Page } from './support/test';
import { expectNoAxeViolations } from './support/axe';
import { collectPageErrors } from './support/page-errors';
import { waitForHydration } from './support/hydrated';

const LESSON = '/lessons/multi-tenant';

async function openWidget(page: Page): Promise<Locator> {
  await page.goto(LESSON);
  await waitForHydration(page);
  return page.getByTestId('widget-two-tenants');
}

/** The whole sign-in, in the browser: our /oauth/authorize → the stand-in's consent page → back, signed in. */
async function signIn(page: Page, slot: 'client-1' | 'client-2', user: string): Promise<void> {
  const label = slot === 'client-1' ? 'Client 1' : 'Client 2';
  await page.getByTestId('widget-two-tenants').getByRole('button', { name: `Sign in ${label}` }).click();
  await expect(page).toHaveURL(/\/standin\/oauth\/authorize\?/);
  const consent = new URL(page.url());
  expect(consent.searchParams.get('client_id')).toBe('mcp-dojo');
  expect(consent.searchParams.get('state')).toBeTruthy();
  await page.getByLabel(new RegExp(`^${user} Example`)).check();
  await page.getByRole('button', { name: 'Allow' }).click();
  await expect(page).toHaveURL(new RegExp(`${LESSON}#two-tenants$`));
  await waitForHydration(page);
  await expect(page.getByTestId(`tenant-${slot}`)).toHaveAttribute('data-signed-in', 'true');
}

async function ask(widget: Locator, slot: 'client-1' | 'client-2', server: 'naive' | 'production'): Promise<Locator> {
  const label = slot === 'client-1' ? 'Client 1' : 'Client 2';
  const before = Number(await widget.getAttribute('data-answered'));
  await widget.getByRole('button', { name: `Ask the ${server} server (${label})` }).click();
  await expect(widget).toHaveAttribute('data-answered', String(before + 1), { timeout: 30_000 });
  return widget.getByTestId(`answer-${slot}-${server}`);
}

test('signed in as Alice and Bob: the naive server leaks, the production server never does; a noisy client and a revoked one stay their own problem', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  await openWidget(page);
  await signIn(page, 'client-1', 'Alice');
  await signIn(page, 'client-2', 'Bob');
  const widget = page.getByTestId('widget-two-tenants');

  // The browser holds this server's token only: nothing Todoist's is in the page's storage.
  const stored = await page.evaluate(() => JSON.stringify({ ...window.sessionStorage }));
  expect(stored).toContain('access_token');
  expect(stored).not.toContain('standin_oauth_');

  // Production: each reads their own account, and the two share no task.
  await expect(await ask(widget, 'client-1', 'production')).toHaveAttribute('data-account', 'Alice Example');
  await expect(await ask(widget, 'client-2', 'production')).toHaveAttribute('data-account', 'Bob Example');
  await expect(widget.getByTestId('production-shared')).toContainText('share 0 task ids');

  // Naive: Alice asks first; Bob then gets Alice's tasks, unlabelled.
  await expect(await ask(widget, 'client-1', 'naive')).toHaveAttribute('data-account', 'Alice Example');
  await expect(await ask(widget, 'client-2', 'naive')).toHaveAttribute('data-account', 'Alice Example');
  await expect(widget.getByTestId('verdict-client-2')).toHaveAttribute('data-leaked', 'true');
  await expect(widget.getByTestId('verdict-client-2')).toContainText('signed in as Bob Example, but the naive server answered with Alice Example');
  await expect(widget.getByTestId('verdict-client-1')).toHaveAttribute('data-leaked', 'false');
  await expectNoAxeViolations(page, { include: '[data-testid="widget-two-tenants"]' });

  // The noisy neighbour: Client 2 runs into its own limit, Client 1's calls all go through.
  await widget.getByRole('button', { name: 'Flood from Client 2' }).click();
  const flood = widget.getByTestId('flood-result');
  await expect(flood).toBeVisible({ timeout: 60_000 });
  expect(Number(await flood.getAttribute('data-limited'))).toBeGreaterThan(0);
  await expect(flood).toHaveAttribute('data-quiet-answered', '5');
  await expect(flood).toContainText('refused by its own rate limit (429)');

  // Revoked: Alice disconnects; her next call is refused, Bob's is served.
  await widget.getByRole('button', { name: 'Disconnect Client 1' }).click();
  await expect(widget.getByTestId('answer-client-1-production')).toHaveCount(0);
  await expect(await ask(widget, 'client-1', 'production')).toHaveAttribute('data-outcome', 'unauthorized');
  await expect(widget.getByTestId('tenant-client-1')).toHaveAttribute('data-signed-in', 'false');
  await expect(await ask(widget, 'client-2', 'production')).toHaveAttribute('data-account', 'Bob Example');

  // A second learner (their own browser context, so their own cookie) signs in as Alice: their own copy of her account.
  const other = await browser.newContext();
  captureResponseBodies(other); // its responses too are scanned for secrets after the run (scripts/check-secret-exposure.ts)
  const otherPage = await other.newPage();
  const otherWidget = await openWidget(otherPage);
  await signIn(otherPage, 'client-1', 'Alice');
  await expect(await ask(otherWidget, 'client-1', 'naive')).toHaveAttribute('data-account', 'Alice Example');
  await expect(otherWidget.getByTestId('verdict-client-1')).toHaveCount(0); // no production answer yet: nothing to compare
  await expect(await ask(otherWidget, 'client-1', 'production')).toHaveAttribute('data-account', 'Alice Example');
  await other.close();

  // Expected: the 429s of the flood; the revoked client's 401 and its refresh refused (400 invalid_grant at /oauth/token).
  const expected = [/^(429|401) POST .*\/api\/mcp/, /status of (429|401)/, /^400 POST .*\/oauth\/token$/];
  const refreshRefused = errors.filter((error) => /^400 POST .*\/oauth\/token$/.test(error)).length;
  const unexpected = errors
    .filter((error) => !expected.some((pattern) => pattern.test(error)))
    .filter((error, index, all) => !(/status of 400/.test(error) && all.slice(0, index + 1).filter((e) => /status of 400/.test(e)).length <= refreshRefused));
  expect(unexpected).toEqual([]);
});

test('refusing consent on the Todoist stand-in leaves the client signed out and says why; both pages pass axe', async ({ page }) => {
  await openWidget(page);
  await page.getByTestId('widget-two-tenants').getByRole('button', { name: 'Sign in Client 1' }).click();
  await expect(page).toHaveURL(/\/standin\/oauth\/authorize\?/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Deny' }).click();
  await expect(page.getByTestId('sign-in-failed')).toContainText('Consent was refused');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Back to the lesson' }).click();
  await waitForHydration(page);
  await expect(page.getByTestId('tenant-client-1')).toHaveAttribute('data-signed-in', 'false');
});

test("the default demo: mock workspace and stand-in sample account, each answer says whose it is — this learner's, the same on both sides", async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto(LESSON);
  const panel = page.getByTestId('live-panel');
  await expect(panel.getByRole('button', { name: /^Run r$|^Run$/ })).toBeEnabled(); // hydrated
  await panel.getByRole('button', { name: /Run side by side/ }).click();
  await expect(panel.getByTestId('differences').getByTestId('source-verdict')).toBeVisible({ timeout: 45_000 });
  const left = panel.getByTestId('side-left').getByTestId('provenance-description');
  const right = panel.getByTestId('side-right').getByTestId('provenance-description');
  await expect(left).toContainText('mock scenario');
  await expect(right).toContainText('Todoist stand-in on this machine');
  const tenant = await left.getAttribute('data-tenant');
  expect(tenant).toMatch(/^learner-[\w-]{22}$/);
  await expect(right).toHaveAttribute('data-tenant', tenant!);
  await expect(left).toContainText(`for tenant ${tenant}`);
  expect(errors).toEqual([]);
});
