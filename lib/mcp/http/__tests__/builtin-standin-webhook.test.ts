/**
 * The built-in stand-in's sample accounts as Todoist users: each caller's
 * copy of the sample data has a user id of its own, and an account with a
 * webhook has its events handed over only once its state is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '@/lib/identity/learner';
import type { PendingWebhooks } from '@/lib/mock/webhook-outbox';
import { MemoryStateStore } from '@/lib/state';
import { registerStandinWebhook, startBuiltinStandin } from '../builtin-standin';

const secret = Buffer.from('builtin-standin-webhook-secret');
const store = new MemoryStateStore({ idleMs: 60_000, maxEntries: 1_000, sweepEveryMs: 0 });
const hook = { callbackUrl: 'http://127.0.0.1:3000/api/webhooks/todoist', faults: {} };
const learner: Tenant = { key: 'learner-webhook-a', kind: 'learner' };
const other: Tenant = { key: 'learner-webhook-b', kind: 'learner' };
const anonymous: Tenant = { key: 'anon-webhook', kind: 'anonymous' };

/** Each delivery, with what a receiver's sync would read at that moment: the stored account's tasks. */
const delivered: Array<{ pending: PendingWebhooks; storedContents: string[] }> = [];
let standin: Awaited<ReturnType<typeof startBuiltinStandin>>;

beforeAll(async () => {
  standin = await startBuiltinStandin(store, secret, {
    deliverWebhooks: (pending) => {
      const key = `${learner.key}/lesson-8/standin-small-1`; // the only account here with a webhook that is stored
      void store.get<{ changes: Record<string, { tasks: Record<string, { content: string }> }> }>(key).then((state) =>
        delivered.push({ pending, storedContents: Object.values(state?.changes ?? {}).flatMap((changes) => Object.values(changes.tasks).map((task) => task.content)) }),
      );
    },
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

  it('hands over a write’s events once the account’s state is stored', async () => {
    delivered.length = 0;
    const response = await api(learner, '/tasks', { method: 'POST', body: '{"content":"Announced after storing"}' });
    expect(response.status).toBe(200);
    await expect.poll(() => delivered.length).toBe(1);
    expect(delivered[0]!.pending.changes).toEqual([expect.objectContaining({ event_name: 'item:added' })]);
    expect(delivered[0]!.storedContents).toContain('Announced after storing');
  });

  it('delivers nothing for an account without a webhook, or a throwaway (anonymous) one', async () => {
    delivered.length = 0;
    await api(other, '/tasks', { method: 'POST', body: '{"content":"nobody listens"}' });
    await registerStandinWebhook(store, anonymous, 'lesson-8', hook); // a throwaway account is never stored: nothing to announce
    await api(anonymous, '/tasks', { method: 'POST', body: '{"content":"throwaway"}' });
    await api(learner, '/tasks?limit=1'); // a request after them, so a stray delivery would have been made by now
    expect(delivered).toEqual([]);
  });
});
