import { describe, expect, it } from 'vitest';
import { describePage } from '@/lib/mcp/tool';
import type { PageReport } from '@/lib/todoist/pagination';
import { pagesOf, parseProgressMessage } from '../widgets/progress-message';

const report = (overrides: Partial<PageReport>): PageReport => ({
  page: 1,
  cursor: null,
  nextCursor: null,
  items: 50,
  newItems: 50,
  durationMs: 12.4,
  ...overrides,
});

describe('parseProgressMessage', () => {
  it('reads the example from lib/mcp/tool.ts', () => {
    expect(parseProgressMessage('tasks: page 2, 200 items in 35 ms (cursor MTAwLjhj…), more to come')).toEqual({
      listing: 'tasks',
      page: 2,
      items: 200,
      ms: 35,
      cursorPrefix: 'MTAwLjhj',
      more: true,
    });
  });

  it('reads a first page (no cursor sent) that is also the last', () => {
    expect(parseProgressMessage('projects: page 1, 12 items in 3 ms, last page')).toEqual({
      listing: 'projects',
      page: 1,
      items: 12,
      ms: 3,
      more: false,
    });
  });

  it('round-trips what the server actually writes', () => {
    const page = report({ page: 7, cursor: 'NjAwLjE5OTk5OTk5', nextCursor: 'ODAw', items: 200, durationMs: 41.6 });
    expect(parseProgressMessage(describePage('tasks', page))).toEqual({
      listing: 'tasks',
      page: 7,
      items: 200,
      ms: 42,
      cursorPrefix: 'NjAwLjE5',
      more: true,
    });
    expect(parseProgressMessage(describePage('tasks', report({ items: 0 })))?.items).toBe(0);
  });

  it('returns undefined for messages of another shape', () => {
    expect(parseProgressMessage(undefined)).toBeUndefined();
    expect(parseProgressMessage('')).toBeUndefined();
    expect(parseProgressMessage('Retrying in 2 s (429)')).toBeUndefined();
    expect(parseProgressMessage('tasks: page two, 200 items in 35 ms, last page')).toBeUndefined();
  });
});

describe('pagesOf', () => {
  it('keeps one listing, in arrival order, and skips other messages', () => {
    const messages = [
      describePage('tasks', report({ page: 1, nextCursor: 'abc' })),
      'something else',
      undefined,
      describePage('projects', report({ page: 1, items: 12 })),
      describePage('tasks', report({ page: 2, cursor: 'abcdefghijk' })),
    ];
    expect(pagesOf(messages, 'tasks').map((page) => [page.page, page.more])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(pagesOf(messages, 'projects')).toHaveLength(1);
  });
});
