/**
 * A mock backend per request over a learner's workspace state: the generated
 * data is shared and frozen, the state holds only the learner's changes, and a
 * later backend over the same state carries on where the earlier one stopped.
 */
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { TodoistClient } from '@/lib/todoist/client';
import { TodoistApiError } from '@/lib/todoist/errors';
import type { Task } from '@/lib/todoist/schemas';
import { createMockBackend, type MockBackendOptions } from '../backend';
import { cannedDataset, SHARED_DATASET_LIMIT, sharedDataset, sharedDatasetCount } from '../shared-dataset';
import { newMockWorkspaceState, type MockWorkspaceState } from '../workspace-state';

const NOW = new Date('2026-10-01T09:00:00Z');
const TODAY = '2026-10-01';
const BASE = 'https://api.todoist.com/api/v1';

/** A backend for one request over `state`, the way the server builds them. */
function request(state: MockWorkspaceState, options: MockBackendOptions = {}) {
  const backend = createMockBackend({ size: 'small', seed: 7, now: () => NOW, state, ...options });
  const client = new TodoistClient({ transport: backend.transport, token: 'any-token' });
  const raw = (path: string, init: RequestInit = {}) =>
    backend.transport(new Request(`${BASE}/${path}`, { ...init, headers: { Authorization: 'Bearer any-token' } }));
  return { backend, client, raw };
}

const snapshot = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

async function status(promise: Promise<unknown>): Promise<number | 'ok'> {
  return promise.then(
    () => 'ok' as const,
    (error: unknown) => (error instanceof TodoistApiError ? error.status : Promise.reject(error)),
  );
}

describe('shared datasets', () => {
  it('are generated once per (size, seed, today) and deep-frozen', () => {
    const base = sharedDataset({ size: 'small', seed: 7, today: TODAY });
    expect(sharedDataset({ size: 'small', seed: 7, today: TODAY })).toBe(base);
    expect(sharedDataset({ size: 'small', seed: 8, today: TODAY })).not.toBe(base);
    const task = base.tasks.find((each) => each.due !== null && each.labels.length > 0)!;
    for (const part of [base, base.tasks, base.projects, base.user, task, task.labels, task.due]) {
      expect(Object.isFrozen(part)).toBe(true);
    }
    expect(() => {
      task.content = 'changed';
    }).toThrow(TypeError);
    expect(() => base.tasks.push(task)).toThrow(TypeError);
    expect(cannedDataset(TODAY).tasks).toHaveLength(12);
    expect(Object.isFrozen(cannedDataset(TODAY).tasks[0])).toBe(true);
  });

  it('keep only the most recently used few', () => {
    const keep = sharedDataset({ size: 'tiny', seed: 1, today: '2030-01-01' });
    for (let day = 1; day <= SHARED_DATASET_LIMIT + 3; day++) {
      sharedDataset({ size: 'tiny', seed: 1, today: `2030-02-${String(day).padStart(2, '0')}` });
      expect(sharedDatasetCount()).toBeLessThanOrEqual(SHARED_DATASET_LIMIT);
    }
    expect(sharedDataset({ size: 'tiny', seed: 1, today: '2030-01-01' })).not.toBe(keep); // evicted, made again
    const recent = sharedDataset({ size: 'tiny', seed: 1, today: `2030-02-${SHARED_DATASET_LIMIT + 3}` });
    expect(sharedDataset({ size: 'tiny', seed: 1, today: `2030-02-${SHARED_DATASET_LIMIT + 3}` })).toBe(recent);
  });
});

