/**
 * One tool call's working context: the client, the strategies, what was
 * done (for provenance) and the way back to the caller (progress, cancel).
 * Tools receive this and never touch transports, config or MCP plumbing.
 */
import type { TodoistClient, ListingItem, ListingName, QueryParams } from '@/lib/todoist/client';
import { collectAll, firstPageOnly, type PageReport } from '@/lib/todoist/pagination';
import type { Project } from '@/lib/todoist/schemas';
import type { Confirmation } from './confirmation';
import type { CallRecorder } from './provenance';
import type { Strategies } from './strategies';

export interface ToolCall {
  client: TodoistClient;
  strategies: Strategies;
  recorder: CallRecorder;
  /** Today in the user's calendar (YYYY-MM-DD). */
  today: string;
  signal?: AbortSignal;
  /** Reports each page as it arrives (MCP progress notifications). */
  onPage?: (page: PageReport, listing: ListingName) => void;
  /** How a destructive tool gets the user's explicit confirmation on this request (./confirmation). */
  confirmation: Confirmation;
}

/**
 * Reads a listing the way the pagination strategy says: every page
 * (production) or the first page only (the naive bug).
 */
export async function readListing<Name extends ListingName>(
  call: ToolCall,
  name: Name,
  params: QueryParams = {},
): Promise<ListingItem<Name>[]> {
  const fetchPage = (query: QueryParams, signal?: AbortSignal) => call.client.listPage(name, query, signal);
  if (call.strategies.pagination === 'first-page') {
    const started = performance.now();
    const { items, nextCursor } = await firstPageOnly(fetchPage, params, { signal: call.signal });
    call.recorder.pages += 1;
    call.onPage?.({ page: 1, cursor: null, nextCursor, items: items.length, newItems: items.length, durationMs: performance.now() - started }, name);
    if (nextCursor) call.recorder.notes.push(`${name}: first page only (${items.length} items); next_cursor was ignored, more exist`);
    return items as ListingItem<Name>[];
  }
  const { items, report } = await collectAll(fetchPage, params, {
    signal: call.signal,
    onPage: (page) => {
      call.recorder.pages += 1;
      call.onPage?.(page, name);
    },
  });
  if (!report.complete) call.recorder.notes.push(`${name}: stopped at the page limit (${report.pages.length} pages); the list is incomplete`);
  if (report.duplicatesDropped) call.recorder.notes.push(`${name}: ${report.duplicatesDropped} duplicate(s) across pages dropped`);
  return items as ListingItem<Name>[];
}

/** Projects by id, for project paths in task lines. */
export async function readProjectsById(call: ToolCall): Promise<Map<string, Project>> {
  const projects = await readListing(call, 'projects');
  return new Map(projects.map((project) => [project.id, project]));
}
