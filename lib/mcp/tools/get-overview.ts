import { z } from 'zod';
import type { Task } from '@/lib/todoist/schemas';
import { fitToBudget } from '../budget';
import { readListing, readProjectsById } from '../call';
import { taskLine } from '../format';
import { TaskSummarySchema, summarizeTask } from '../task-summary';
import { defineTool } from '../tool';

const GROUPS = ['overdue', 'today', 'upcoming'] as const;
type Group = (typeof GROUPS)[number];
const HEADINGS: Record<Group, string> = { overdue: 'Overdue', today: 'Today', upcoming: 'Next 7 days' };
const FILTER_FOR: Record<Group, string> = { overdue: 'overdue', today: 'today', upcoming: '7 days' };

export const getOverviewTool = defineTool({
  name: 'get_overview',
  title: "What's on my plate",
  description:
    'The best first call for "what should I do today?": overdue tasks, tasks due today and in the next 7 days, ' +
    'most important first (overdue, then today, each by priority, p1 first), compact. The answer stays within ' +
    '`budget_tokens`; a closing line says what was left out and how to get it. Tasks without a due date are not included.',
  inputSchema: z.object({
    budget_tokens: z
      .number()
      .int()
      .min(100)
      .max(50_000)
      .default(2_000)
      .describe('Roughly how many tokens the task lines may take (about 4 characters each)'),
  }),
  outputSchema: z.object({
    today: z.string(),
    counts: z.object({ overdue: z.number().int(), today: z.number().int(), upcoming: z.number().int() }),
    overdue: z.array(TaskSummarySchema),
    dueToday: z.array(TaskSummarySchema),
    upcoming: z.array(TaskSummarySchema),
    omitted: z.object({ overdue: z.number().int(), today: z.number().int(), upcoming: z.number().int() }),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },

  async run({ budget_tokens }, call) {
    // Server-side filtering: Todoist sends only what the query matches. Never a full sync: Sync cannot
    // filter, and the whole account to keep the few tasks due this week costs more bytes than these pages.
    const tasks = await readListing(call, 'tasksByFilter', { query: 'overdue | today | 7 days' });
    const projectsById = call.strategies.output === 'compact' ? await readProjectsById(call) : undefined;
    const lineContext = { projectsById: projectsById ?? new Map(), today: call.today };
    const line = (task: Task) => taskLine(task, lineContext);

    const groups = groupByDue(tasks, call.today);
    const { kept, omitted } = fitToBudget(
      GROUPS.map((name) => ({ name, items: groups[name] })),
      line,
      budget_tokens,
    );
    // Stryker disable next-line ArrayDeclaration: equivalent — fitToBudget keeps a list for every group it is given
    const shown = (group: Group) => kept.get(group) ?? [];
    const left = (group: Group) => omitted.get(group) ?? 0;
    const leftOut = GROUPS.filter((group) => left(group) > 0);

    const summary = GROUPS.flatMap((group) =>
      groups[group].length === 0 ? [] : [`${HEADINGS[group]} (${groups[group].length}):`, ...shown(group).map(line)],
    );
    if (leftOut.length) {
      summary.push(
        `Left out to stay within ~${budget_tokens} tokens: ${leftOut.map((group) => `${left(group)} ${group}`).join(', ')}. ` +
          `Get them with filter_tasks (${leftOut.map((group) => `"${FILTER_FOR[group]}"`).join(', ')}) or a larger budget_tokens.`,
      );
    }
    return {
      structured: {
        today: call.today,
        counts: { overdue: groups.overdue.length, today: groups.today.length, upcoming: groups.upcoming.length },
        overdue: shown('overdue').map((task) => summarizeTask(task, projectsById)),
        dueToday: shown('today').map((task) => summarizeTask(task, projectsById)),
        upcoming: shown('upcoming').map((task) => summarizeTask(task, projectsById)),
        omitted: { overdue: left('overdue'), today: left('today'), upcoming: left('upcoming') },
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
  // Stryker disable next-line OptionalChaining,LogicalOperator,StringLiteral: equivalent — every grouped task has a due date
  const byUrgency = (a: Task, b: Task) => b.priority - a.priority || (a.due?.date ?? '').localeCompare(b.due?.date ?? '');
  for (const group of GROUPS) groups[group].sort(byUrgency);
  return groups;
}
