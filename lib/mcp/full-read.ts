/**
 * Reading a list of active tasks, by the strategy: an unfiltered, complete
 * read may be one full sync (`fullRead: 'sync'`); everything else pages.
 *
 * Sync has no filter: a full sync for one project would fetch the whole
 * account to keep a few tasks. And the naive strategy's first page stays one
 * page — a full sync would quietly fix the bug lesson 3 shows.
 */
import type { QueryParams } from '@/lib/todoist/client';
import type { Task } from '@/lib/todoist/schemas';
import { readListing, type ToolCall } from './call';
import type { Strategies } from './strategies';

/** GET /tasks' own filters (project, section, label, parent, ids): any of them set, and the read pages. */
export async function readTasks(call: ToolCall, filters: QueryParams = {}): Promise<Task[]> {
  if (!readsBySync(call.strategies, filters)) return readListing(call, 'tasks', filters);
  const tasks = await call.client.listAllTasksBySync(call.signal);
  call.recorder.facts.push(`tasks: read by one full sync (Sync API, ${tasks.length} active), not paged`);
  return tasks;
}

/** True when this read of tasks is made by one full sync rather than by pages. */
export function readsBySync(strategies: Strategies, filters: QueryParams = {}): boolean {
  const unfiltered = Object.values(filters).every((value) => value === undefined);
  return unfiltered && strategies.pagination === 'all-pages' && strategies.fullRead === 'sync';
}
