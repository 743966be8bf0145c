import { afterEach, describe, expect, it } from 'vitest';
import { connect, NOW } from '@/lib/mcp/__tests__/helpers';
import type { RealConfig } from '@/lib/mcp/source';
import { compareObservations, sideLabel, sideOverrides, sourceVerdict } from '../comparison';
import { ObservationLog, observationsKey } from '../observation-log';
import { observeCall, type CallOutcome } from '../observations';
import type { PanelSettings } from '../schema';

const MOCK: PanelSettings = { backend: 'mock', strategy: 'production', scenario: 'faithful', size: 'small', token: 'configured' };
const REAL_NO_TOKEN: PanelSettings = { ...MOCK, backend: 'real', token: 'missing' };

const noToken = async (): Promise<RealConfig> => ({
  token: undefined,
  baseUrl: 'http://127.0.0.1:9/api/v1',
  whereToSetToken: 'Provide a Todoist API token in one of three ways: (1) … (2) … (3) …',
});

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** Calls a tool on a real in-process Dojo server with the panel's settings. */
async function run(settings: PanelSettings, tool: string, args: Record<string, unknown> = {}) {
  const session = await connect({
    backend: settings.backend,
    strategies: settings.strategy,
    mock: { scenario: settings.scenario, size: settings.size, seed: 1 },
    real: { loadConfig: noToken },
    now: () => NOW,
  });
  closers.push(session.close);
  return observeCall(settings, tool, await session.call(tool, args));
}

describe('observeCall on real server answers', () => {
  it('production on mock: counts, pages, requests and the Source line', async () => {
    const observation = await run(MOCK, 'list_tasks', { priority: 'p1' });
    expect(observation.ok).toBe(true);
    expect(observation.count).toBeGreaterThan(0);
    expect(observation.taskIds).toHaveLength(observation.count!);
    expect(observation.pages).toBeGreaterThanOrEqual(1);
    expect(observation.statesSource).toBe(true);
    expect(observation.firstLine).toMatch(/^Source: MOCK DATA/);
    expect(observation.summary).toMatch(
      new RegExp(`^With the production strategy, the mock backend \\(scenario "faithful", small data\\) returned ${observation.count} tasks in \\d+ requests? \\(\\d+ pages?, \\d+ ms\\), labelled “Source: MOCK DATA`),
    );
  });

  it('naive, real, no token: canned todos, and the sentence says the text hid it', async () => {
    const observation = await run({ ...REAL_NO_TOKEN, strategy: 'naive' }, 'get_overview');
    expect(observation.ok).toBe(true);
    expect(observation.canned).toBe(true);
    expect(observation.statesSource).toBe(false);
    expect(observation.count).toBeGreaterThan(0);
    expect(observation.summary).toBe(
      `With the naive strategy and no token, the real backend returned ${observation.count} tasks, and the text did not say where they came from (they were canned mock todos, swapped in after the real call failed).`,
    );
  });

  it('production, real, no token: the error, cut to its first sentence', async () => {
    const observation = await run(REAL_NO_TOKEN, 'get_overview');
    expect(observation.ok).toBe(false);
    expect(observation.count).toBeUndefined();
    expect(observation.error).toBe('No Todoist API token is configured, so the real Todoist cannot be read.');
    expect(observation.summary).toBe(
      'With the production strategy and no token, the real backend answered with an error: "No Todoist API token is configured, so the real Todoist cannot be read."',
    );
  });
});

describe('observeCall edge cases', () => {
  it('a thrown protocol error is an error observation', () => {
    const observation = observeCall(MOCK, 'list_tasks', new Error('MCP error -32001: Request timed out'));
    expect(observation).toMatchObject({ ok: false, pages: 0, requests: 0, statesSource: false });
    expect(observation.summary).toContain('answered with an error: "MCP error -32001: Request timed out"');
  });

  it('counts projects as projects, and a result without _meta as 0 pages', () => {
    const outcome: CallOutcome = {
      content: [{ type: 'text', text: '2 projects:\n- Inbox\n- Work' }],
      structuredContent: { count: 2, projects: [{ id: 'a' }, { id: 'b' }] },
    };
    const observation = observeCall(MOCK, 'list_projects', outcome);
    expect(observation.count).toBe(2);
    expect(observation.taskIds).toEqual([]);
    expect(observation.summary).toContain('returned 2 projects in 0 requests (0 pages, 0 ms), and the text did not say where they came from.');
  });
});

