/**
 * The replica against a small fake Sync server: full then incremental,
 * deltas applied (completed and deleted tasks leave, reopened ones return),
 * the resource URIs each change touches, a refused token, tenants apart, and
 * two refreshes at once.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryStateStore, stateKey } from '@/lib/state';
import type { Task } from '@/lib/todoist/schemas';
import { projectFixture, taskFixture } from '@/lib/todoist/__tests__/fixtures';
import { TodoistApiError } from '@/lib/todoist/errors';
import type { AccountBackend } from '../accounts';
import { Replica, replicaKey, type ReplicaState } from '../replica';
import { fakeSyncServer, type FakeSyncServer } from './fake-sync-server';

const NOW = new Date('2026-10-01T12:00:00Z');
const TODAY = '2026-10-01';
const backend: AccountBackend = { backend: 'real', upstream: 'standin', size: 'small', seed: 1 };
const INBOX = 'inbox0000000001';
const WORK = 'work00000000001';

const due = (date: string) => ({ date, string: date, lang: 'en', is_recurring: false, timezone: null });
const today = taskFixture({ id: 'today-task', project_id: INBOX, due: due(TODAY) });
const overdue = taskFixture({ id: 'overdue-task', project_id: WORK, due: due('2026-09-28') });
const later = taskFixture({ id: 'later-task', project_id: WORK, due: due('2026-10-09') });
const undated = taskFixture({ id: 'undated-task', project_id: INBOX, due: null });

let store: MemoryStateStore;
let server: FakeSyncServer;

function replica(tenantKey = 'learner-alice', workspace = 'default'): Replica {
  return new Replica({ store, tenantKey, workspace, backend, connection: { transport: server.transport, token: 'tok' }, now: () => NOW });
}

async function primed(): Promise<Replica> {
  const r = replica();
  await r.refresh();
  return r;
}

beforeEach(() => {
  store = new MemoryStateStore({ idleMs: 60 * 60_000, maxEntries: 1_000, sweepEveryMs: 0 });
  server = fakeSyncServer({
    tasks: [today, overdue, later, undated],
    projects: [projectFixture({ id: INBOX, name: 'Inbox' }), projectFixture({ id: WORK, name: 'Work' })],
  });
});

describe('the first refresh', () => {
  it('is a full sync that says why, holds the active tasks and projects, and learns the user', async () => {
    const r = replica();
    const result = await r.refresh();
    expect(result).toMatchObject({ kind: 'full', reason: 'first sync: no earlier state to compare with', requests: 1, userId: '2671355' });
    expect(result.bytes).toBeGreaterThan(1000);
    expect(result.changedItemIds).toEqual(['later-task', 'overdue-task', 'today-task', 'undated-task']);
    expect(result.changedUris).toEqual([
      'todoist://projects',
      `todoist://projects/${INBOX}/tasks`,
      `todoist://projects/${WORK}/tasks`,
      'todoist://tasks/overdue',
      'todoist://tasks/today',
    ]);
    const state = (await r.read()) as ReplicaState;
    expect(state.syncToken).toBe('tok-0');
    expect(Object.keys(state.items).sort()).toEqual(['later-task', 'overdue-task', 'today-task', 'undated-task']);
    expect(Object.keys(state.projects).sort()).toEqual([INBOX, WORK]);
    expect(state).toMatchObject({ userId: '2671355', timeZone: 'UTC', syncedAt: NOW.toISOString() });
    expect(server.tokensSeen).toEqual(['*']);
  });

  it('is stored under the tenant and workspace: one tenant’s replica is never another’s', async () => {
    await replica('learner-alice').refresh();
    expect(replicaKey('learner-alice', 'default', backend)).toBe(stateKey('learner-alice', 'default', 'replica-real-standin'));
    expect(await store.get(replicaKey('learner-alice', 'default', backend))).toBeDefined();
    expect(await replica('learner-bob').read()).toBeUndefined();
    expect(replicaKey('learner-bob', 'default', { backend: 'mock', upstream: 'todoist', size: 'large', seed: 3 })).toBe('learner-bob/default/replica-mock-large-3');
  });
});

describe('incremental refreshes', () => {
  it('completing a task due today: one request, the task leaves, today and its project change — not overdue', async () => {
    const r = await primed();
    server.changeTask({ ...today, checked: true, completed_at: NOW.toISOString() });
    const result = await r.refresh();
    expect(result).toMatchObject({ kind: 'incremental', requests: 1, changedItemIds: ['today-task'], changedProjectIds: [] });
    expect(result).not.toHaveProperty('reason');
    expect(result.changedUris).toEqual([`todoist://projects/${INBOX}/tasks`, 'todoist://tasks/today']);
    expect(result.bytes).toBeLessThan(1500);
    expect((await r.read())?.items).not.toHaveProperty('today-task');
    expect(server.tokensSeen).toEqual(['*', 'tok-0']);
  });

  it('completing an overdue task touches today (which lists overdue too) and overdue', async () => {
    const r = await primed();
    server.changeTask({ ...overdue, checked: true });
    expect((await r.refresh()).changedUris).toEqual([`todoist://projects/${WORK}/tasks`, 'todoist://tasks/overdue', 'todoist://tasks/today']);
  });

  it('a task moved to another project and to a later day: both projects, and today it left', async () => {
    const r = await primed();
    server.changeTask({ ...today, project_id: WORK, due: due('2026-10-20') });
    const result = await r.refresh();
    expect(result.changedUris).toEqual([`todoist://projects/${INBOX}/tasks`, `todoist://projects/${WORK}/tasks`, 'todoist://tasks/today']);
    expect((await r.read())?.items['today-task']?.project_id).toBe(WORK);
  });

  it('a task given a date today joins today; a change far from today touches only its project', async () => {
    const r = await primed();
    server.changeTask({ ...undated, due: due(TODAY) });
    expect((await r.refresh()).changedUris).toEqual([`todoist://projects/${INBOX}/tasks`, 'todoist://tasks/today']);
    server.changeTask({ ...later, content: 'Renamed' });
    expect((await r.refresh()).changedUris).toEqual([`todoist://projects/${WORK}/tasks`]);
  });

  it('a deleted task leaves, in full or as a bare tombstone; the URIs come from what it was', async () => {
    const r = await primed();
    server.changeTask({ ...overdue, is_deleted: true });
    expect((await r.refresh()).changedUris).toContain('todoist://tasks/overdue');
    server.changeTask({ id: 'today-task', is_deleted: true } as unknown as Task);
    const result = await r.refresh();
    expect(result.changedUris).toEqual([`todoist://projects/${INBOX}/tasks`, 'todoist://tasks/today']);
    expect(Object.keys((await r.read())?.items ?? {}).sort()).toEqual(['later-task', 'undated-task']);
  });

  it('a reopened task comes back', async () => {
    const r = await primed();
    server.changeTask({ ...today, checked: true });
    await r.refresh();
    server.changeTask({ ...today, checked: false });
    const result = await r.refresh();
    expect(result.changedItemIds).toEqual(['today-task']);
    expect((await r.read())?.items['today-task']).toMatchObject({ checked: false });
  });

  it('new tasks are added; a project renamed or archived changes todoist://projects', async () => {
    const r = await primed();
    server.changeTask(taskFixture({ id: 'new-task', project_id: WORK, due: null }));
    server.changeProject(projectFixture({ id: INBOX, name: 'Inbox (renamed)' }));
    server.changeProject(projectFixture({ id: WORK, name: 'Work', is_archived: true }));
    const result = await r.refresh();
    expect(result.changedItemIds).toEqual(['new-task']);
    expect(result.changedProjectIds).toEqual([INBOX, WORK]);
    expect(result.changedUris).toEqual(['todoist://projects', `todoist://projects/${WORK}/tasks`]);
    const state = await r.read();
    expect(Object.keys(state?.projects ?? {})).toEqual([INBOX]);
    expect(state?.items['new-task']).toBeDefined();
  });

  it('nothing changed: an empty delta publishes nothing', async () => {
    const r = await primed();
    expect(await r.refresh()).toMatchObject({ kind: 'incremental', changedItemIds: [], changedProjectIds: [], changedUris: [], requests: 1 });
  });

  it('a delta that repeats a task unchanged counts it as no change', async () => {
    const r = await primed();
    server.changeTask(later);
    expect((await r.refresh()).changedItemIds).toEqual([]);
  });
});

describe('starting over', () => {
  it('a token the API refuses: drops it, does a full sync, says so — two requests, and the replica matches the account', async () => {
    const r = await primed();
    const stored = (await r.read()) as ReplicaState;
    await store.set(r.key, { ...stored, syncToken: 'tok-999' });
    server.changeTask({ ...today, checked: true });
    const result = await r.refresh();
    expect(result.kind).toBe('full');
    expect(result.reason).toBe('the API refused the sync token (400 INVALID_ARGUMENT_VALUE): started over with a full sync');
    expect(result.requests).toBe(2);
    expect(result.changedItemIds).toEqual(['today-task']);
    expect(result.changedUris).toEqual([`todoist://projects/${INBOX}/tasks`, 'todoist://tasks/today']);
    expect(server.tokensSeen.slice(1)).toEqual(['tok-999', '*']);
    expect((await r.read())?.syncToken).toBe('tok-1');
  });

  it('a full answer to an incremental request replaces the replica, and says the API chose it', async () => {
    const r = await primed();
    server.answerFullNext();
    server.changeTask({ ...later, is_deleted: true });
    const result = await r.refresh();
    expect(result).toMatchObject({ kind: 'full', reason: expect.stringMatching(/the API answered with a full sync/), changedItemIds: ['later-task'] });
    expect(await r.read()).not.toHaveProperty('items.later-task');
  });

  it('reset forgets the replica: the next refresh is a first sync', async () => {
    const r = await primed();
    await r.reset();
    expect(await r.read()).toBeUndefined();
    expect((await r.refresh()).reason).toMatch(/first sync/);
  });

  it('any other failure leaves the stored replica as it was, and is thrown', async () => {
    const r = await primed();
    const stored = JSON.stringify(await r.read());
    const failing = new Replica({
      store, tenantKey: 'learner-alice', workspace: 'default', backend, now: () => NOW,
      connection: { transport: async () => Response.json({ error: 'Unauthorized', error_code: 401, error_extra: {}, error_tag: 'UNAUTHORIZED', http_code: 401 }, { status: 401 }), token: 'revoked' },
    });
    await expect(failing.refresh()).rejects.toBeInstanceOf(TodoistApiError);
    expect(JSON.stringify(await r.read())).toBe(stored);
  });
});

describe('two refreshes of one account at once', () => {
  it('run one after the other: the second asks from the first’s token, so the change is applied and reported once', async () => {
    const first = await primed();
    const second = replica(); // another object for the same tenant, workspace and account: another webhook
    server.changeTask({ ...today, checked: true });
    const held = server.holdNext();
    const both = Promise.all([first.refresh(), second.refresh()]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(server.tokensSeen).toEqual(['*', 'tok-0']); // the second has not started
    held.release();
    const [a, b] = await both;
    expect(a.changedItemIds).toEqual(['today-task']);
    expect(b.changedItemIds).toEqual([]);
    expect(server.tokensSeen).toEqual(['*', 'tok-0', 'tok-1']);
  });

  it('a failed refresh does not block the next one', async () => {
    const r = await primed();
    const stored = (await r.read()) as ReplicaState;
    await store.set(r.key, { ...stored, syncToken: null });
    const broken = new Replica({ store, tenantKey: 'learner-alice', workspace: 'default', backend, connection: { transport: async () => new Response('oops', { status: 500 }), token: 't' } });
    const results = await Promise.allSettled([broken.refresh(), replica().refresh()]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled']);
  });
});
