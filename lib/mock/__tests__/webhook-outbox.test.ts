/**
 * The change outbox: every write of an account with a webhook queues the
 * events Todoist would deliver (one per task, a closed parent's subtasks
 * included), in memory, for whoever stores the state to hand to the sender.
 */
import { describe, expect, it } from 'vitest';
import { ITEM_EVENTS } from '@/lib/realtime/webhook-event';
import type { Task } from '@/lib/todoist/schemas';
import { MemoryStateStore } from '@/lib/state';
import { createMockBackend, type MockBackendOptions } from '../backend';
import { answerForAccount, registerAccountWebhook } from '../standin-accounts';
import { deliverThrough, parseWebhookRegistration, WEBHOOK_FAULTS, type PendingWebhooks, type WebhookRegistration } from '../webhook-outbox';
import { newMockWorkspaceState } from '../workspace-state';

const NOW = new Date('2026-10-01T09:00:00Z');
const BASE = 'https://api.todoist.com/api/v1';
const HOOK: WebhookRegistration = { callbackUrl: 'http://127.0.0.1:3000/api/webhooks/todoist', faults: {} };

function setup(options: MockBackendOptions = {}) {
  const backend = createMockBackend({ size: 'small', seed: 7, now: () => NOW, ...options });
  const send = (path: string, init: RequestInit = {}) =>
    backend.transport(new Request(`${BASE}/${path}`, { ...init, headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' } }));
  const commands = (list: unknown[]) => send('sync', { method: 'POST', body: JSON.stringify({ commands: list }) });
  return { backend, send, commands };
}

const events = (pending: PendingWebhooks | undefined) => pending?.changes.map((entry) => [entry.event_name, entry.task.id]) ?? [];

describe('webhook outbox', () => {
  it('queues nothing without a webhook: an account nobody listens to keeps no events', async () => {
    const { backend, send } = setup();
    await send('tasks', { method: 'POST', body: '{"content":"quiet"}' });
    expect(backend.takeWebhookOutbox()).toBeUndefined();
    expect(backend.store.takeOutbox()).toEqual([]);
  });

  it('queues one event per task changed, REST or Sync, in order, taken once', async () => {
    const { backend, send, commands } = setup();
    backend.setWebhook(HOOK);
    const tasks = backend.store.activeTasks();
    const parent = tasks.find((task) => !task.due?.is_recurring && tasks.some((child) => child.parent_id === task.id))!;
    const children = backend.store.descendantsOf(parent.id).filter((task) => !task.checked && !task.is_deleted);
    const other = tasks.find((task) => task.parent_id === null && task.id !== parent.id && !task.due?.is_recurring)!;

    const created = (await (await send('tasks', { method: 'POST', body: '{"content":"Announce me"}' })).json()) as Task;
    await send(`tasks/${created.id}`, { method: 'POST', body: '{"content":"Renamed"}' });
    await send(`tasks/${parent.id}/close`, { method: 'POST' });
    await send(`tasks/${parent.id}/reopen`, { method: 'POST' });
    await commands([{ type: 'item_delete', uuid: 'd1', args: { id: other.id } }, { type: 'item_add', uuid: 'a1', temp_id: 't', args: { content: 'By Sync' } }]);

    const pending = backend.takeWebhookOutbox()!;
    const added = pending.changes.at(-1)!.task.id;
    expect(events(pending)).toEqual([
      ['item:added', created.id],
      ['item:updated', created.id],
      ['item:completed', parent.id],
      ...children.map((child) => ['item:completed', child.id]),
      ['item:uncompleted', parent.id],
      ['item:deleted', other.id],
      ['item:added', added],
    ]);
    expect(children.length).toBeGreaterThan(0);
    expect(pending.changes.every((entry) => (ITEM_EVENTS as readonly string[]).includes(entry.event_name))).toBe(true);
    expect(pending).toMatchObject({
      registration: HOOK,
      userId: backend.userId,
      initiator: { id: backend.userId, full_name: backend.user.full_name, email: backend.user.email, image_id: null },
    });
    // The task as the API shows it: the account's id, and as it was then (a later write does not reach back).
    expect(pending.changes[0]!.task).toMatchObject({ content: 'Announce me', user_id: backend.userId });
    expect(pending.changes[1]!.task.content).toBe('Renamed');
    expect(pending.changes[0]!.triggered_at).toBe(NOW.toISOString());
    expect(backend.takeWebhookOutbox()).toBeUndefined();
  });

  it('announces a recurring task’s close as a completion, the task still open on its next date', async () => {
    const { backend, send } = setup({ state: newMockWorkspaceState() });
    backend.setWebhook(HOOK);
    const recurring = backend.store.activeTasks().find((task) => task.due?.is_recurring)!;
    await send(`tasks/${recurring.id}/close`, { method: 'POST' });
    const [entry] = backend.takeWebhookOutbox()!.changes;
    expect(entry).toMatchObject({ event_name: 'item:completed', task: { id: recurring.id, checked: false } });
    expect(entry!.task.due!.date > recurring.due!.date).toBe(true);
  });

  it('keeps the registration in the state (plain JSON), and setWebhook(undefined) removes it', () => {
    const state = newMockWorkspaceState();
    createMockBackend({ state }).setWebhook({ callbackUrl: HOOK.callbackUrl, faults: { duplicate: true, lateMs: 2_000 } });
    const loaded = JSON.parse(JSON.stringify(state)) as typeof state;
    expect(loaded.webhook).toEqual({ callbackUrl: HOOK.callbackUrl, faults: { duplicate: true, lateMs: 2_000 } });
    createMockBackend({ state: loaded }).setWebhook(undefined);
    expect('webhook' in loaded).toBe(false);
  });
});

describe('deliverThrough', () => {
  it('hands the pending events to the sender as they are, and a sender’s refusal to onError, never to the write', () => {
    const pending = { registration: HOOK, userId: '123456789', initiator: {} as PendingWebhooks['initiator'], changes: [] };
    const sent: unknown[] = [];
    deliverThrough({ deliver: (input) => (sent.push(input), []) })(pending);
    expect(sent).toEqual([pending]);
    const errors: unknown[] = [];
    const refusing = deliverThrough({ deliver: () => { throw new Error('not a URL'); } }, (error) => errors.push(error));
    expect(() => refusing(pending)).not.toThrow();
    expect(errors).toEqual([new Error('not a URL')]);
  });
});

describe('parseWebhookRegistration', () => {
  it('takes an http(s) callback and the sender’s faults, keeping only those switched on', () => {
    const faults = { duplicate: true, outOfOrder: false, lost: true, badSignature: true, redeliver: true, lateMs: 0 };
    expect(parseWebhookRegistration({ callbackUrl: 'https://example.com/hook', faults })).toEqual({
      registration: { callbackUrl: 'https://example.com/hook', faults: { duplicate: true, lost: true, badSignature: true, redeliver: true } },
    });
    expect(parseWebhookRegistration({ callbackUrl: 'http://127.0.0.1:3000/x', faults: { lateMs: 60_000 } })).toEqual({
      registration: { callbackUrl: 'http://127.0.0.1:3000/x', faults: { lateMs: 60_000 } },
    });
    expect(parseWebhookRegistration({ callbackUrl: 'http://127.0.0.1:3000/x' })).toEqual({
      registration: { callbackUrl: 'http://127.0.0.1:3000/x', faults: {} },
    });
    expect(WEBHOOK_FAULTS).toEqual(['duplicate', 'outOfOrder', 'lost', 'badSignature', 'redeliver', 'lateMs']);
  });

  it.each([
    [null, /must be an object/],
    [['x'], /must be an object/],
    [{ callbackUrl: 'javascript:alert(1)' }, /http or https/],
    [{ callbackUrl: 'file:///etc/passwd' }, /http or https/],
    [{ callbackUrl: 'not a url' }, /http or https/],
    [{ callbackUrl: `https://example.com/${'a'.repeat(2048)}` }, /2048/],
    [{ callbackUrl: 'https://example.com', faults: { explode: true } }, /faults must be an object of duplicate, outOfOrder/],
    [{ callbackUrl: 'https://example.com', faults: { duplicate: 'yes' } }, /true or false/],
    [{ callbackUrl: 'https://example.com', faults: { lateMs: 60_001 } }, /lateMs \(0 to 60000\)/],
    [{ callbackUrl: 'https://example.com', faults: { lateMs: 1.5 } }, /lateMs/],
    [{ callbackUrl: 'https://example.com', faults: ['duplicate'] }, /faults must be an object/],
  ])('refuses %j', (input, message) => {
    const parsed = parseWebhookRegistration(input);
    expect('error' in parsed && parsed.error).toMatch(message);
  });
});

describe('a signed-in sample account (stand-in OAuth)', () => {
  it('registers a webhook, and hands over its events only after its state is stored', async () => {
    const store = new MemoryStateStore({ idleMs: 60_000, maxEntries: 100, sweepEveryMs: 0 });
    const grant = { accountId: 'alice-1a2b3c4d', sampleId: 'alice', scopes: ['data:read_write' as const], clientId: 'app' };
    expect(await registerAccountWebhook(store, grant, HOOK)).toBe('alice-1a2b3c4d');

    const seen: Array<{ pending: PendingWebhooks; storedTask: unknown }> = [];
    const request = new Request(`${BASE}/tasks`, {
      method: 'POST',
      headers: { Authorization: 'Bearer oauth', 'Content-Type': 'application/json' },
      body: '{"content":"Alice’s change"}',
    });
    const response = await answerForAccount(store, grant, request, (pending) => {
      const id = pending.changes[0]!.task.id;
      // What a receiver's sync would read right now: the stored account already has the task.
      void store.get<{ changes: Record<string, { tasks: Record<string, unknown> }> }>('standin-alice-1a2b3c4d/account/small-101').then((state) =>
        seen.push({ pending, storedTask: Object.values(state!.changes)[0]!.tasks[id] }),
      );
    });
    expect(response.status).toBe(200);
    await Promise.resolve();
    await Promise.resolve();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.pending).toMatchObject({ userId: 'alice-1a2b3c4d', initiator: { full_name: 'Alice Example' } });
    expect(seen[0]!.pending.changes[0]).toMatchObject({ event_name: 'item:added', task: { content: 'Alice’s change', user_id: 'alice-1a2b3c4d' } });
    expect(seen[0]!.storedTask).toMatchObject({ content: 'Alice’s change' });
  });
});
