import { z } from 'zod';
import type { Task } from '@/lib/todoist/schemas';
import { readListing, readProjectsById } from '../call';
import { taskLine } from '../format';
import { TaskSummarySchema, summarizeTask } from '../task-summary';
import { defineTool } from '../tool';

const GROUPS = ['overdue', 'today', 'upcoming'] as const;
type Group = (typeof GROUPS)[number];
const HEADINGS: Record<Group, string> = { overdue: 'Overdue', today: 'Today', upcoming: 'Next 7 days' };

export const getOverviewTool = defineTool({
  name: 'get_overview',
  title: "What's on my plate",
  description:
    'The best first call for "what should I do today?": overdue tasks, tasks due today and in the next 7 days, ' +
    'each group ordered by priority (p1 first), compact. Groups longer than `max_per_group` are cut, with a line ' +
    'saying how many were left out and how to see them. Tasks without a due date are not included.',
  inputSchema: z.object({
    max_per_group: z.number().int().min(1).max(200).default(15).describe('At most this many tasks per group'),
  }),
  outputSchema: z.object({
    today: z.string(),
    counts: z.object({ overdue: z.number().int(), today: z.number().int(), upcoming: z.number().int() }),
    overdue: z.array(TaskSummarySchema),
    dueToday: z.array(TaskSummarySchema),
    upcoming: z.array(TaskSummarySchema),
    omitted: z.number().int(),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },

  async run({ max_per_group }, call) {
    const tasks = await readListing(call, 'tasksByFilter', { query: 'overdue | today | 7 days' });
    const projectsById = call.strategies.output === 'compact' ? await readProjectsById(call) : undefined;
    const groups = groupByDue(tasks, call.today);
    const shown = Object.fromEntries(GROUPS.map((group) => [group, groups[group].slice(0, max_per_group)])) as Record<Group, Task[]>;
    const omitted = GROUPS.reduce((sum, group) => sum + groups[group].length - shown[group].length, 0);
    const lineContext = { projectsById: projectsById ?? new Map(), today: call.today };

    const summary = GROUPS.flatMap((group) => {
      if (groups[group].length === 0) return [];
      const more = groups[group].length - shown[group].length;
      return [
        `${HEADINGS[group]} (${groups[group].length}):`,
        ...shown[group].map((task) => taskLine(task, lineContext)),
        ...(more ? [`  …and ${more} more ${group} (raise max_per_group, or use filter_tasks "${group === 'upcoming' ? '7 days' : group}")`] : []),
      ];
    });
    return {
      structured: {
        today: call.today,
        counts: { overdue: groups.overdue.length, today: groups.today.length, upcoming: groups.upcoming.length },
        overdue: shown.overdue.map((task) => summarizeTask(task, projectsById)),
        dueToday: shown.today.map((task) => summarizeTask(task, projectsById)),
        upcoming: shown.upcoming.map((task) => summarizeTask(task, projectsById)),
        omitted,
      },
      summary: summary.length
        ? [`Overview for ${call.today}:`, ...summary]
        : [
            `Nothing is overdue or due in the next 7 days (today is ${call.today}).`,
            'This does not mean the account is empty: tasks without a due date are not shown — use list_tasks.',
          ],
      raw: tasks,
    };
  },
});

function groupByDue(tasks: Task[], today: string): Record<Group, Task[]> {
  const groups: Record<Group, Task[]> = { overdue: [], today: [], upcoming: [] };
  for (const task of tasks) {
    const day = task.due?.date.slice(0, 10);
    if (!day) continue;
    groups[day < today ? 'overdue' : day === today ? 'today' : 'upcoming'].push(task);
  }
  // Most urgent first (API priority 4 = p1), then the earliest due.
  const byUrgency = (a: Task, b: Task) => b.priority - a.priority || (a.due?.date ?? '').localeCompare(b.due?.date ?? '');
  for (const group of GROUPS) groups[group].sort(byUrgency);
  return groups;
}