describe('mock workspace state', () => {
  it('is small, plain JSON when idle', () => {
    const state = newMockWorkspaceState();
    expect(JSON.stringify(state).length).toBeLessThan(500);
    expect(snapshot(state)).toEqual(state);
    expect(state.scenario.name).toBe('faithful');
    expect(newMockWorkspaceState({ scenario: 'down' }).scenario.name).toBe('down');
    expect(newMockWorkspaceState().cursorSecret).not.toBe(state.cursorSecret);
  });

  it('keeps every write in its own state: not in another workspace, not in the shared base', async () => {
    const base = sharedDataset({ size: 'small', seed: 7, today: TODAY });
    const baseBefore = snapshot(base);
    const mine = newMockWorkspaceState();
    const theirs = newMockWorkspaceState();
    const { client, backend } = request(mine);
    const tasks = backend.store.activeTasks();
    const parent = tasks.find((task) => tasks.some((child) => child.parent_id === task.id))!;
    const recurring = tasks.find((task) => task.due?.is_recurring)!;
    const plain = tasks.find((task) => !task.due?.is_recurring && task.parent_id === null && task.id !== parent.id)!;

    const created = await client.createTask({ content: 'Mine only', due_string: 'tomorrow' });
    await client.updateTask(plain.id, { content: 'Renamed', labels: ['mine'] });
    await client.closeTask(recurring.id);
    await client.deleteTask(parent.id);
    await client.closeTask(created.id);
    await client.reopenTask(created.id);

    expect(backend.store.activeTasks().some((task) => task.parent_id === parent.id)).toBe(false); // subtasks went too
    expect((await client.getTask(plain.id)).labels).toEqual(['mine']);
    expect((await client.getTask(recurring.id)).due!.date > recurring.due!.date).toBe(true);
    expect(Object.keys(mine.changes)).toEqual(['small:7']);

    expect(snapshot(base)).toEqual(baseBefore);
    for (const other of [request(theirs), request(newMockWorkspaceState()), { client: new TodoistClient({ transport: createMockBackend({ size: 'small', seed: 7, now: () => NOW }).transport, token: 't' }) }]) {
      expect(await status(other.client.getTask(created.id))).toBe(404);
      expect((await other.client.getTask(plain.id)).content).toBe(plain.content);
      expect(await status(other.client.getTask(parent.id))).toBe('ok');
    }
    expect(theirs.changes).toEqual({});
  });

  it('lets a later backend over the same state see the writes, the scenario, the counters and the cursors', async () => {
    const state = newMockWorkspaceState();
    const first = request(state);
    const created = await first.client.createTask({ content: 'Made in request 1' });
    const page = await (await first.raw('tasks?limit=10')).json();
    first.backend.setScenario({ name: 'rate-limited', rateLimit: { requests: 4, windowMs: 60_000 } });
    await first.client.getUser();
    await first.client.getUser();

    const second = request(state);
    expect(second.backend.state).toBe(state);
    expect(second.backend.scenario.name).toBe('rate-limited');
    expect(second.backend.faultCounters.windowRequests).toBe(2);
    expect((await second.client.getTask(created.id)).content).toBe('Made in request 1');
    const next = await second.raw(`tasks?limit=10&cursor=${page.next_cursor}`);
    expect(next.status).toBe(200); // the window's 4th request, the last one allowed
    expect(await status(request(state).client.getUser())).toBe(429); // the 5th, from a third backend

    const elsewhere = request(newMockWorkspaceState());
    expect((await elsewhere.raw(`tasks?limit=10&cursor=${page.next_cursor}`)).status).toBe(400);
    const otherSize = request(state, { size: 'tiny', scenario: 'faithful' });
    expect((await otherSize.raw(`tasks?limit=10&cursor=${page.next_cursor}`)).status).toBe(400);
  });

  it('survives a JSON round trip, as through a key-value store', async () => {
    const state = newMockWorkspaceState();
    const first = request(state);
    const created = await first.client.createTask({ content: 'Stored and loaded' });
    const closed = first.backend.store.activeTasks()[0]!;
    await first.client.closeTask(closed.id);
    first.backend.setScenario({ name: 'page-fails', pageFails: { page: 3, times: 1 } });

    const loaded = JSON.parse(JSON.stringify(state)) as MockWorkspaceState;
    const second = request(loaded);
    expect(second.backend.scenario).toEqual(first.backend.scenario);
    expect((await second.client.getTask(created.id)).content).toBe('Stored and loaded');
    expect(await status(second.client.getTask(closed.id))).toBe(404);
    expect(second.backend.store.activeTasks().map((task) => task.id)).toEqual(first.backend.store.activeTasks().map((task) => task.id));
    const page = await (await first.raw('tasks?limit=10')).json();
    expect((await second.raw(`tasks?limit=10&cursor=${page.next_cursor}`)).status).toBe(200);
  });

  it('mints distinct ids across backends over the same state', async () => {
    const state = newMockWorkspaceState();
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add((await request(state).client.createTask({ content: `task ${i}` })).id);
    expect(ids.size).toBe(5);
    expect(request(state).backend.store.activeTasks().filter((task) => task.content.startsWith('task '))).toHaveLength(5);
  });

  it('continues flaky’s seeded dice across backends: one per request fails the same calls as one for all', async () => {
    const outcomes = async (backendFor: () => { client: TodoistClient }) => {
      const results: Array<number | 'ok'> = [];
      for (let i = 0; i < 30; i++) results.push(await status(backendFor().client.getUser()));
      return results;
    };
    const single = request(newMockWorkspaceState({ scenario: 'flaky' }));
    const state = newMockWorkspaceState({ scenario: 'flaky' });
    const perRequest = await outcomes(() => request(state));
    expect(perRequest).toEqual(await outcomes(() => single));
    expect(new Set(perRequest).size).toBeGreaterThan(1);
  });

  it('takes a request’s own scenario without switching the workspace’s', async () => {
    const state = newMockWorkspaceState();
    const down = request(state, { scenario: 'naive' });
    expect(down.backend.scenario.name).toBe('naive');
    expect((await (await down.raw('tasks')).json()).results).toHaveLength(12);
    expect(request(state).backend.scenario.name).toBe('faithful');
    expect(state.scenario.name).toBe('faithful');
    down.backend.setScenario('down');
    expect(request(state).backend.scenario.name).toBe('down');
  });

  it('reset() clears the changes and the counters, and keeps the scenario', async () => {
    const state = newMockWorkspaceState({ scenario: { name: 'rate-limited', rateLimit: { requests: 100 } } });
    const { client, backend } = request(state);
    await client.createTask({ content: 'temporary' });
    expect(state.counters.windowRequests).toBe(1);
    request(state).backend.reset();
    expect(state.changes).toEqual({});
    expect(state.counters.windowRequests).toBe(0);
    expect(state.scenario.name).toBe('rate-limited');
    expect(backend.store.activeTasks()).toHaveLength(180);
  });

  it('keeps a workspace’s writes per dataset: the same workspace at another size is another account', async () => {
    const state = newMockWorkspaceState();
    const small = request(state);
    const created = await small.client.createTask({ content: 'small only' });
    const tiny = request(state, { size: 'tiny' });
    expect(tiny.backend.store.activeTasks()).toHaveLength(12);
    expect(await status(tiny.client.getTask(created.id))).toBe(404);
    expect(await status(request(state).client.getTask(created.id))).toBe('ok');
  });

  it('keeps the changes on the day they were made, when the clock passes midnight', async () => {
    const state = newMockWorkspaceState();
    const today = request(state);
    const task = today.backend.store.activeTasks().find((each) => each.due !== null)!;
    await today.client.updateTask(task.id, { content: 'edited' });
    const tomorrow = request(state, { now: () => new Date('2026-10-02T09:00:00Z') });
    expect(tomorrow.backend.store.base).toBe(today.backend.store.base);
    expect((await tomorrow.client.getTask(task.id)).content).toBe('edited');
    const untouched = request(newMockWorkspaceState(), { now: () => new Date('2026-10-02T09:00:00Z') });
    expect(untouched.backend.store.base).not.toBe(today.backend.store.base); // nothing to keep: today's data
  });

  it('treats ids as data, never as keys into an object’s prototype', async () => {
    const state = newMockWorkspaceState();
    const { client } = request(state);
    await client.createTask({ content: 'so the workspace has changes' });
    for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(await status(client.getTask(id)), id).toBe(404);
      expect(await status(client.closeTask(id)), id).toBe(404);
      expect(await status(client.reopenTask(id)), id).toBe(404);
    }
  });

  it('never writes a task the workspace does not own (every write copies first)', () => {
    const state = newMockWorkspaceState();
    const { backend } = request(state);
    const shared: Task = backend.store.activeTasks()[0]!;
    const owned = backend.store.own(shared);
    expect(owned).not.toBe(shared);
    expect(backend.store.own(shared)).toBe(owned);
    expect(backend.store.findActiveTask(shared.id)).toBe(owned);
    expect(Object.isFrozen(shared)).toBe(true);
  });

  it('costs at most 50 KB of heap per idle workspace once its backends are dropped', () => {
    const gc = exposeGc();
    const states: MockWorkspaceState[] = [];
    request(newMockWorkspaceState()).backend.store.activeTasks(); // the shared dataset exists before we count
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 500; i++) {
      const state = newMockWorkspaceState();
      request(state).backend.store.activeTasks();
      states.push(state);
    }
    gc();
    const perWorkspace = (process.memoryUsage().heapUsed - before) / states.length;
    expect(perWorkspace).toBeLessThanOrEqual(50 * 1024);
  });
});

/** `global.gc` when the process has it; else the V8 flag, switched on at runtime. */
function exposeGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}
