/**
 * A request's workspace: loaded from the StateStore by tenant and workspace, written back by persist(), never
 * stored for anonymous callers — and gone once idle (issue 14's planted bug "evicted sessions never closed",
 * which with SDK v2 means: an idle workspace must be dropped from the store).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Tenant } from '@/lib/identity/learner';
import { freshCounters, newMockWorkspaceState } from '@/lib/mock/workspace-state';
import { MemoryStateStore } from '@/lib/state/memory-store';
import type { StateStore } from '@/lib/state';
import { newResilienceRecord } from '../../resilience';
import { SessionSettingsSchema } from '../session-settings';
import type { PendingWebhooks } from '@/lib/mock/webhook-outbox';
import { mockStateKey, openWorkspace, registerWorkspaceWebhook } from '../workspace';

const learner: Tenant = { key: 'learner-abc', kind: 'learner' };
const anonymous: Tenant = { key: 'anon-1', kind: 'anonymous' };
const settings = (query: Record<string, string> = {}) => SessionSettingsSchema.parse(query);

function spiedStore(clock = { now: 0 }, idleMs = 60_000) {
  const store = new MemoryStateStore({ idleMs, maxEntries: 100, now: () => clock.now, sweepEveryMs: 0 });
  const calls: string[] = [];
  const spied: StateStore = {
    get: async (key) => (calls.push(`get ${key}`), store.get(key)),
    set: async (key, value, options) => (calls.push(`set ${key}`), store.set(key, value, options)),
    delete: async (key) => (calls.push(`delete ${key}`), store.delete(key)),
    take: async (key) => (calls.push(`take ${key}`), store.take(key)),
    setIfAbsent: async (key, value, options) => (calls.push(`setIfAbsent ${key}`), store.setIfAbsent(key, value, options)),
    deleteIf: async (key, value) => (calls.push(`deleteIf ${key}`), store.deleteIf(key, value)),
    mapSet: async (key, field, value, options) => (calls.push(`mapSet ${key} ${field}`), store.mapSet(key, field, value, options)),
    mapGetAll: async (key) => (calls.push(`mapGetAll ${key}`), store.mapGetAll(key)),
    mapGet: async (key, field) => (calls.push(`mapGet ${key} ${field}`), store.mapGet(key, field)),
    mapDelete: async (key, field) => (calls.push(`mapDelete ${key} ${field}`), store.mapDelete(key, field)),
  };
  return { store, spied, calls, clock };
}

afterEach(() => vi.useRealTimers());

describe('openWorkspace', () => {
  it("a learner's mock workspace: read from, and written back under, tenant/workspace keys", async () => {
    const { spied, calls, store } = spiedStore();
    const workspace = await openWorkspace(spied, learner, settings({ workspace: 'demo-1', size: 'small', seed: '3' }));
    expect(workspace.label).toBe('demo-1');
    expect(workspace.mock).toBeDefined();
    expect(workspace.resilience).toEqual(newResilienceRecord());
    expect(calls).toEqual(['get learner-abc/demo-1/resilience-mock-small-3', 'get learner-abc/demo-1/mock-small-3']);
    calls.length = 0;
    await workspace.persist();
    expect(calls).toEqual(['set learner-abc/demo-1/resilience-mock-small-3', 'set learner-abc/demo-1/mock-small-3']);
    expect(await store.get('learner-abc/demo-1/resilience-mock-small-3')).toBe(workspace.resilience);
    expect(await store.get('learner-abc/demo-1/mock-small-3')).toBe(workspace.mock!.state);
  });

  it('the next request carries on with what the last one stored', async () => {
    const { spied } = spiedStore();
    const first = await openWorkspace(spied, learner, settings());
    first.resilience.breaker.consecutiveFailures = 2;
    first.mock!.setScenario('flaky');
    await first.persist();
    const second = await openWorkspace(spied, learner, settings());
    expect(second.resilience.breaker.consecutiveFailures).toBe(2);
    expect(second.mock!.scenario.name).toBe('flaky'); // no scenario in the URL: the workspace keeps its own
    const third = await openWorkspace(spied, learner, settings({ scenario: 'down' }));
    expect(third.mock!.scenario.name).toBe('down'); // a scenario in the URL becomes the workspace's
    expect(third.mock!.state.scenario.name).toBe('down');
  });

  it('a URL naming the scenario the workspace already has does not switch it again (which would reset its counters)', async () => {
    const { spied, store } = spiedStore();
    const state = newMockWorkspaceState({ scenario: 'flaky' });
    state.counters = freshCounters(12_345);
    await store.set('learner-abc/default/mock-small-1', state);
    const workspace = await openWorkspace(spied, learner, settings({ scenario: 'flaky' }));
    expect(workspace.mock!.state.counters).toEqual(freshCounters(12_345));
  });

  it('a new workspace starts with the scenario from the URL', async () => {
    const { spied } = spiedStore();
    const workspace = await openWorkspace(spied, learner, settings({ scenario: 'slow' }));
    expect(workspace.mock!.scenario.name).toBe('slow');
  });

  it('a real backend has no mock; its resilience is keyed by where it points', async () => {
    const { spied, calls } = spiedStore();
    const workspace = await openWorkspace(spied, learner, settings({ backend: 'real', upstream: 'standin' }));
    expect(workspace.mock).toBeUndefined();
    await workspace.persist();
    expect(calls).toEqual(['get learner-abc/default/resilience-real-standin', 'set learner-abc/default/resilience-real-standin']);
  });

  it('an anonymous caller gets a throwaway workspace: the store is never read or written', async () => {
    const { spied, calls, store } = spiedStore();
    await store.set('anon-1/default/resilience-mock-small-1', { breaker: { state: 'open' }, cache: {} });
    calls.length = 0;
    const workspace = await openWorkspace(spied, anonymous, settings());
    expect(workspace.label).toBe('throwaway');
    expect(workspace.resilience).toEqual(newResilienceRecord());
    expect(workspace.mock).toBeDefined();
    await workspace.persist();
    expect(calls).toEqual([]);
  });

  it('passes the clock to the mock', async () => {
    const { spied } = spiedStore();
    const now = () => new Date('2030-01-02T03:04:05Z');
    const workspace = await openWorkspace(spied, learner, settings(), now);
    const response = await workspace.mock!.transport(
      new Request('https://api.todoist.com/api/v1/tasks/filter?query=today', { headers: { Authorization: 'Bearer mock-token' } }),
    );
    expect(response.ok).toBe(true);
    const dates = ((await response.json()) as { results: Array<{ due: { date: string } }> }).results.map((task) => task.due.date.slice(0, 10));
    expect(dates.every((date) => date === '2030-01-02')).toBe(true);
  });

  it('mockStateKey: tenant/workspace/mock-size-seed', () => {
    expect(mockStateKey(learner, { workspace: 'w', size: 'large', seed: 7 })).toBe('learner-abc/w/mock-large-7');
  });

  it('a stored mock state is used as it is', async () => {
    const { spied, store } = spiedStore();
    const state = newMockWorkspaceState({ scenario: 'flaky' });
    await store.set('learner-abc/default/mock-small-1', state);
    const workspace = await openWorkspace(spied, learner, settings());
    expect(workspace.mock!.state).toBe(state);
  });
});

describe('webhooks of a mock workspace', () => {
  const hook = { callbackUrl: 'http://127.0.0.1:3000/api/webhooks/todoist', faults: {} };
  const addTask = (workspace: Awaited<ReturnType<typeof openWorkspace>>) =>
    workspace.mock!.transport(
      new Request('https://api.todoist.com/api/v1/tasks', {
        method: 'POST',
        headers: { Authorization: 'Bearer mock-token', 'Content-Type': 'application/json' },
        body: '{"content":"announced"}',
      }),
    );

  it('persist() stores the state first, and only then hands the events to the sender', async () => {
    const { spied, calls, store } = spiedStore();
    const userId = await registerWorkspaceWebhook(spied, learner, settings(), hook);
    const delivered: PendingWebhooks[] = [];
    const workspace = await openWorkspace(spied, learner, settings(), undefined, (pending) => {
      calls.push('deliver');
      delivered.push(pending);
    });
    expect(workspace.mock!.userId).toBe(userId);
    await addTask(workspace);
    calls.length = 0;
    await workspace.persist();
    expect(calls).toEqual(['set learner-abc/default/resilience-mock-small-1', 'set learner-abc/default/mock-small-1', 'deliver']);
    expect(delivered).toEqual([expect.objectContaining({ userId, registration: hook, changes: [expect.objectContaining({ event_name: 'item:added' })] })]);
    const stored = (await store.get<{ webhook: unknown }>('learner-abc/default/mock-small-1'))!;
    expect(stored.webhook).toEqual(hook);

    calls.length = 0;
    await workspace.persist(); // nothing new: nothing delivered twice
    expect(calls).not.toContain('deliver');
  });

  it('a workspace without a webhook, or a throwaway one, delivers nothing', async () => {
    const { spied } = spiedStore();
    const deliver = vi.fn();
    const plain = await openWorkspace(spied, learner, settings({ workspace: 'plain' }), undefined, deliver);
    await addTask(plain);
    await plain.persist();
    const throwaway = await openWorkspace(spied, anonymous, settings(), undefined, deliver);
    throwaway.mock!.setWebhook(hook);
    await addTask(throwaway);
    await throwaway.persist();
    expect(deliver).not.toHaveBeenCalled();
  });

  it('a workspace opened with no sender keeps its events to itself: persist() stores and sends nothing, without failing', async () => {
    const { spied, store } = spiedStore();
    await registerWorkspaceWebhook(spied, learner, settings(), hook);
    const workspace = await openWorkspace(spied, learner, settings());
    await addTask(workspace);
    await expect(workspace.persist()).resolves.toBeUndefined();
    expect(JSON.stringify(await store.get('learner-abc/default/mock-small-1'))).toContain('announced');
  });

  it('registerWorkspaceWebhook stores nothing for an anonymous caller (a throwaway workspace is never stored)', async () => {
    const { spied, store } = spiedStore();
    const userId = await registerWorkspaceWebhook(spied, anonymous, settings(), hook);
    expect(userId).toMatch(/^\d+$/);
    expect(store.size).toBe(0);
  });

  it('registerWorkspaceWebhook(undefined) removes it', async () => {
    const { spied, store } = spiedStore();
    await registerWorkspaceWebhook(spied, learner, settings(), hook);
    await registerWorkspaceWebhook(spied, learner, settings(), undefined);
    expect(await store.get('learner-abc/default/mock-small-1')).not.toHaveProperty('webhook');
  });
});

// Planted bug: "evicted sessions never closed" — with SDK v2 there are no sessions; an idle workspace is dropped.
describe('idle workspaces', () => {
  it('are dropped from the store once idle for longer than idleMs: the next request starts afresh', async () => {
    const { spied, store, clock } = spiedStore({ now: 0 }, 1_000);
    const first = await openWorkspace(spied, learner, settings());
    first.resilience.breaker.consecutiveFailures = 2;
    await first.persist();
    expect(store.size).toBe(2);
    clock.now = 1_001;
    store.sweep();
    expect(store.size).toBe(0);
    expect((await openWorkspace(spied, learner, settings())).resilience.breaker.consecutiveFailures).toBe(0);
  });

  it('the store sweeps on its own timer, with nobody calling', async () => {
    vi.useFakeTimers({ now: 0 });
    const store = new MemoryStateStore({ idleMs: 1_000, maxEntries: 10 });
    await store.set('learner-abc/default/mock-small-1', {});
    vi.advanceTimersByTime(1_000); // the first sweep: not idle for longer than idleMs yet
    expect(store.size).toBe(1);
    vi.advanceTimersByTime(1_000);
    expect(store.size).toBe(0);
    store.close();
  });
});
