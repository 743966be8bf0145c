/**
 * The replica over the mock backend's real Sync (lib/mock/sync.ts): writes
 * through REST or Sync commands show up in the next delta — one request, a
 * few hundred bytes for one changed task — and a token the mock refuses
 * starts the replica over.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createMockBackend, type MockBackend } from '@/lib/mock/backend';
import { MemoryStateStore } from '@/lib/state';
import { TodoistClient } from '@/lib/todoist/client';
import type { Task } from '@/lib/todoist/schemas';
import { syncRead } from '@/lib/todoist/sync';
import type { AccountBackend } from '../accounts';
import { Replica, type ReplicaState } from '../replica';

const NOW = new Date('2026-10-01T12:00:00Z');
const now = () => NOW;
const settings: AccountBackend = { backend: 'mock', upstream: 'todoist', size: 'small', seed: 1 };

let store: MemoryStateStore;
let mock: MockBackend;
let client: TodoistClient;
let replica: Replica;

async function everyActiveTask(): Promise<Task[]> {
  const tasks: Task[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.listPage('tasks', { limit: 200, cursor });
    tasks.push(...page.results);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return tasks;
}

beforeEach(() => {
  store = new MemoryStateStore({ idleMs: 60 * 60_000, maxEntries: 1_000, sweepEveryMs: 0 });
  mock = createMockBackend({ size: 'small', seed: 1, now });
  client = new TodoistClient({ transport: mock.transport, token: 'mock-token' });
  replica = new Replica({ store, tenantKey: 'learner-alice', workspace: 'default', backend: settings, connection: { transport: mock.transport, token: 'mock-token' }, now });
});

describe('the replica over the mock’s Sync', () => {
  it('a full sync holds exactly the active tasks REST pages through, in one request, and learns the account', async () => {
    const result = await replica.refresh();
    expect(result).toMatchObject({ kind: 'full', requests: 1 });
    const state = (await replica.read()) as ReplicaState;
    const active = await everyActiveTask();
    expect(Object.keys(state.items).sort()).toEqual(active.map((task) => task.id).sort());
    expect(state.items[active[0]!.id]).toEqual(active[0]);
    const user = await client.getUser();
    expect(result.userId).toBe(user.id);
    expect(state.timeZone).toBe(user.tz_info.timezone);
  });

  it('a task completed through REST: the next refresh is one request of a few hundred bytes naming that task', async () => {
    await replica.refresh();
    const [target] = await everyActiveTask();
    await client.closeTask(target!.id);
    const result = await replica.refresh();
    expect(result).toMatchObject({ kind: 'incremental', requests: 1, changedItemIds: [target!.id] });
    expect(result.bytes).toBeLessThan(1500);
    expect(result.changedUris).toContain(`todoist://projects/${target!.project_id}/tasks`);
    expect((await replica.read())?.items).not.toHaveProperty(target!.id);
  });

  it('created, updated to today and deleted through REST: each shows in the next delta', async () => {
    await replica.refresh();
    const created = await client.createTask({ content: 'Call the plumber' });
    expect((await replica.refresh()).changedItemIds).toEqual([created.id]);
    await client.updateTask(created.id, { due_date: '2026-10-01' });
    const dated = await replica.refresh();
    expect(dated.changedUris).toContain('todoist://tasks/today');
    await client.deleteTask(created.id);
    const deleted = await replica.refresh();
    expect(deleted.changedItemIds).toEqual([created.id]);
    expect((await replica.read())?.items).not.toHaveProperty(created.id);
  });

  it('a write through a Sync command shows in the next delta', async () => {
    await replica.refresh();
    const [target] = await everyActiveTask();
    const { response } = await syncRead({ transport: mock.transport, token: 'mock-token' }, {
      syncToken: '*', resourceTypes: ['user'], commands: [{ type: 'item_close', uuid: crypto.randomUUID(), args: { id: target!.id } }],
    });
    expect(Object.values(response.sync_status ?? {})).toEqual(['ok']);
    expect((await replica.refresh()).changedItemIds).toEqual([target!.id]);
  });

  it('a token the mock refuses (edited): started over with a full sync, and the replica still matches the account', async () => {
    await replica.refresh();
    const stored = (await replica.read()) as ReplicaState;
    await store.set(replica.key, { ...stored, syncToken: `${stored.syncToken}x` });
    const [target] = await everyActiveTask();
    await client.closeTask(target!.id);
    const result = await replica.refresh();
    expect(result).toMatchObject({ kind: 'full', requests: 2, changedItemIds: [target!.id] });
    expect(result.reason).toMatch(/refused the sync token \(400 INVALID_ARGUMENT_VALUE\)/);
    expect(Object.keys((await replica.read())?.items ?? {}).sort()).toEqual((await everyActiveTask()).map((task) => task.id).sort());
  });

  it('two tenants with their own mocks of one dataset never see each other’s changes', async () => {
    const bobsMock = createMockBackend({ size: 'small', seed: 1, now });
    const bobs = new Replica({ store, tenantKey: 'learner-bob', workspace: 'default', backend: settings, connection: { transport: bobsMock.transport, token: 'mock-token' }, now });
    await Promise.all([replica.refresh(), bobs.refresh()]);
    const [target] = await everyActiveTask();
    await client.closeTask(target!.id);
    const [alices, bobsResult] = await Promise.all([replica.refresh(), bobs.refresh()]);
    expect(alices.changedItemIds).toEqual([target!.id]);
    expect(bobsResult.changedItemIds).toEqual([]);
    expect((await bobs.read())?.items).toHaveProperty(target!.id);
  });
});
