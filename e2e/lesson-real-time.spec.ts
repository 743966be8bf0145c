/**
 * Lesson 8 in a real browser: the learner completes a task on their own sample account, and the page's
 * subscription (a 2026-07-28 subscriptions/listen stream) shows the notification — delivered by a signed
 * webhook to this app, read by one incremental sync — and the re-read list without the task. With no webhook,
 * the polling fallback finds the change. A forged webhook is refused, in the drill and at the real endpoint.
 */
import { createHmac } from 'node:crypto';
import { expect, test, type Page } from './support/test';
import { expectNoAxeViolations } from './support/axe';
import { waitForHydration } from './support/hydrated';

const LESSON = '/lessons/real-time';

async function subscribe(page: Page, path: 'webhook' | 'no webhook: poll' = 'webhook') {
  await page.goto(LESSON);
  await waitForHydration(page);
  const lab = page.getByTestId('widget-real-time-lab');
  await lab.getByRole('button', { name: path, exact: true }).click();
  await lab.getByRole('button', { name: 'Subscribe to today’s tasks' }).click();
  await expect(lab.getByTestId('live-feed')).toHaveAttribute('data-status', 'listening', { timeout: 30_000 });
  await expect(lab.getByTestId('live-today').locator('li').first()).toBeVisible();
  return lab;
}

async function completeFirstTask(lab: ReturnType<Page['getByTestId']>) {
  const first = lab.getByTestId('live-today').locator('li').first();
  const taskId = await first.getAttribute('data-task-id');
  await first.getByRole('button', { name: /^Complete/ }).click();
  return taskId!;
}

test('a completed task reaches the subscribed panel by webhook: one incremental sync, and the task leaves today', async ({ page }) => {
  const lab = await subscribe(page);
  const taskId = await completeFirstTask(lab);

  const update = lab.getByTestId('live-updates').locator('li').first();
  await expect(update).toContainText('todoist://tasks/today', { timeout: 30_000 });
  await expect(update).toHaveAttribute('data-trigger', 'webhook');
  await expect(update).toContainText('by webhook: one incremental sync, 1 request');
  await expect(update).toContainText('after your click');
  await expect(lab.getByTestId('live-today').locator(`li[data-task-id="${taskId}"]`)).toHaveCount(0);
  // The sender's log of this learner's account: the delivery, answered 200.
  await expect(lab.getByTestId('live-deliveries')).toContainText(`item:completed ${taskId} — delivered`);
});

test('with no webhook, the polling fallback’s incremental sync finds the change', async ({ page }) => {
  const lab = await subscribe(page, 'no webhook: poll');
  await completeFirstTask(lab);
  const update = lab.getByTestId('live-updates').locator('li').first();
  // The server polls every 5 s (DOJO_POLL_SECONDS): the notification comes within one interval.
  await expect(update).toHaveAttribute('data-trigger', 'poll', { timeout: 30_000 });
  await expect(update).toContainText('by poll: one incremental sync, 1 request');
});

test('the drill: a forged webhook fools the naive receiver; the production one answers 401 and keeps the truth', async ({ page }) => {
  await page.goto(LESSON);
  await waitForHydration(page);
  const drill = page.getByTestId('receiver-drill');
  await drill.getByRole('button', { name: 'A forged webhook' }).click();
  const outcome = drill.getByTestId('drill-outcome');
  await expect(outcome).toHaveAttribute('data-case', 'forged', { timeout: 30_000 });
  await expect(drill.getByTestId('drill-naive')).toHaveAttribute('data-right', 'false');
  await expect(drill.getByTestId('drill-production')).toHaveAttribute('data-right', 'true');
  await expect(drill.getByTestId('drill-production')).toContainText('401');

  await drill.getByRole('button', { name: 'A duplicated delivery' }).click();
  await expect(outcome).toHaveAttribute('data-case', 'duplicate', { timeout: 30_000 });
  await expect(drill.getByTestId('drill-naive')).toContainText('appears 2 times');
  await expect(drill.getByTestId('drill-production')).toContainText('appears once');
});

test('the real receiver refuses a forged delivery: unsigned, and signed with a key that is not the app’s', async ({ request }) => {
  const body = JSON.stringify({
    event_name: 'item:completed',
    user_id: '123456789',
    event_data: { id: 'forged' },
    initiator: { id: '123456789', email: 'x@example.com', full_name: 'X', is_premium: false, image_id: null },
    triggered_at: new Date().toISOString(),
    version: '1',
  });
  const headers = { 'content-type': 'application/json', 'x-todoist-delivery-id': 'e2e-forged-1' };
  const unsigned = await request.post('/api/webhooks/todoist', { data: body, headers });
  expect(unsigned.status()).toBe(401);
  const forged = createHmac('sha256', 'a-guessed-secret').update(body).digest('base64');
  const wrong = await request.post('/api/webhooks/todoist', { data: body, headers: { ...headers, 'x-todoist-hmac-sha256': forged } });
  expect(wrong.status()).toBe(401);
  expect(await wrong.text()).toContain('signature does not match');
});

test('lesson 8 passes axe with a notification shown', async ({ page }) => {
  const lab = await subscribe(page);
  await completeFirstTask(lab);
  await expect(lab.getByTestId('live-updates').locator('li').first()).toBeVisible({ timeout: 30_000 });
  await expectNoAxeViolations(page);
});
