import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RegisteredAccount } from '../accounts';
import { liveUpdatesNote, PollingFallback } from '../polling-fallback';

const account = (tenantKey: string): RegisteredAccount => ({
  app: 'standin',
  todoistUserId: '123456789',
  tenant: { key: tenantKey, kind: 'learner' },
  workspace: 'real-time',
  backend: { backend: 'mock', upstream: 'todoist', size: 'small', seed: 1 },
  registeredAt: '2026-10-01T12:00:00.000Z',
});

let listening: Set<string>;
let refreshed: string[];
let polling: PollingFallback;

beforeEach(() => {
  vi.useFakeTimers();
  listening = new Set(['learner-a']);
  refreshed = [];
  polling = new PollingFallback({
    intervalMs: 5_000,
    refresh: async (polled) => void refreshed.push(polled.tenant.key),
    listening: (tenantKey) => listening.has(tenantKey),
  });
});
afterEach(() => {
  polling.close();
  vi.useRealTimers();
});

describe('PollingFallback', () => {
  it('refreshes once per interval while the tenant is listening', async () => {
    polling.start(account('learner-a'));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(refreshed).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(refreshed).toEqual(['learner-a']);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(refreshed).toEqual(['learner-a', 'learner-a', 'learner-a']);
    expect(polling.isPolling(account('learner-a'))).toBe(true);
  });

  it('stops by itself once nobody listens: no subscriber, nothing to poll for', async () => {
    polling.start(account('learner-a'));
    listening.clear();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(refreshed).toEqual([]);
    expect(polling.isPolling(account('learner-a'))).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('starting twice keeps one timer; stop() clears it', async () => {
    polling.start(account('learner-a'));
    polling.start(account('learner-a'));
    expect(vi.getTimerCount()).toBe(1);
    polling.stop(account('learner-a'));
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(refreshed).toEqual([]);
  });

  it('skips a tick while the previous poll is still running, instead of stacking syncs', async () => {
    let finish!: () => void;
    let started = 0;
    const slow = new PollingFallback({
      intervalMs: 1_000,
      refresh: () => {
        started += 1;
        return new Promise<void>((resolve) => (finish = resolve));
      },
      listening: () => true,
    });
    slow.start(account('learner-a'));
    await vi.advanceTimersByTimeAsync(3_000); // three ticks, one sync in flight
    expect(started).toBe(1);
    finish();
    await vi.advanceTimersByTimeAsync(1_000); // the next tick after it finished starts the next sync
    expect(started).toBe(2);
    slow.close();
  });

  it('a failed poll is reported and the next one still runs', async () => {
    const errors: unknown[] = [];
    let attempt = 0;
    const flaky = new PollingFallback({
      intervalMs: 1_000,
      refresh: async () => {
        attempt += 1;
        if (attempt === 1) throw new Error('503 from the API');
      },
      listening: () => true,
      onError: (error) => errors.push(error),
    });
    flaky.start(account('learner-a'));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(attempt).toBe(2);
    expect(errors).toHaveLength(1);
    flaky.close();
  });

  it('keeps accounts apart: each replica has its own timer', () => {
    polling.start(account('learner-a'));
    polling.start(account('learner-b'));
    polling.stop(account('learner-a'));
    expect(polling.isPolling(account('learner-a'))).toBe(false);
    expect(polling.isPolling(account('learner-b'))).toBe(true);
  });
});

describe('liveUpdatesNote', () => {
  it('names the live path and its staleness bound', () => {
    expect(liveUpdatesNote('webhook', 5)).toMatch(/webhooks trigger an incremental sync/);
    expect(liveUpdatesNote('poll', 5)).toMatch(/polling with incremental sync every 5 s \(no webhook reaches this server\)/);
    expect(liveUpdatesNote(undefined, 5)).toBeUndefined();
  });
});
