import { describe, expect, it } from 'vitest';
import { connect } from '@/lib/mcp/__tests__/helpers';
import { PROVENANCE_META_KEY } from '@/lib/mcp/provenance';
import type { CallOutcome } from '../observations';
import {
  compareFiltering,
  compareOutputs,
  measureCompactOverview,
  measureFetch,
  describeFiltering,
  describeOutputs,
  measureRawOverview,
} from '../widgets/size-compare';

function outcome(text: string, structured: unknown, provenance: Record<string, unknown> = {}): CallOutcome {
  return {
    content: [{ type: 'text', text }],
    structuredContent: structured,
    _meta: { [PROVENANCE_META_KEY]: { backend: 'mock', source: 'live', pages: 1, requests: 1, retries: 0, durationMs: 1, degraded: false, ...provenance } },
  };
}

describe('who filters: the tool or the API', () => {
  it('compares requests, bytes and the tasks themselves', () => {
    const inTool = measureFetch(outcome('', { tasks: [{ id: 'a' }, { id: 'b' }] }, { requests: 3, bytes: 100_000 }));
    const byApi = measureFetch(outcome('', { tasks: [{ id: 'b' }, { id: 'a' }] }, { requests: 2, bytes: 16_000 }));
    expect(inTool).toEqual({ requests: 3, bytesFromTodoist: 100_000, taskIds: ['a', 'b'] });
    expect(compareFiltering(inTool, byApi)).toEqual({
      sameTasks: true,
      onlyInTool: [],
      onlyInApi: [],
      bytesShare: 0.16,
      bytesSaved: 84_000,
      requestsSaved: 1,
    });
    const other = measureFetch(outcome('', { tasks: [{ id: 'a' }, { id: 'c' }] }));
    expect(compareFiltering(inTool, other)).toMatchObject({ sameTasks: false, onlyInTool: ['b'], onlyInApi: ['c'] });
  });

  it('an error result has no tasks and no bytes', () => {
    expect(measureFetch({ isError: true, content: [{ type: 'text', text: 'failed' }] })).toEqual({ requests: 0, bytesFromTodoist: 0, taskIds: [] });
  });
});

describe('what the model reads: raw or compact', () => {
  const today = '2026-10-01';
  const rawTasks = [
    { id: 'late1', content: 'x', due: { date: '2026-09-20' } },
    { id: 'late2', content: 'y', due: { date: '2026-09-30T10:00:00Z' } },
    { id: 'now', content: 'z', due: { date: today } },
    { id: 'nodate', content: 'w', due: null },
  ];
  const raw = outcome(`Source: MOCK DATA (scenario "faithful")\n${JSON.stringify(rawTasks, null, 2)}`, { today });

  it('finds the overdue tasks in the raw JSON, after the label lines', () => {
    const measured = measureRawOverview(raw);
    expect(measured.tasks).toBe(4);
    expect(measured.overdueIds).toEqual(['late1', 'late2']);
    expect(measured.tokens).toBe(Math.ceil(measured.bytes / 4)); // ASCII: one byte per character
  });

  it('checks every overdue task by its id in the compact text', () => {
    const compactText = [
      'Source: MOCK DATA',
      'Overview for 2026-10-01:',
      'Overdue (2):',
      '- p1 · x · overdue since 2026-09-20 · Inbox · id late1',
      'Left out to stay within ~100 tokens: 1 overdue, 1 today.',
    ].join('\n');
    const compact = measureCompactOverview(outcome(compactText, {}));
    expect(compact.taskIds).toEqual(['late1']);
    expect(compact.leftOut).toMatch(/^Left out/);
    const compared = compareOutputs(measureRawOverview(raw), compact);
    expect(compared).toMatchObject({ overdueTotal: 2, overdueKept: 1, overdueMissing: ['late2'], everyOverdueKept: false });
    expect(compared.bytesShare).toBeGreaterThan(0);
    expect(compared.bytesShare).toBeLessThan(1);
  });

  it('a text that is not JSON has no raw tasks', () => {
    expect(measureRawOverview(outcome('get_overview failed: boom', {})).tasks).toBe(0);
  });
});

describe('against the real server, in process (what the widget will show)', () => {
  async function overviewBoth(size: 'small' | 'large') {
    const raw = await connect({ mock: { size }, strategies: { output: 'raw' } });
    const compact = await connect({ mock: { size } });
    try {
      const [rawResult, compactResult] = await Promise.all([raw.call('get_overview'), compact.call('get_overview')]);
      return compareOutputs(measureRawOverview(rawResult), measureCompactOverview(compactResult));
    } finally {
      await Promise.all([raw.close(), compact.close()]);
    }
  }

  it('small: compact is a fraction of raw and keeps every overdue task', async () => {
    const compared = await overviewBoth('small');
    expect(compared.overdueTotal).toBeGreaterThan(0);
    expect(compared.everyOverdueKept).toBe(true);
    expect(compared.bytesShare).toBeLessThan(0.25);
  });

  it('large: the budget cannot hold every overdue task — the closing line names the rest', async () => {
    const compared = await overviewBoth('large');
    expect(compared.bytesShare).toBeLessThan(0.02);
    expect(compared.everyOverdueKept).toBe(false);
    expect(compared.overdueKept).toBeGreaterThan(0);
  });

  it('p1: filter_tasks moves fewer bytes than list_tasks, for the same tasks', async () => {
    const session = await connect({ mock: { size: 'small' } });
    try {
      const inTool = measureFetch(await session.call('list_tasks', { priority: 'p1' }));
      const byApi = measureFetch(await session.call('filter_tasks', { query: 'p1' }));
      const compared = compareFiltering(inTool, byApi);
      expect(inTool.taskIds.length).toBeGreaterThan(0);
      expect(compared.sameTasks).toBe(true);
      expect(compared.bytesSaved).toBeGreaterThan(0);
    } finally {
      await session.close();
    }
  });
});

describe('the sentences that join "What you observed"', () => {
  it('state the figures of each comparison', async () => {
    const session = await connect({ mock: { size: 'small' } });
    const raw = await connect({ mock: { size: 'small' }, strategies: { output: 'raw' } });
    try {
      const inTool = measureFetch(await session.call('list_tasks', { priority: 'p1' }));
      const byApi = measureFetch(await session.call('filter_tasks', { query: 'p1' }));
      expect(describeFiltering('the small mock', inTool, byApi)).toMatch(
        /^On the small mock, "my p1 tasks" fetched in full and filtered in the tool moved [\d.]+ kB from Todoist in 2 requests; filter_tasks "p1" moved [\d.]+ kB in 2 \(\d+ %\) — the same \d+ p1 tasks\.$/,
      );
      const sentence = describeOutputs(
        'the small mock',
        measureRawOverview(await raw.call('get_overview')),
        measureCompactOverview(await session.call('get_overview')),
      );
      expect(sentence).toMatch(/raw API JSON was [\d.]+ kB \(about \d+ tokens, \d+ tasks\); compact it was [\d.]+ kB/);
      expect(sentence).toMatch(/kept (\d+) of \1 overdue tasks\.$/);
    } finally {
      await Promise.all([session.close(), raw.close()]);
    }
  });
});
