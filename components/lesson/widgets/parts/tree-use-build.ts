'use client';
/**
 * Reads what the tree needs in one session (closed after): list_projects
 * (flat) then list_tasks with the production strategy — every page — and
 * builds the tree from their structuredContent, in the browser.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { useMutation } from '@tanstack/react-query';
import { inOneSession } from '@/lib/lessons/widgets/one-session';
import { pagesOf } from '@/lib/lessons/widgets/progress-message';
import { buildTreeFromSummaries, summariesFrom, type SummaryTree } from '@/lib/lessons/widgets/tree-from-summaries';
import { observeCall, textOf, type Observation } from '@/lib/lessons/observations';
import type { PanelSettings } from '@/lib/lessons/schema';

const CLIENT_INFO = { name: 'mcp-dojo-task-tree', version: '0.1.0' };

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
  return { backend, strategy: 'production', scenario: 'faithful', size: 'small', token: 'configured' };
}

export function useBuildTree() {
  return useMutation({
    mutationFn: async (backend: TreeBackend): Promise<BuiltTree> => {
      const settings = settingsFor(backend);
      const messages: string[] = [];
      const [projects, tasks] = await inOneSession({ endpoint: '/api/mcp', settings, clientInfo: CLIENT_INFO }, async (client) => {
        const listProjects = (await client.callTool({ name: 'list_projects', arguments: { format: 'flat' } })) as CallToolResult;
        if (listProjects.isError) return [listProjects, undefined] as const;
        return [listProjects, (await client.callTool({ name: 'list_tasks', arguments: {} }, undefined, {
          // One progress message per page read: how the widget knows how many pages the tasks took.
          onprogress: (update) => messages.push(update.message ?? ''),
        })) as CallToolResult] as const;
      });
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
}
