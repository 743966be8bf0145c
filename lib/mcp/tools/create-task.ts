import { z } from 'zod';
import { toApiPriority } from '@/lib/todoist/schemas';
import { taskLine } from '../format';
import { TaskSummarySchema, summarizeTask } from '../task-summary';
import { defineTool } from '../tool';

export const createTaskTool = defineTool({
  name: 'create_task',
  title: 'Create a task',
  description:
    "Adds a task to the user's Todoist. Without project_id it goes to the Inbox. `due_string` takes Todoist's " +
    'natural language ("tomorrow", "every monday"); priority p1 is the most urgent. Returns the created task and its id.',
  inputSchema: z.object({
    content: z.string().trim().min(1).max(500).describe('The task title; markdown allowed'),
    description: z.string().max(16_383).optional(),
    project_id: z.string().min(1).optional(),
    section_id: z.string().min(1).optional(),
    parent_id: z.string().min(1).optional().describe('Makes it a subtask of this task'),
    labels: z.array(z.string().min(1)).max(50).optional().describe('Label names, without @'),
    priority: z.enum(['p1', 'p2', 'p3', 'p4']).optional(),
    due_string: z.string().min(1).max(200).optional(),
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
