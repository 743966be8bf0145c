import { z } from 'zod';
import { defineTool } from '../tool';
import { idArgument } from '../tool-arguments';
import { MAX_NAME_CHARS, MAX_TITLE_CHARS, untrustedText } from '../untrusted-text';

export const completeTaskTool = defineTool({
  name: 'complete_task',
  title: 'Complete a task',
  description:
    'Marks a task done. A recurring task is not completed but moves to its next date (the result says which). ' +
    'Completing a task also completes its subtasks.',
  inputSchema: z.object({
    task_id: idArgument().describe('The task id'),
  }),
  outputSchema: z.object({
    taskId: z.string(),
    content: z.string(),
    completed: z.boolean().describe('false when a recurring task moved to its next date instead'),
    nextDue: z.string().optional(),
  }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },

  async run({ task_id }, call) {
    const task = await call.client.getTask(task_id, call.signal);
    const title = untrustedText(task.content, MAX_TITLE_CHARS);
    await call.client.closeTask(task.id, call.signal);
    if (!task.due?.is_recurring) {
      return {
        structured: { taskId: task.id, content: task.content, completed: true },
        summary: [`Completed "${title}" (id ${task.id}).`],
        raw: { closed: task.id },
      };
    }
    const next = await call.client.getTask(task.id, call.signal);
    const nextDue = next.due?.date ?? 'unknown';
    return {
      structured: { taskId: task.id, content: task.content, completed: false, nextDue },
      summary: [`"${title}" is recurring (${untrustedText(task.due.string, MAX_NAME_CHARS)}): it moved to ${nextDue} instead of being completed.`],
      raw: { closed: task.id, next },
    };
  },
});
