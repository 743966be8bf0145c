import { describe, expect, it } from 'vitest';
import type { QueryParams } from '../client';
import { TodoistInvalidResponseError } from '../errors';
import { PaginationError, collectAll, firstPageOnly, paginate, type FetchPage } from '../pagination';

interface Item {
  id: string;
}

/** A fake list endpoint over `total` items that records the queries it got. */
function fakeListing(total: number, options: { repeatOnPage?: number; failOnPage?: number } = {}) {
  const items = Array.from({ length: total }, (_, i) => ({ id: `t${i}` }));
  const queries: QueryParams[] = [];
  const fetchPage: FetchPage<Item> = async (query) => {
    queries.push(query);
    const limit = Number(query.limit ?? 50);
    const offset = query.cursor ? Number(String(query.cursor).slice(1)) : 0;
    const page = queries.length;
    if (page === options.failOnPage) throw new Error('HTTP 500');
    // Simulate a concurrent edit: the page starts one item early, repeating one.
    const start = page === options.repeatOnPage ? offset - 1 : offset;
    const end = offset + limit;
    return { results: items.slice(start, end), next_cursor: end < total ? `c${end}` : null };
  };
  return { fetchPage, queries };
}

describe('cursor pagination', () => {
  it('reads every page and reports pages, requests and items', async () => {
    const { fetchPage, queries } = fakeListing(450);
    const { items, report } = await collectAll(fetchPage, { project_id: 'p' }, { limit: 200 });
    expect(items).toHaveLength(450);
    expect(report.pages.map((page) => page.items)).toEqual([200, 200, 50]);
    expect(report.requests).toBe(3);
    expect(report.complete).toBe(true);
    expect(report.pages.map((page) => page.cursor)).toEqual([null, 'c200', 'c400']);
    // The same parameters on every page; only the cursor changes.
    expect(queries.map((query) => query.project_id)).toEqual(['p', 'p', 'p']);
    expect(queries.map((query) => query.limit)).toEqual([200, 200, 200]);
  });

  it('never asks for more than 200 per page', async () => {
    const { fetchPage, queries } = fakeListing(10);
    await collectAll(fetchPage, {}, { limit: 1000 });
    expect(queries[0]?.limit).toBe(200);
  });

  it('deduplicates items repeated across pages', async () => {
    const { fetchPage } = fakeListing(120, { repeatOnPage: 2 });
    const { items, report } = await collectAll(fetchPage, {}, { limit: 50 });
    expect(items).toHaveLength(120);
    expect(new Set(items.map((item) => item.id)).size).toBe(120);
    expect(report.duplicatesDropped).toBe(1);
  });

  it('stops at the max-pages guard and says the list is incomplete', async () => {
    const { fetchPage } = fakeListing(1000);
    const { items, report } = await collectAll(fetchPage, {}, { limit: 10, maxPages: 3 });
    expect(items).toHaveLength(30);
    expect(report.complete).toBe(false);
    expect(report.requests).toBe(3);
  });

  it('detects a server that hands out the same cursor forever', async () => {
    const looping: FetchPage<Item> = async (query) => ({
      results: [{ id: `x${String(query.cursor)}` }],
      next_cursor: 'same',
    });
    await expect(collectAll(looping)).rejects.toBeInstanceOf(TodoistInvalidResponseError);
  });

  it('fails a mid-way page loudly, with what was read', async () => {
    const { fetchPage } = fakeListing(180, { failOnPage: 3 });
    const error = await collectAll(fetchPage, {}, { limit: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    const failure = error as PaginationError;
    expect(failure.report.pages).toHaveLength(2);
    expect(failure.report.items).toBe(100);
    expect(failure.failedCursor).toBe('c100');
    expect(failure.message).toContain('stopped at page 3');
  });

  it('rethrows a first-page failure unchanged', async () => {
    const { fetchPage } = fakeListing(10, { failOnPage: 1 });
    await expect(collectAll(fetchPage)).rejects.toThrow('HTTP 500');
  });

  it('yields page by page and calls onPage as each arrives', async () => {
    const { fetchPage } = fakeListing(25);
    const seen: number[] = [];
    const pages = paginate(fetchPage, {}, { limit: 10, onPage: (page) => seen.push(page.page) });
    const sizes: number[] = [];
    for await (const page of pages) sizes.push(page.length);
    expect(sizes).toEqual([10, 10, 5]);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('first-page-only (the naive bug) reads one page and ignores next_cursor', async () => {
    const { fetchPage, queries } = fakeListing(180);
    const { items, nextCursor } = await firstPageOnly(fetchPage);
    expect(items).toHaveLength(50);
    expect(nextCursor).toBe('c50');
    expect(queries).toHaveLength(1);
  });
});
