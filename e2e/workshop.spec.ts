/**
 * Workshop mode in real browsers: a presenter and three learners, each in a
 * browser context of their own (their own learner cookie, their own data).
 * The presenter moves the room to lesson 4 and switches the upstream to
 * `down` for everyone; every learner's panel shows the breaker opening; the
 * presenter sees the three learners and what they observed; a reset brings
 * back each demo's own scenario and fresh data.
 */
import { expect, test, captureResponseBodies, type Browser, type Page } from './support/test';
import { collectPageErrors } from './support/page-errors';
import { waitForHydration } from './support/hydrated';
import { expectNoAxeViolations } from './support/axe';

async function learnerJoins(browser: Browser, code: string, name: string | undefined): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext();
  captureResponseBodies(context);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`/join/${code}`);
  await waitForHydration(page);
  if (name) {
    await page.getByLabel('Show my name to the presenter').check();
    await page.getByLabel('Your name').fill(name);
  }
  await page.getByRole('button', { name: `Join room ${code}` }).click();
  await expect(page.getByTestId('room-bar')).toContainText(`Room ${code}`);
  return { page, errors };
}

async function openRoom(page: Page): Promise<string> {
  await page.goto('/present');
  await waitForHydration(page);
  await page.getByRole('button', { name: 'Open a room' }).click();
  await expect(page).toHaveURL(/\/present\/[A-Z2-9]{6}$/);
  return (await page.getByTestId('room-code').textContent())!.trim();
}

async function runSideBySide(page: Page): Promise<void> {
  const run = page.getByRole('button', { name: /Run side by side/ });
  await expect(run).toBeEnabled();
  await run.click();
  await expect(run).toBeEnabled({ timeout: 20_000 });
}

test('a presenter and three learners: follow me, down for everyone, who saw what, reset', async ({ page: presenter, browser }) => {
  test.setTimeout(120_000);
  const presenterErrors = collectPageErrors(presenter);
  const code = await openRoom(presenter);
  await expect(presenter.getByText(`/join/${code}`)).toBeVisible();
  await expect(presenter.getByRole('img', { name: /QR code of the join link/ })).toBeVisible();

  const learners = [await learnerJoins(browser, code, 'Ada'), await learnerJoins(browser, code, undefined), await learnerJoins(browser, code, 'Cy')];
  await expect(presenter.getByTestId('learner-row')).toHaveCount(3);
  await expect(presenter.getByTestId('learner-row').nth(1)).toContainText('Learner 2'); // no name chosen: counted, not named
  await expect(presenter.getByTestId('presence-counts')).toContainText('3 of 3 learners connected');

  // Follow me: every learner's page moves to lesson 4's fault demo.
  await presenter.getByLabel('Lesson').selectOption({ label: '4. Errors and graceful fallback' });
  await presenter.getByLabel('Demo').selectOption('under-a-fault');
  await presenter.getByRole('button', { name: 'Move everyone here' }).click();
  for (const { page } of learners) {
    await expect(page).toHaveURL(/\/lessons\/fallback/); // the panel drops `?demo=` when it names the first demo as it starts
    await expect(page.getByRole('tab', { name: 'Naive vs production under a fault' })).toHaveAttribute('aria-selected', 'true');
  }

  // Down, for every learner's workspace at once.
  const roomScenario = presenter.getByRole('group', { name: 'Upstream scenario for every learner' });
  await roomScenario.getByRole('button', { name: 'down', exact: true }).click();
  for (const { page } of learners) {
    await expect(page.getByTestId('room-scenario')).toContainText('down');
    await runSideBySide(page);
    await expect(page.getByTestId('side-right')).toContainText('breaker closed → open');
  }

  // The presenter sees the three learners, where they are, and what the room observed.
  await expect(presenter.getByTestId('presence-counts')).toContainText('3 ran a demo');
  await expect(presenter.getByRole('list', { name: 'What the room observed' })).toContainText('3 of 3');
  for (const label of ['Ada', 'Learner 2', 'Cy']) {
    await expect(presenter.getByTestId('learner-row').filter({ hasText: label })).toContainText('Errors and graceful fallback · under-a-fault');
  }

  // Reset: each demo's own scenario (faithful here) and fresh data, for everyone.
  await presenter.getByRole('button', { name: 'Reset every workspace…' }).click();
  await presenter.getByRole('button', { name: 'Yes, reset everyone’s data' }).click();
  await expect(roomScenario.getByRole('button', { name: 'as each demo sets it' })).toHaveAttribute('aria-pressed', 'true');
  for (const { page } of learners) {
    await expect(page.getByTestId('room-scenario')).toHaveCount(0);
    await expect(page.getByTestId('room-bar')).toContainText('reset the room');
    await runSideBySide(page);
    await expect(page.getByTestId('side-right').getByTestId('provenance-badge')).toHaveText('MOCK'); // live, complete
    await expect(page.getByTestId('side-right')).not.toContainText('breaker closed → open');
  }

  for (const { errors } of learners) expect(errors).toEqual([]);
  expect(presenterErrors).toEqual([]);
});

test('a code that does not exist or has ended gets a page that says so; joining twice keeps one seat', async ({ page: presenter, browser }) => {
  const errors = collectPageErrors(presenter);
  const code = await openRoom(presenter);
  const { page: learner } = await learnerJoins(browser, code, 'Ada');
  await learner.goto(`/join/${code}`);
  await waitForHydration(learner);
  await learner.getByRole('button', { name: `Join room ${code}` }).click();
  await expect(learner.getByTestId('room-bar')).toContainText(`Room ${code}`);
  await expect(presenter.getByTestId('learner-row')).toHaveCount(1); // the same learner twice: one seat
  await expect(presenter.getByTestId('learner-row')).toContainText('Learner 1'); // joined again without a name: no name kept

  await learner.goto('/join/ABCDEF');
  await expect(learner.getByRole('heading', { name: 'No room ABCDEF' })).toBeVisible();
  await expect(learner.getByRole('status')).toContainText('mistyped, or the room has ended');
  await learner.goto('/join/hello');
  await expect(learner.getByRole('status')).toContainText('This is not a room code');

  await presenter.getByRole('button', { name: 'End the room…' }).click();
  await presenter.getByRole('button', { name: 'Yes, end it (its data goes)' }).click();
  await expect(presenter).toHaveURL(/\/present\?ended=1$/);
  await expect(presenter.getByRole('status')).toContainText('its data is gone');
  await learner.goto(`/join/${code}`);
  await expect(learner.getByRole('heading', { name: `No room ${code}` })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the presenter view and the join page have no axe violations', async ({ page }) => {
  const code = await openRoom(page);
  await expect(page.getByTestId('presence-counts')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto(`/join/${code}`);
  await waitForHydration(page);
  await expectNoAxeViolations(page);
});
