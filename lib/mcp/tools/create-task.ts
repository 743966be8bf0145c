import { z } from 'zod';
import { toApiPriority } from '@/lib/todoist/schemas';
import { taskLine } from '../format';
import { TaskSummarySchema, summarizeTask } from '../task-summary';
import { defineTool } from '../tool';
import { LABEL_NAME_MAX_LENGTH, idArgument, textArgument } from '../tool-arguments';

export const createTaskTool = defineTool({
  name: 'create_task',
  title: 'Create a task',
  description:
    "Adds a task to the user's Todoist. Without project_id it goes to the Inbox. `due_string` takes Todoist's " +
    'natural language ("tomorrow", "every monday"); priority p1 is the most urgent. Returns the created task and its id.',
  inputSchema: z.object({
    content: textArgument(500, { trim: true, nonEmpty: true }).describe('The task title; markdown allowed'),
    description: textArgument(16_383).optional(),
    project_id: idArgument().optional(),
    section_id: idArgument().optional(),
    parent_id: idArgument().optional().describe('Makes it a subtask of this task'),
    labels: z
      .array(textArgument(LABEL_NAME_MAX_LENGTH, { nonEmpty: true }))
      .max(50, { error: (issue) => `must have at most 50 labels (got ${(issue.input as unknown[]).length})` })
      .optional().describe('Label names, without @'),
    priority: z.enum(['p1', 'p2', 'p3', 'p4']).optional(),
    due_string: textArgument(200, { nonEmpty: true }).optional(),
  }),
  outputSchema: z.object({ task: TaskSummarySchema }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },

  async run({ priority, ...args }, call) {
    const task = await call.client.createTask(
      { ...args, ...(priority && { priority: toApiPriority(priority) }) },
      call.signal,
    );
    return {
      structured: { task: summarizeTask(task) },
      summary: ['Created:', taskLine(task, { projectsById: new Map(), today: call.today })],
      raw: task,
    };
  },
});
