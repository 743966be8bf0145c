/**
 * Resources: read-only views a client can attach as context. Both reuse the
 * tools' logic, so a resource and a tool never disagree, and both carry the
 * same provenance line.
 */
import type { McpServer } from '@modelcontextprotocol/server';
import { errorText } from '@/lib/todoist/errors';
import { CallRecorder, PROVENANCE_META_KEY, provenanceLine } from './provenance';
import type { DojoContext } from './context';
import { filterTasksTool } from './tools/filter-tasks';
import { listProjectsTool } from './tools/list-projects';
import { provenanceOf, type DojoTool } from './tool';
import { todayOf } from './format';
import { DATA_BOUNDARY } from './untrusted-text';
import type { z } from 'zod';

export function registerDojoResources(server: McpServer, context: DojoContext): void {
  server.registerResource(
    'projects',
    'todoist://projects',
    { title: 'Projects', description: "The user's Todoist projects, nested, with ids", mimeType: 'text/plain' },
    (uri) => readThroughTool(context, uri.href, listProjectsTool, { format: 'tree' }),
  );
  server.registerResource(
    'tasks-today',
    'todoist://tasks/today',
    { title: 'Due today', description: 'Tasks due today or overdue', mimeType: 'text/plain' },
    (uri) => readThroughTool(context, uri.href, filterTasksTool, { query: 'today | overdue' }),
  );
}

async function readThroughTool<In extends z.ZodObject<z.ZodRawShape>, Out extends z.ZodObject<z.ZodRawShape>>(
  context: DojoContext,
  uri: string,
  tool: DojoTool<In, Out>,
  args: z.infer<In>,
) {
  const recorder = new CallRecorder();
  try {
    const client = await context.source.client(recorder);
    // Resources only read: nothing here ever needs a confirmation.
    const call = { client, strategies: context.strategies, recorder, today: todayOf(context.now()), confirmation: { channel: 'argument' as const } };
    const answer = await tool.run(args, call);
    const provenance = provenanceOf(context, context.source, recorder);
    return {
      contents: [{ uri, mimeType: 'text/plain', text: [provenanceLine(provenance), DATA_BOUNDARY, ...answer.summary].join('\n') }],
      _meta: { [PROVENANCE_META_KEY]: provenance },
    };
  } catch (error) {
    // Resources have no isError: the read fails as a JSON-RPC error with the reason.
    throw new Error(`Reading ${uri} failed: ${errorText(error)}`);
  }
}