describe('side by side', () => {
  it('overrides only what differs between the sides (shared values stay with the toggles)', () => {
    expect(sideOverrides({ left: { strategy: 'naive', token: 'configured' }, right: { strategy: 'production', token: 'configured' } })).toEqual({
      left: { strategy: 'naive' },
      right: { strategy: 'production' },
    });
    expect(sideOverrides({ left: { backend: 'mock' }, right: { backend: 'real', token: 'missing' } })).toEqual({
      left: { backend: 'mock' },
      right: { backend: 'real', token: 'missing' },
    });
  });

  it('names the sides from their overrides', () => {
    expect(sideLabel({ strategy: 'naive' }, 'left')).toBe('naive');
    expect(sideLabel({}, 'right')).toBe('right');
  });

  it('naive vs production without a token: outcome, count, items and source all differ', async () => {
    const naive = await run({ ...REAL_NO_TOKEN, strategy: 'naive' }, 'get_overview');
    const production = await run(REAL_NO_TOKEN, 'get_overview');
    const comparison = compareObservations(naive, production, { left: 'naive', right: 'production' });
    const byAspect = Object.fromEntries(comparison.differences.map((difference) => [difference.aspect, difference]));

    expect(byAspect.outcome).toMatchObject({ left: 'success', right: 'error', differs: true });
    expect(byAspect.count).toMatchObject({ left: String(naive.count), right: '—', differs: true });
    expect(byAspect['only-one-side']!.detail).toMatch(/^only in naive: \w+, \w+, \w+ \+\d+ more$/);
    expect(byAspect.source).toMatchObject({ left: 'no — a model cannot tell mock from real', right: 'no — an error message instead' });
    expect(comparison.summary).toBe(
      `Side by side (naive vs production, both real with no token), the same get_overview call: naive returned ${naive.count} tasks with no Source line (canned mock todos); production answered with an error: "No Todoist API token is configured, so the real Todoist cannot be read.".`,
    );
    expect(sourceVerdict(comparison)).toBe(
      "naive: no Source line — a model reading this text cannot tell these are not the user's real tasks.",
    );
  });

  it('two successes: counts the tasks found on one side only', async () => {
    const naiveData = await run({ ...MOCK, scenario: 'naive', size: 'tiny' }, 'list_tasks');
    const faithful = await run(MOCK, 'list_tasks');
    const comparison = compareObservations(naiveData, faithful, { left: 'naive data', right: 'faithful' });
    const only = comparison.differences.find((difference) => difference.aspect === 'only-one-side')!;
    expect(only.differs).toBe(true);
    expect(comparison.summary).toMatch(/tasks? only in naive data, \d+ tasks only in faithful; the text was .+ of it\)\.$/);
    const source = comparison.differences.find((difference) => difference.aspect === 'source')!;
    expect(source.left).toMatch(/^yes — “Source: MOCK DATA/);
    expect(sourceVerdict(comparison)).toBe('Both texts start with a Source line, so a model can tell the naive data answer from the faithful one.');
  });
});

describe('ObservationLog', () => {
  it('keeps the last few per lesson, oldest first, with a stable snapshot', () => {
    const log = new ObservationLog(2);
    const calls: number[] = [];
    log.subscribe(() => calls.push(1));
    const first = observeCall(MOCK, 'list_tasks', new Error('one'));
    const second = observeCall(MOCK, 'list_tasks', new Error('two'));
    const third = observeCall(MOCK, 'list_tasks', new Error('three'));
    log.add('a', first);
    log.add('a', second);
    log.add('a', third);
    log.add('b', first);
    expect(log.list('a')).toEqual([second, third]);
    expect(log.list('a')).toBe(log.list('a'));
    expect(log.list('b')).toEqual([first]);
    expect(log.list('c')).toEqual([]);
    expect(calls).toHaveLength(4);
  });
});

describe('ObservationLog with storage', () => {
  const fakeStorage = () => {
    const items = new Map<string, string>();
    return {
      items,
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
      removeItem: (key: string) => void items.delete(key),
    };
  };

  it('keeps each lesson\'s list across a reload (a new log over the same storage)', () => {
    const storage = fakeStorage();
    const observed = observeCall(MOCK, 'list_tasks', new Error('one'));
    new ObservationLog(2, storage).add('a', observed);
    const reloaded = new ObservationLog(2, storage);
    expect(reloaded.list('a')).toEqual([observed]);
    expect(reloaded.list('a')).toBe(reloaded.list('a'));
    expect(reloaded.list('b')).toEqual([]);
    reloaded.clear('a');
    expect(storage.items.has(observationsKey('a'))).toBe(false);
    expect(new ObservationLog(2, storage).list('a')).toEqual([]);
  });

  it('ignores saved data it cannot read', () => {
    const storage = fakeStorage();
    storage.setItem(observationsKey('a'), 'not json');
    storage.setItem(observationsKey('b'), JSON.stringify([{ kind: 'run' }]));
    const log = new ObservationLog(2, storage);
    expect(log.list('a')).toEqual([]);
    expect(log.list('b')).toEqual([]);
  });
});
