/**
 * Lesson 9, least privilege and step-up, in a real browser: a client signs
 * in with tasks:read only (this app's authorization server → the Todoist
 * stand-in's consent page, asked for data:read), tries to complete one of
 * the user's tasks and is shown the 403 insufficient_scope naming
 * tasks:write. The SDK's step-up then sends the browser to consent again —
 * now for tasks:read tasks:write, data:read_write upstream — and back on the
 * lesson the same call completes the task.
 */
import { expect, test, type Page } from './support/test';
import { COLOR_SCHEMES, expectNoAxeViolations } from './support/axe';
import { waitForHydration } from './support/hydrated';
import { collectPageErrors } from './support/page-errors';

const LESSON = '/lessons/security';

/** At the stand-in's consent page: checks what Todoist is asked for, then allows it as `user`. */
async function consentAs(page: Page, user: string, todoistScope: string): Promise<void> {
  await expect(page).toHaveURL(/\/standin\/oauth\/authorize\?/);
  expect(new URL(page.url()).searchParams.get('scope')).toBe(todoistScope);
  await page.getByLabel(new RegExp(`^${user} Example`)).check();
  await page.getByRole('button', { name: 'Allow' }).click();
  await expect(page).toHaveURL(new RegExp(`${LESSON}#step-up$`));
  await waitForHydration(page);
}

test('a tasks:read client is refused complete_task with 403 naming tasks:write; after the step-up the same call completes the task', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = collectPageErrors(page);
  await page.goto(LESSON);
  await waitForHydration(page);
  const card = page.getByTestId('attack-step-up');
  await expect(card).toHaveAttribute('data-phase', 'signed-out');

  // Sign in asking for the least: our authorization server asks Todoist for data:read only.
  const authorize = page.waitForRequest((request) => new URL(request.url()).pathname === '/oauth/authorize');
  await card.getByRole('button', { name: 'Sign in with tasks:read only' }).click();
  expect(new URL((await authorize).url()).searchParams.get('scope')).toBe('tasks:read');
  await consentAs(page, 'Carol', 'data:read');
  await expect(card.getByTestId('step-up-token')).toHaveAttribute('data-scopes', 'tasks:read');

  // The write is refused before the tool runs, and the card shows the answer as the server sent it.
  await card.getByRole('button', { name: 'Complete a task' }).click();
  const refusal = card.getByTestId('step-up-refusal');
  await expect(refusal).toBeVisible({ timeout: 30_000 });
  await expect(card).toHaveAttribute('data-phase', 'refused');
  await expect(refusal).toHaveAttribute('data-status', '403');
  await expect(refusal).toHaveAttribute('data-required', 'tasks:read tasks:write');
  await expect(refusal).toContainText('error="insufficient_scope"');
  await expect(refusal).toContainText('missing: tasks:write');
  await expect(refusal).toContainText('data:read');
  const title = (await refusal.locator('strong').first().textContent())!;
  expect(title.length).toBeGreaterThan(0);
  await expectNoAxeViolations(page, { include: '[data-testid="attack-step-up"]' });

  // The SDK's step-up: the union of scopes, a new consent (a refresh cannot widen a token), data:read_write upstream.
  const stepUpAuthorize = page.waitForRequest((request) => new URL(request.url()).pathname === '/oauth/authorize');
  await card.getByRole('button', { name: 'Let the client ask for more (step-up)' }).click();
  expect(new URL((await stepUpAuthorize).url()).searchParams.get('scope')).toBe('tasks:read tasks:write');
  await consentAs(page, 'Carol', 'data:read_write,data:delete');

  // Back on the lesson, the same call goes through.
  const completed = card.getByTestId('step-up-completed');
  await expect(completed).toBeVisible({ timeout: 30_000 });
  await expect(card).toHaveAttribute('data-phase', 'completed');
  await expect(completed).toContainText(title);
  await expect(completed).toHaveAttribute('data-scopes', 'tasks:read tasks:write');
  await expect(completed).toContainText('data:read → data:read_write,data:delete');
  await expect(card.getByTestId('step-up-token')).toHaveAttribute('data-scopes', 'tasks:read tasks:write');
  // The refusal that started it stays on the card.
  await expect(card.getByTestId('step-up-refusal')).toHaveAttribute('data-status', '403');
  for (const colorScheme of COLOR_SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, { include: '[data-testid="attack-step-up"]' });
  }

  // Start over: this client's sign-in is revoked and forgotten, and it can sign in read-only again.
  await card.getByRole('button', { name: 'Start over' }).click();
  await expect(card).toHaveAttribute('data-phase', 'signed-out');

  // Expected: the two 403s (the one shown, the one the step-up answered) and their console lines.
  const expected = [/^403 POST .*\/api\/mcp/, /status of 403/];
  expect(errors.filter((error) => !expected.some((pattern) => pattern.test(error)))).toEqual([]);
});

test('refusing the step-up on the consent page leaves the token read-only, and the card says the step-up did not finish', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(LESSON);
  await waitForHydration(page);
  const card = page.getByTestId('attack-step-up');
  await card.getByRole('button', { name: 'Sign in with tasks:read only' }).click();
  await consentAs(page, 'Dave', 'data:read');
  await card.getByRole('button', { name: 'Complete a task' }).click();
  await expect(card).toHaveAttribute('data-phase', 'refused', { timeout: 30_000 });

  await card.getByRole('button', { name: 'Let the client ask for more (step-up)' }).click();
  await expect(page).toHaveURL(/\/standin\/oauth\/authorize\?.*scope=data%3Aread_write/);
  await page.getByRole('button', { name: 'Deny' }).click();
  await expect(page.getByTestId('sign-in-failed')).toContainText('Consent was refused');
  await page.getByRole('link', { name: 'Back to the lesson' }).click();
  await waitForHydration(page);

  // Back on the lesson the card tries the call once more: refused again, and it says why.
  await expect(card).toHaveAttribute('data-phase', 'refused', { timeout: 30_000 });
  await expect(card.getByRole('alert')).toContainText('The token still carries only tasks:read: the step-up did not finish');
  await expect(card.getByTestId('step-up-token')).toHaveAttribute('data-scopes', 'tasks:read');
  await expect(card.getByRole('button', { name: 'Let the client ask for more (step-up)' })).toBeEnabled();
});
