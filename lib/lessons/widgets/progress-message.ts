/**
 * Reads the server's per-page progress messages back into numbers, for the
 * lessons' page visualiser. The server writes them with `describePage`
 * (lib/mcp/tool.ts), e.g.
 *
 *   "tasks: page 2, 200 items in 35 ms (cursor MTAwLjhj…), more to come"
 *
 * The message is for people; this parser is the one place that knows its shape.
 */

export interface PageProgress {
  /** The listing being read: "tasks", "projects", ... */
  listing: string;
  /** 1-based page number. */
  page: number;
  items: number;
  ms: number;
  /** The first characters of the cursor sent for this page; absent on page 1, which is asked for without one. */
  cursorPrefix?: string;
  /** The API sent a next_cursor: there are more pages (whether or not the code reads them). */
  more: boolean;
}

const PAGE_MESSAGE = /^(?<listing>[\w-]+): page (?<page>\d+), (?<items>\d+) items? in (?<ms>\d+) ms(?: \(cursor (?<cursor>[^)]*?)…\))?, (?<more>more to come|last page)$/;

/** The page a progress message describes, or undefined for any other message. */
export function parseProgressMessage(message: string | undefined): PageProgress | undefined {
  const groups = message === undefined ? undefined : PAGE_MESSAGE.exec(message.trim())?.groups;
  if (!groups) return undefined;
  return {
    listing: groups.listing!,
    page: Number(groups.page),
    items: Number(groups.items),
    ms: Number(groups.ms),
    ...(groups.cursor && { cursorPrefix: groups.cursor }),
    more: groups.more === 'more to come',
  };
}

/** The pages of one listing, in arrival order, from a run's progress messages. */
export function pagesOf(messages: ReadonlyArray<string | undefined>, listing: string): PageProgress[] {
  return messages.map(parseProgressMessage).filter((page): page is PageProgress => page?.listing === listing);
}
