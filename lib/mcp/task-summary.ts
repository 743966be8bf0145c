/**
 * The structured shape of a task in tool results (`structuredContent`):
 * what a program needs, in the UI's vocabulary (p1 = most urgent).
 */
import { z } from 'zod';
import { toUiPriority, type Project, type Task } from '@/lib/todoist/schemas';
import { projectPath } from './format';

export const TaskSummarySchema = z.object({
  id: z.string(),
  content: z.string(),
  priority: z.enum(['p1', 'p2', 'p3', 'p4']),
  due: z.string().optional().describe('YYYY-MM-DD, or a date-time'),
  dueString: z.string().optional(),
  recurring: z.boolean().optional(),
  deadline: z.string().optional(),
  projectId: z.string(),
  projectPath: z.string().optional(),
  sectionId: z.string().optional(),
  parentId: z.string().optional(),
  labels: z.array(z.string()),
  url: z.string(),
});

export type TaskSummary = z.infer<typeof TaskSummarySchema>;

export function summarizeTask(task: Task, projectsById?: Map<string, Project>): TaskSummary {
  return {
    id: task.id,
    content: task.content,
    priority: toUiPriority(task.priority),
    ...(task.due && { due: task.due.date, dueString: task.due.string, recurring: task.due.is_recurring }),
    ...(task.deadline && { deadline: task.deadline.date }),
    projectId: task.project_id,
    ...(projectsById && { projectPath: projectPath(task.project_id, projectsById) }),
    ...(task.section_id && { sectionId: task.section_id }),
    ...(task.parent_id && { parentId: task.parent_id }),
    labels: task.labels,
    url: `https://app.todoist.com/app/task/${task.id}`,
  };
}
