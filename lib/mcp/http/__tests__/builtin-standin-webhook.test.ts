/**
 * The built-in stand-in's sample accounts as Todoist users: each caller's
 * copy of the sample data has a user id of its own, and an account with a
 * webhook gets a signed delivery per change — sent only once its state is
 * stored, so the receiver's sync finds the change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '@/lib/identity/learner';
import { SIGNATURE_HEADER, type TodoistWebhookEvent } from '@/lib/realtime/webhook-event';
import { signWebhookBody } from '@/lib/realtime/webhook-signature';
import { standinOAuthApp } from '@/lib/mock/standin-oauth-app';
import { createWebhookSender } from '@/lib/mock/webhook-sender';
import { MemoryStateStore } from '@/lib/state';
import { registerStandinWebhook, startBuiltinStandin } from '../builtin-standin';

const secret = Buffer.from('builtin-standin-webhook-secret');
const store = new MemoryStateStore({ idleMs: 60_000, maxEntries: 1_000, sweepEveryMs: 0 });
const hook = { callbackUrl: 'http://127.0.0.1:3000/api/webhooks/todoist', faults: {} };
const learner: Tenant = { key: 'learner-webhook-a', kind: 'learner' };
const other: Tenant = { key: 'learner-webhook-b', kind: 'learner' };
const anonymous: Tenant = { key: 'anon-webhook', kind: 'anonymous' };

/** Each delivery as the receiver got it, with what its sync would read at that moment: the stored account's tasks. */
const delivered: Array<{ event: TodoistWebhookEvent; signed: boolean; storedContents: string[] }> = [];
let standin: Awaited<ReturnType<typeof startBuiltinStandin>>;

/** Plays the app's receiver: reads the store the moment a delivery arrives. */
async function receive(_url: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const body = init!.body as Uint8Array;
  const signature = new Headers(init!.headers).get(SIGNATURE_HEADER);
  const state = await store.get<{ changes: Record<string, { tasks: Record<string, { content: string }> }> }>(
    `${learner.key}/lesson-8/standin-small-1`, // the only account here with a webhook that is stored
  );
  delivered.push({
    event: JSON.parse(new TextDecoder().decode(body)) as TodoistWebhookEvent,
    signed: signature === signWebhookBody(body, standinOAuthApp(secret).clientSecret),
    storedContents: Object.values(state?.changes ?? {}).flatMap((changes) => Object.values(changes.tasks).map((task) => task.content)),
  });
  return new Response(null, { status: 200 });
}

beforeAll(async () => {
  standin = await startBuiltinStandin(store, secret, {
    webhooks: createWebhookSender({ clientSecret: standinOAuthApp(secret).clientSecret, fetch: receive }),
  });
});
afterAll(() => standin.close());

const api = (tenant: Tenant, path: string, init: RequestInit = {}) =>
  fetch(`${standin.baseUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${standin.tokenFor(tenant, 'lesson-8')}`, 'content-type': 'application/json' },
  });

describe('built-in stand-in accounts and their webhooks', () => {
  it('gives each caller’s account a Todoist user id of its own, the one its webhooks carry', async () => {
    const userId = await registerStandinWebhook(store, learner, 'lesson-8', hook);
    expect(userId).toMatch(/^\d{9}$/);
    expect(((await (await api(learner, '/user')).json()) as { id: string }).id).toBe(userId);
    const otherId = ((await (await api(other, '/user')).json()) as { id: string }).id;
    expect(otherId).toMatch(/^\d{9}$/);
    expect(otherId).not.toBe(userId);
  });

  it('delivers a write’s event, signed with the stand-in app’s client secret, once the account’s state is stored', async () => {
    delivered.length = 0;
    const response = await api(learner, '/tasks', { method: 'POST', body: '{"content":"Announced after storing"}' });
    expect(response.status).toBe(200);
    await standin.webhooks.idle();
    expect(delivered).toHaveLength(1);
    const [{ event, signed, storedContents }] = delivered as [(typeof delivered)[number]];
    expect(signed).toBe(true);
    expect(event).toMatchObject({ event_name: 'item:added', event_data: { content: 'Announced after storing' } });
    expect(event.user_id).toBe(((await (await api(learner, '/user')).json()) as { id: string }).id);
    expect(storedContents).toContain('Announced after storing');
    expect(standin.webhooks.log(event.user_id)).toEqual([expect.objectContaining({ eventName: 'item:added', status: 'delivered' })]);
  });

  it('delivers nothing for an account without a webhook, or a throwaway (anonymous) one', async () => {
    delivered.length = 0;
    await api(other, '/tasks', { method: 'POST', body: '{"content":"nobody listens"}' });
    await registerStandinWebhook(store, anonymous, 'lesson-8', hook); // a throwaway account is never stored: nothing to announce
    await api(anonymous, '/tasks', { method: 'POST', body: '{"content":"throwaway"}' });
    await standin.webhooks.idle();
    expect(delivered).toEqual([]);
  });
});
