/**
 * Cursor pagination — the *processing* layer over the client's `listPage`.
 *
 * The rules of Todoist API v1: ask with `limit` (≤ 200), follow `next_cursor`
 * until it is `null`, send every other parameter unchanged on every page, and
 * deduplicate by `id` because concurrent edits can repeat items across pages.
 * The report says what happened, so lessons (and tool provenance) can show it.
 */
import { TodoistInvalidResponseError, errorText } from './errors';
import { MAX_PAGE_LIMIT, clampLimit, type QueryParams } from './client';
import type { ListPage } from './schemas';

/** Fetches one page; the cursor is added to (never replaces) the fixed params. */
export type FetchPage<Item> = (query: QueryParams, signal?: AbortSignal) => Promise<ListPage<Item>>;

export interface PaginationOptions {
  /** Items per page; clamped to 1..200. Default 200: fewest round trips. */
  limit?: number;
  /** Guard against a runaway loop (a server that never ends, a huge account). */
  maxPages?: number;
  signal?: AbortSignal;
  /** Called as each page arrives — the lessons' live page visualiser hangs here. */
  onPage?: (page: PageReport) => void;
}

export interface PageReport {
  /** 1-based page number. */
  page: number;
  /** The cursor sent for this page (`null` for the first). */
  cursor: string | null;
  nextCursor: string | null;
  items: number;
  /** Items not seen on an earlier page. */
  newItems: number;
  durationMs: number;
}

export interface PaginationReport {
  limit: number;
  pages: PageReport[];
  requests: number;
  items: number;
  duplicatesDropped: number;
  /** `false` when the max-pages guard stopped the loop before `next_cursor` was null. */
  complete: boolean;
  durationMs: number;
}

export const DEFAULT_MAX_PAGES = 100;

/** A page failed after earlier pages succeeded: says what was read and what is missing. */
export class PaginationError extends Error {
  constructor(
    readonly report: PaginationReport,
    /** The cursor of the page that failed: the read can resume from here. */
    readonly failedCursor: string | null,
    override readonly cause: unknown,
  ) {
    super(
      `Reading the list stopped at page ${report.pages.length + 1}: ${errorText(cause)} ` +
        `${report.pages.length} page(s) with ${report.items} item(s) were read; the rest is missing, ` +
        'so no partial list is returned.',
      // Stryker disable next-line ObjectLiteral: equivalent — the `cause` parameter property sets it too
      { cause },
    );
    this.name = 'PaginationError';
  }
}

/** Yields each page's new items in order; returns the report when done. */
export async function* paginate<Item extends { id: string }>(
  fetchPage: FetchPage<Item>,
  params: QueryParams = {},
  options: PaginationOptions = {},
): AsyncGenerator<Item[], PaginationReport> {
  const limit = clampLimit(options.limit ?? MAX_PAGE_LIMIT);
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const started = performance.now();
  const seen = new Set<string>();
  const sentCursors = new Set<string>();
  const report: PaginationReport = {
    limit,
    pages: [],
    requests: 0,
    items: 0,
    duplicatesDropped: 0,
    complete: false,
    durationMs: 0,
  };
  let cursor: string | null = null;

  while (report.pages.length < maxPages) {
    const pageStarted = performance.now();
    let page: ListPage<Item>;
    try {
      report.requests += 1;
      // Same params on every page; only the cursor changes.
      page = await fetchPage({ ...params, limit, cursor: cursor ?? undefined }, options.signal);
    } catch (error) {
      report.durationMs = performance.now() - started;
      if (report.pages.length === 0) throw error; // nothing read yet: the plain error says it all
      throw new PaginationError(report, cursor, error);
    }
    const fresh = page.results.filter((item) => !seen.has(item.id));
    fresh.forEach((item) => seen.add(item.id));
    const pageReport: PageReport = {
      page: report.pages.length + 1,
      cursor,
      nextCursor: page.next_cursor,
      items: page.results.length,
      newItems: fresh.length,
      durationMs: performance.now() - pageStarted,
    };
    report.pages.push(pageReport);
    report.items += fresh.length;
    report.duplicatesDropped += page.results.length - fresh.length;
    options.onPage?.(pageReport);
    yield fresh;

    if (page.next_cursor === null) {
      report.complete = true;
      break;
    }
    if (sentCursors.has(page.next_cursor)) {
      throw new TodoistInvalidResponseError('GET', 'list', `the API returned cursor "${page.next_cursor}" twice (a loop)`);
    }
    sentCursors.add(page.next_cursor);
    cursor = page.next_cursor;
  }
  report.durationMs = performance.now() - started;
  return report;
}

/** Reads every page and returns all items (deduplicated) with the report. */
export async function collectAll<Item extends { id: string }>(
  fetchPage: FetchPage<Item>,
  params: QueryParams = {},
  options: PaginationOptions = {},
): Promise<{ items: Item[]; report: PaginationReport }> {
  const items: Item[] = [];
  const pages = paginate(fetchPage, params, options);
  for (;;) {
    const next = await pages.next();
    if (next.done) return { items, report: next.value };
    items.push(...next.value);
  }
}

/** What the naive code did: one request, `next_cursor` ignored. Kept for the lessons. */
export async function firstPageOnly<Item extends { id: string }>(
  fetchPage: FetchPage<Item>,
  params: QueryParams = {},
  options: Pick<PaginationOptions, 'limit' | 'signal'> = {},
): Promise<{ items: Item[]; nextCursor: string | null }> {
  const page = await fetchPage({ ...params, limit: options.limit }, options.signal);
  return { items: page.results, nextCursor: page.next_cursor };
}

