/**
 * Side by side, measured on the text the model reads: a raw and a compact
 * get_overview over the same tasks must not look like different task lists,
 * and the Differences must show what each text costs.
 */
import { describe, expect, it } from 'vitest';
import { PROVENANCE_META_KEY } from '@/lib/mcp/provenance';
import { compareObservations } from '../comparison';
import { observeCall, type CallOutcome } from '../observations';
import type { PanelSettings } from '../schema';

const SETTINGS: PanelSettings = { backend: 'mock', strategy: 'production', scenario: 'faithful', size: 'small', token: 'configured' };
const SOURCE = 'Source: MOCK DATA (scenario "faithful") — not the user\'s Todoist';
const provenance = { backend: 'mock', scenario: 'faithful', source: 'live', pages: 1, requests: 1, bytes: 100, retries: 0, durationMs: 5, degraded: false };

const tasks = Array.from({ length: 6 }, (_, index) => ({ id: `t${index}`, content: `Task ${index}`, priority: 1, due: { date: '2026-10-02' }, description: '', labels: [] }));

function outcome(text: string, structured: Record<string, unknown>): CallOutcome {
  return { content: [{ type: 'text', text }], structuredContent: structured, _meta: { [PROVENANCE_META_KEY]: provenance } };
}

/** The structured lists are cut to the budget in both modes, but differently (as the real tool does). */
function overviewStructured(listed: number, omitted: number) {
  return {
    today: '2026-10-01',
    counts: { overdue: 0, today: 0, upcoming: tasks.length },
    overdue: [],
    dueToday: [],
    upcoming: tasks.slice(0, listed).map(({ id, content }) => ({ id, content })),
    omitted: { overdue: 0, today: 0, upcoming: omitted },
  };
}

const raw = outcome(`${SOURCE}\n${JSON.stringify(tasks, null, 2)}`, overviewStructured(3, 3));
const compactLines = tasks.slice(0, 5).map((task) => `- p4 · ${task.content} · due tomorrow · Inbox · id ${task.id}`);
const compact = outcome(
  [SOURCE, 'Overview for 2026-10-01:', 'Next 7 days (6):', ...compactLines, 'Left out to stay within ~100 tokens: 1 upcoming.'].join('\n'),
  overviewStructured(5, 1),
);

describe('raw vs compact, side by side', () => {
  const left = observeCall({ ...SETTINGS, output: 'raw' }, 'get_overview', raw);
  const right = observeCall({ ...SETTINGS, output: 'compact' }, 'get_overview', compact);
  const comparison = compareObservations(left, right, { left: 'raw', right: 'compact' });
  const byAspect = Object.fromEntries(comparison.differences.map((difference) => [difference.aspect, difference]));

  it('reads the task ids from the text each side hands the model, not from the budget-cut structured lists', () => {
    expect(left.taskIds).toEqual(['t0', 't1', 't2', 't3', 't4', 't5']);
    expect(right.taskIds).toEqual(['t0', 't1', 't2', 't3', 't4']);
    expect(left.leftOut).toBe(0); // the raw text dumps every task
    expect(right.leftOut).toBe(1);
  });

  it('names only what one text really lacks, and says the budget cut was announced', () => {
    expect(byAspect['only-one-side']).toMatchObject({ left: '1', right: '0', differs: true });
    expect(byAspect['only-one-side']!.detail).toBe(
      'only in raw: t5; compact left 1 task out to stay within its budget, and its last line says so',
    );
  });

  it('shows the bytes and tokens of each text, and the summary carries them', () => {
    expect(byAspect.size!.left).toMatch(/^\d+(\.\d)? k?B, about \d+ tokens$/);
    expect(left.bytes).toBeGreaterThan(right.bytes);
    expect(left.tokens).toBe(Math.ceil((raw.content![0]!.text ?? '').length / 4));
    expect(byAspect.size!.differs).toBe(true);
    expect(comparison.summary).toMatch(/the text was [\d.]+ k?B, about \d+ tokens \(raw\) against [\d.]+ k?B, about \d+ tokens \(compact: \d+ % of it\)\.$/);
  });

  it('the same text on both sides differs in nothing but time', () => {
    const again = compareObservations(right, observeCall({ ...SETTINGS, output: 'compact' }, 'get_overview', compact), { left: 'a', right: 'b' });
    expect(again.differences.filter((difference) => difference.differs && difference.aspect !== 'time')).toEqual([]);
  });

  it('an error has no size and names no tasks', () => {
    const failed = observeCall(SETTINGS, 'get_overview', { isError: true, content: [{ type: 'text', text: 'get_overview failed: boom.' }] });
    expect(failed).toMatchObject({ taskIds: [], leftOut: 0 });
    expect(observeCall(SETTINGS, 'get_overview', new Error('boom'))).toMatchObject({ bytes: 0, tokens: 0 });
  });
});
