/**
 * Resources: read-only views a client can attach as context, and subscribe
 * to. Each reuses a tool's logic, so a resource and a tool never disagree,
 * and both carry the same provenance line.
 *
 * Subscriptions: over 2026-07-28 a client opens `subscriptions/listen` with
 * the URIs it cares about; the endpoint feeds that stream from the tenant's
 * event bus (lib/realtime/bus.ts), and a `notifications/resources/updated`
 * tells the client to read the resource again. A 2025 client served
 * statelessly has no stream to be told on: `resources/subscribe` says so.
 */
import { ProtocolError, ProtocolErrorCode, ResourceTemplate, type McpServer } from '@modelcontextprotocol/server';
import type { BusHealth } from '@/lib/realtime/bus';
import { errorText } from '@/lib/todoist/errors';
import { describeTodoistIdRule, isTodoistId } from '@/lib/todoist/ids';
import { CallRecorder, PROVENANCE_META_KEY, provenanceLine } from './provenance';
import type { DojoContext } from './context';
import { filterTasksTool } from './tools/filter-tasks';
import { listProjectsTool } from './tools/list-projects';
import { listTasksTool } from './tools/list-tasks';
import { provenanceOf, type DojoTool } from './tool';
import { todayOf } from './format';
import { DATA_BOUNDARY } from './untrusted-text';
import type { z } from 'zod';

export { PROJECT_TASKS_TEMPLATE, projectTasksUri, RESOURCE_URIS } from './resource-uris';
import { PROJECT_TASKS_TEMPLATE, RESOURCE_URIS } from './resource-uris';

/** How a client learns that a resource changed, on this connection. */
export type ResourceUpdates =
  /** 2026-07-28 over HTTP: `subscriptions/listen` streams fed by the tenant's event bus, whose health reads report. */
  | {
      delivery: 'listen';
      health(): BusHealth;
      /** Which path brings the next change — a webhook or the polling fallback — in words for provenance (lesson 8). */
      livePath?(): string | undefined;
    }
  /** Nothing can push on this connection; `why` is the answer to a client that asks to subscribe. */
  | { delivery: 'none'; why: string };

export const NO_RESOURCE_UPDATES: ResourceUpdates = {
  delivery: 'none',
  why: 'This connection has no channel for resource updates: read the resource again when you need it fresh.',
};

export function registerDojoResources(server: McpServer, context: DojoContext, updates: ResourceUpdates = NO_RESOURCE_UPDATES): void {
  const paused = () => updatesNote(updates);
  // A resource at one fixed URI, read through a tool.
  const registerFixed = (name: string, uri: string, title: string, description: string, read: (uri: string, paused?: UpdatesNote) => Promise<ReadResult>) =>
    server.registerResource(name, uri, { title, description, mimeType: 'text/plain' }, (url) => read(url.href, paused()));

  registerFixed('projects', RESOURCE_URIS.projects, 'Projects', "The user's Todoist projects, nested, with ids", (uri, note) =>
    readThroughTool(context, uri, listProjectsTool, { format: 'tree' }, note),
  );
  registerFixed('tasks-today', RESOURCE_URIS.tasksToday, 'Due today', 'Tasks due today or overdue', (uri, note) =>
    readThroughTool(context, uri, filterTasksTool, { query: 'today | overdue' }, note),
  );
  registerFixed('tasks-overdue', RESOURCE_URIS.tasksOverdue, 'Overdue', 'Tasks whose due date has passed', (uri, note) =>
    readThroughTool(context, uri, filterTasksTool, { query: 'overdue' }, note),
  );
  server.registerResource(
    'project-tasks',
    // No list: enumerating every project's URI would cost a read of all projects; todoist://projects gives the ids.
    new ResourceTemplate(PROJECT_TASKS_TEMPLATE, { list: undefined }),
    { title: 'Tasks of one project', description: 'The active tasks of one project (ids from todoist://projects)', mimeType: 'text/plain' },
    (uri, { id }) => {
      // The id goes into an API path: only a Todoist id may, never "..", "/" or "%2F".
      if (typeof id !== 'string' || !isTodoistId(id)) {
        throw new ProtocolError(ProtocolErrorCode.InvalidParams, `${uri.href}: the project id must be ${describeTodoistIdRule()}.`);
      }
      return readThroughTool(context, uri.href, listTasksTool, { project_id: id }, paused());
    },
  );
  if (updates.delivery === 'none') refuseLegacySubscriptions(server, updates.why);
}

/**
 * `resources/subscribe` (2025) where nothing can push: a clear error, never a
 * silent success that leaves the client waiting for updates that never come.
 * The capability is not advertised either; this answers clients that ask anyway.
 */
function refuseLegacySubscriptions(server: McpServer, why: string): void {
  const refuse = () => {
    throw new ProtocolError(ProtocolErrorCode.MethodNotFound, `resources/subscribe is not available: ${why}`);
  };
  server.server.setRequestHandler('resources/subscribe', refuse);
  server.server.setRequestHandler('resources/unsubscribe', refuse);
}

/**
 * What a read says about updates. While they cannot be delivered it still
 * answers, live, and warns that no update will follow; otherwise it names the
 * path the next change will come by, when there is one.
 */
function updatesNote(updates: ResourceUpdates): UpdatesNote | undefined {
  if (updates.delivery !== 'listen') return undefined;
  const health = updates.health();
  if (!health.available) {
    const text = `live updates paused: ${health.reason} (since ${health.since.toISOString()}); this read is current, but no update notification will follow until the event bus is back — read again to see changes`;
    return { text, warn: true };
  }
  const live = updates.livePath?.();
  return live ? { text: live, warn: false } : undefined;
}

interface UpdatesNote {
  text: string;
  /** Also a line the model reads before the data (not only provenance): the promise of an update is off. */
  warn: boolean;
}

type ReadResult = Awaited<ReturnType<typeof readThroughTool>>;

async function readThroughTool<In extends z.ZodObject<z.ZodRawShape>, Out extends z.ZodObject<z.ZodRawShape>>(
  context: DojoContext,
  uri: string,
  tool: DojoTool<In, Out>,
  args: z.infer<In>,
  updates: UpdatesNote | undefined,
) {
  const recorder = new CallRecorder();
  try {
    const client = await context.source.client(recorder);
    // Resources only read: nothing here ever needs a confirmation.
    const call = { client, strategies: context.strategies, recorder, today: todayOf(context.now()), confirmation: { channel: 'argument' as const } };
    const answer = await tool.run(args, call);
    const read = provenanceOf(context, context.source, recorder);
    // A note, not `degraded`: the data is complete and live; only the promise of an update is off.
    const note = updates?.text;
    const provenance = note ? { ...read, note: read.note ? `${read.note}; ${note}` : note } : read;
    const lines = [provenanceLine(provenance), ...(updates?.warn ? [`Note: ${note}.`] : []), DATA_BOUNDARY, ...answer.summary];
    return {
      contents: [{ uri, mimeType: 'text/plain', text: lines.join('\n') }],
      _meta: { [PROVENANCE_META_KEY]: provenance },
    };
  } catch (error) {
    // Resources have no isError: the read fails as a JSON-RPC error with the reason.
    throw new Error(`Reading ${uri} failed: ${errorText(error)}`);
  }
}
