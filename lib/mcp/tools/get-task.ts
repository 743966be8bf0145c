import { z } from 'zod';
import { buildTaskForest, type TaskNode } from '@/lib/todoist/tree';
import { readListing, readProjectsById } from '../call';
import { taskLine } from '../format';
import { TaskSummarySchema, summarizeTask } from '../task-summary';
import { defineTool } from '../tool';
import { idArgument } from '../tool-arguments';
import { MAX_BODY_CHARS, untrustedText } from '../untrusted-text';

const CommentSummarySchema = z.object({ id: z.string(), postedAt: z.string(), content: z.string() });

type SubtaskTree = z.infer<typeof TaskSummarySchema> & { subtasks: SubtaskTree[] };
const SubtaskTreeSchema: z.ZodType<SubtaskTree> = TaskSummarySchema.extend({
  subtasks: z.array(z.lazy(() => SubtaskTreeSchema)),
});

export const getTaskTool = defineTool({
  name: 'get_task',
  title: 'Get one task with its subtasks and comments',
  description:
    'Returns one active task with its description, all of its subtasks (at any depth) and its comments. ' +
    'Use the id shown by list_tasks, filter_tasks or get_overview.',
  inputSchema: z.object({
    task_id: idArgument().describe('The task id, e.g. "6XR4GqQQCW6Gv9h4"'),
  }),
  outputSchema: z.object({
    task: TaskSummarySchema.extend({ description: z.string() }),
    subtasks: z.array(SubtaskTreeSchema),
    subtaskCount: z.number().int(),
    comments: z.array(CommentSummarySchema),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },

  async run({ task_id }, call) {
    const task = await call.client.getTask(task_id, call.signal);
    // Subtasks can sit on any page of the project's tasks: read them all, then build the tree.
    const projectTasks = await readListing(call, 'tasks', { project_id: task.project_id });
    const node = findNode(buildTaskForest(projectTasks), task.id);
    const comments = await readListing(call, 'comments', { task_id: task.id });
    const projectsById = call.strategies.output === 'compact' ? await readProjectsById(call) : undefined;
    const toTree = (each: TaskNode): SubtaskTree => ({
      ...summarizeTask(each.task, projectsById),
      subtasks: each.subtasks.map(toTree),
    });
    const subtasks = (node?.subtasks ?? []).map(toTree);
    const lineContext = { projectsById: projectsById ?? new Map(), today: call.today };
    const subtaskLines = (nodes: TaskNode[], depth: number): string[] =>
      nodes.flatMap((each) => [taskLine(each.task, lineContext, depth), ...subtaskLines(each.subtasks, depth + 1)]);
    const subtaskCount = countSubtasks(subtasks);
    return {
      structured: {
        task: { ...summarizeTask(task, projectsById), description: task.description },
        subtasks,
        subtaskCount,
        comments: comments.map((comment) => ({ id: comment.id, postedAt: comment.posted_at, content: comment.content })),
      },
      summary: [
        taskLine(task, lineContext),
        ...(task.description ? [`  Description: ${untrustedText(task.description, MAX_BODY_CHARS)}`] : []),
        `  ${subtaskCount} subtask${subtaskCount === 1 ? '' : 's'}${subtaskCount ? ':' : ''}`,
        ...subtaskLines(node?.subtasks ?? [], 2),
        `  ${comments.length} comment${comments.length === 1 ? '' : 's'}${comments.length ? ':' : ''}`,
        ...comments.map((comment) => `    - ${comment.posted_at.slice(0, 10)}: ${untrustedText(comment.content, MAX_BODY_CHARS)}`),
      ],
      raw: { task, subtasks: node ? flatten(node.subtasks) : [], comments },
    };
  },
});

function findNode(nodes: TaskNode[], id: string): TaskNode | undefined {
  for (const node of nodes) {
    if (node.task.id === id) return node;
    const found = findNode(node.subtasks, id);
    if (found) return found;
  }
  return undefined;
}

function flatten(nodes: TaskNode[]): TaskNode['task'][] {
  return nodes.flatMap((node) => [node.task, ...flatten(node.subtasks)]);
}

function countSubtasks(trees: SubtaskTree[]): number {
  return trees.reduce((sum, tree) => sum + 1 + countSubtasks(tree.subtasks), 0);
}
