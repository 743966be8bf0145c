import { z } from 'zod';
import { readListing, readProjectsById } from '../call';
import { taskLine } from '../format';
import { TaskSummarySchema, summarizeTask } from '../task-summary';
import { defineTool } from '../tool';
import { textArgument } from '../tool-arguments';

export const filterTasksTool = defineTool({
  name: 'filter_tasks',
  title: 'Find tasks with a Todoist filter',
  description:
    'Finds active tasks with a Todoist filter query, evaluated by Todoist itself. Examples: "today | overdue", ' +
    '"#Work & p1", "@waiting", "7 days & !recurring", "search: invoice", "no date". Terms: today, tomorrow, overdue, ' +
    'no date, N days, p1..p4 (p1 most urgent), #Project, ##Project (with sub-projects), /Section, @label, subtask, ' +
    'recurring, search: text; operators & | ! and parentheses. An invalid query returns the API\'s error.',
  inputSchema: z.object({
    query: textArgument(1_024, { trim: true, nonEmpty: true }).describe('A Todoist filter query, e.g. "today | overdue"'),
  }),
  outputSchema: z.object({
    query: z.string(),
    count: z.number().int(),
    tasks: z.array(TaskSummarySchema),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },

  async run({ query }, call) {
    const tasks = await readListing(call, 'tasksByFilter', { query });
    const projectsById = call.strategies.output === 'compact' ? await readProjectsById(call) : undefined;
    return {
      structured: { query, count: tasks.length, tasks: tasks.map((task) => summarizeTask(task, projectsById)) },
      summary: [
        `${tasks.length} task${tasks.length === 1 ? '' : 's'} match "${query}":`,
        ...tasks.map((task) => taskLine(task, { projectsById: projectsById ?? new Map(), today: call.today })),
      ],
      raw: tasks,
    };
  },
});
