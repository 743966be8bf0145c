import { z } from 'zod';
import { toApiPriority } from '@/lib/todoist/schemas';
import { readProjectsById } from '../call';
import { taskLine } from '../format';
import { readTasks } from '../full-read';
import { TaskSummarySchema, summarizeTask } from '../task-summary';
import { defineTool } from '../tool';
import { LABEL_NAME_MAX_LENGTH, idArgument, textArgument } from '../tool-arguments';

export const listTasksTool = defineTool({
  name: 'list_tasks',
  title: 'List active tasks',
  description:
    "Lists the user's active (not completed) Todoist tasks, optionally only those in one project, section or label, " +
    'of one priority (p1 = most urgent), or the subtasks of one task. Reads every task, so the count is the real ' +
    'count. For date-based questions ("what is due today?") prefer get_overview or filter_tasks.',
  inputSchema: z.object({
    project_id: idArgument().optional().describe('Only tasks in this project (ids come from list_projects)'),
    section_id: idArgument().optional().describe('Only tasks in this section'),
    label: textArgument(LABEL_NAME_MAX_LENGTH, { nonEmpty: true }).optional().describe('Only tasks with this label name (without @)'),
    priority: z.enum(['p1', 'p2', 'p3', 'p4']).optional().describe('Only tasks of this priority; p1 is the most urgent'),
    parent_id: idArgument().optional().describe('Only the direct subtasks of this task'),
  }),
  outputSchema: z.object({
    count: z.number().int(),
    tasks: z.array(TaskSummarySchema),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },

  async run(args, call) {
    const { priority, ...params } = args;
    // Unfiltered, production reads it by one full sync; a filter, or the naive first page, pages.
    const fetched = await readTasks(call, params);
    // GET /tasks has no priority parameter: filter after reading.
    const tasks = priority ? fetched.filter((task) => task.priority === toApiPriority(priority)) : fetched;
    // Project paths need the projects; the raw (naive) output never showed them.
    const projectsById = call.strategies.output === 'compact' ? await readProjectsById(call) : undefined;
    return {
      structured: { count: tasks.length, tasks: tasks.map((task) => summarizeTask(task, projectsById)) },
      summary: [
        `${tasks.length} active task${tasks.length === 1 ? '' : 's'}${describeFilters(args)}:`,
        ...tasks.map((task) => taskLine(task, { projectsById: projectsById ?? new Map(), today: call.today })),
      ],
      raw: tasks,
    };
  },
});

function describeFilters(args: Record<string, string | undefined>): string {
  const parts = Object.entries(args)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key} ${value}`);
  return parts.length ? ` (${parts.join(', ')})` : '';
}
