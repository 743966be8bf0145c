'use client';
/**
 * Reads what the tree needs on one connection (closed after): list_projects
 * (flat) then list_tasks with the production strategy — every page — and
 * builds the tree from their structuredContent, in the browser. Each request
 * has the timeout; `cancel()` stops the build.
 */
import type { CallToolResult } from '@modelcontextprotocol/client';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { pagesOf } from '@/lib/lessons/widgets/progress-message';
import { buildTreeFromSummaries, summariesFrom, type SummaryTree } from '@/lib/lessons/widgets/tree-from-summaries';
import { observeCall, textOf, type Observation } from '@/lib/lessons/observations';
import type { PanelSettings } from '@/lib/lessons/schema';
import { cancelledError } from '@/lib/mcp/client/cancel';
import { runOnConnection } from '@/lib/mcp/client/run-on-demand';
import { endpointSettings } from '@/lib/lessons/live-settings';

const CLIENT_INFO = { name: 'mcp-dojo-task-tree', version: '0.2.0' };

export type TreeBackend = 'real' | 'mock';

export interface BuiltTree {
  tree: SummaryTree;
  /** The list_tasks read: requests and time (its requests include the project list, read for project paths). */
  tasksRead: Observation;
  /** How many pages of tasks it took, from the server's progress messages. */
  taskPages: number;
}

export function settingsFor(backend: TreeBackend): PanelSettings {
  // The mock is the faithful one with 180 tasks: the same account the e2e stand-in serves.
  // read=pages: the tree marks the page each task came from; a full sync has none.
  return { backend, strategy: 'production', scenario: 'faithful', size: 'small', token: 'configured', read: 'pages' };
}

export function useBuildTree() {
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(cancelledError('the task tree')), []);

  const mutation = useMutation({
    mutationFn: async (backend: TreeBackend): Promise<BuiltTree> => {
      const abort = new AbortController();
      controller.current = abort;
      const settings = settingsFor(backend);
      const messages: string[] = [];
      const [projects, tasks] = await runOnConnection(
        {
          endpoint: '/api/mcp',
          settings: endpointSettings(settings, 'tree'),
          clientInfo: CLIENT_INFO,
          signal: abort.signal,
          cancelled: () => cancelledError('the task tree'),
        },
        async ({ client, request }): Promise<readonly [CallToolResult, CallToolResult | undefined]> => {
          const listProjects = await client.callTool({ name: 'list_projects', arguments: { format: 'flat' } }, request);
          if (listProjects.isError) return [listProjects, undefined];
          const listTasks = await client.callTool(
            { name: 'list_tasks', arguments: {} },
            // One progress message per page read: how the widget knows how many pages the tasks took.
            { ...request, onprogress: (update) => messages.push(update.message ?? '') },
          );
          return [listProjects, listTasks];
        },
      );
      // A failed read is shown word for word: a tree from part of the data would be the very bug of this lesson.
      for (const result of [projects, tasks]) if (result?.isError) throw new Error(textOf(result));
      const summaries = summariesFrom(projects.structuredContent, tasks?.structuredContent);
      if (!tasks || !summaries) throw new Error('The tools answered without the expected structuredContent.');
      return {
        tree: buildTreeFromSummaries(summaries.projects, summaries.tasks),
        tasksRead: observeCall(settings, 'list_tasks', tasks),
        taskPages: pagesOf(messages, 'tasks').length,
      };
    },
  });
  // The mutation as before (task-tree.tsx reads mutate, data, error, isPending), plus a Cancel.
  return { ...mutation, cancel: () => controller.current?.abort(cancelledError('the task tree')) };
}
