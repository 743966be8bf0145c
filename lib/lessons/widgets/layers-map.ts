/**
 * This app's layers, file by file — the data behind lesson 6's diagram.
 * A unit test checks that every file listed here exists, so the diagram
 * cannot drift from the code it describes.
 */
export type LayerId = 'faces' | 'presentation' | 'processing' | 'fetching';
export type Face = 'web UI' | 'HTTP' | 'stdio';

export interface FileGroup {
  /** What these files do, in a few words. */
  role: string;
  /** Paths from the project root. */
  files: string[];
  /** Faces only: which one. */
  face?: Face;
}

export interface Layer {
  id: LayerId;
  name: string;
  does: string;
  groups: FileGroup[];
}

/** Top to bottom: each layer calls only the one below it. */
export const LAYERS: readonly Layer[] = [
  {
    id: 'faces',
    name: 'Faces',
    does: 'How a client reaches the server. Thin adapters: no Todoist logic.',
    groups: [
      {
        face: 'web UI',
        role: 'This site: an MCP client in your browser, over HTTP',
        files: ['app/lessons/[slug]/page.tsx', 'components/lesson/live-panel.tsx', 'lib/mcp/client/connect.ts'],
      },
      {
        face: 'HTTP',
        role: 'Streamable HTTP, one server per request, 2026-07-28 and 2025-11-25 (Claude Code, MCP Inspector)',
        files: ['app/api/mcp/route.ts', 'lib/mcp/http/endpoint.ts'],
      },
      {
        face: 'stdio',
        role: 'What Claude Desktop launches: stdin/stdout',
        files: ['bin/mcp-dojo.mjs', 'lib/mcp/stdio.ts'],
      },
      { role: 'One factory: every face builds its server here', files: ['lib/mcp/server.ts'] },
    ],
  },
  {
    id: 'presentation',
    name: 'Presentation',
    does: 'What the model reads and what people see.',
    groups: [
      {
        role: 'One tool per file: fetch, then shape the answer',
        files: [
          'lib/mcp/tools/index.ts',
          'lib/mcp/tools/list-projects.ts',
          'lib/mcp/tools/list-tasks.ts',
          'lib/mcp/tools/filter-tasks.ts',
          'lib/mcp/tools/get-task.ts',
          'lib/mcp/tools/get-overview.ts',
          'lib/mcp/tools/create-task.ts',
          'lib/mcp/tools/complete-task.ts',
          'lib/mcp/tools/delete-task.ts',
        ],
      },
      { role: 'Around every tool: provenance, strategies, honest errors', files: ['lib/mcp/tool.ts'] },
      { role: 'The Source line, compact lines, the token budget', files: ['lib/mcp/provenance.ts', 'lib/mcp/format.ts', 'lib/mcp/budget.ts'] },
      {
        role: 'For people: badges, traces, results',
        files: ['components/mcp/provenance-badge.tsx', 'components/mcp/protocol-trace.tsx', 'components/lesson/panel/run-result.tsx'],
      },
    ],
  },
  {
    id: 'processing',
    name: 'Processing',
    does: 'Turns responses into complete, trustworthy data.',
    groups: [
      { role: 'Every page, in order, without duplicates', files: ['lib/todoist/pagination.ts'] },
      { role: 'Parents and children', files: ['lib/todoist/tree.ts'] },
      {
        role: 'Retries, backoff, breaker, deadline, last-good cache',
        files: [
          'lib/resilience/index.ts',
          'lib/resilience/execute.ts',
          'lib/resilience/backoff.ts',
          'lib/resilience/breaker.ts',
          'lib/resilience/deadline.ts',
          'lib/resilience/cache.ts',
          'lib/resilience/timeline.ts',
          'lib/mcp/resilience.ts',
        ],
      },
      { role: 'Filter queries, evaluated inside the mock as Todoist would', files: ['lib/mock/filter/parse.ts', 'lib/mock/filter/evaluate.ts'] },
    ],
  },
  {
    id: 'fetching',
    name: 'Fetching',
    does: 'HTTP, auth, timeouts and the response contract.',
    groups: [
      { role: 'Requests, auth, timeouts; every failure a typed error', files: ['lib/todoist/client.ts', 'lib/todoist/errors.ts'] },
      { role: 'The response contract (zod)', files: ['lib/todoist/schemas.ts'] },
      { role: 'The seam: Request → Response, real fetch or the mock', files: ['lib/todoist/transport.ts', 'lib/mock/transport.ts'] },
      { role: 'Mock, the stand-in or Todoist, chosen per request from its settings', files: ['lib/mcp/source.ts'] },
    ],
  },
];

/** Every file the diagram names, in order. */
export function layerFiles(layers: readonly Layer[] = LAYERS): string[] {
  return layers.flatMap((layer) => layer.groups.flatMap((group) => group.files));
}
