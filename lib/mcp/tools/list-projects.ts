import { z } from 'zod';
import { linkByParent } from '@/lib/todoist/tree';
import type { Project } from '@/lib/todoist/schemas';
import { readListing } from '../call';
import { projectPath } from '../format';
import { defineTool } from '../tool';
import { MAX_NAME_CHARS, untrustedText } from '../untrusted-text';

const ProjectSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  path: z.string(),
  parentId: z.string().optional(),
  depth: z.number().int(),
  isInbox: z.boolean(),
  isFavorite: z.boolean(),
});

export const listProjectsTool = defineTool({
  name: 'list_projects',
  title: 'List projects',
  description:
    "Lists the user's Todoist projects with their ids, including nested sub-projects. Use the ids with list_tasks. " +
    '`format: "tree"` shows the nesting by indentation; "flat" gives one full path per line.',
  inputSchema: z.object({
    format: z.enum(['flat', 'tree']).default('tree').describe('tree (indented) or flat (full paths)'),
  }),
  outputSchema: z.object({
    count: z.number().int(),
    projects: z.array(ProjectSummarySchema),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },

  async run({ format }, call) {
    const projects = await readListing(call, 'projects');
    const byId = new Map(projects.map((project) => [project.id, project]));
    const ordered = depthFirst(projects);
    const summaries = ordered.map(({ project, depth }) => ({
      id: project.id,
      name: project.name,
      path: projectPath(project.id, byId),
      ...(project.parent_id && { parentId: project.parent_id }),
      depth,
      isInbox: project.inbox_project === true,
      isFavorite: project.is_favorite,
    }));
    return {
      structured: { count: summaries.length, projects: summaries },
      summary: [
        `${summaries.length} projects:`,
        ...summaries.map((project) =>
          format === 'tree'
            ? `${'  '.repeat(project.depth)}- ${untrustedText(project.name, MAX_NAME_CHARS)}${project.isInbox ? ' (Inbox)' : ''} · id ${project.id}`
            : `- ${project.path} · id ${project.id}`,
        ),
      ],
      raw: projects,
    };
  },
});

/** Parents before children, siblings by child_order, with each project's depth. */
function depthFirst(projects: Project[]): Array<{ project: Project; depth: number }> {
  const { roots, childrenOf } = linkByParent(projects);
  const order = (list: Project[]) => [...list].sort((a, b) => a.child_order - b.child_order);
  const walk = (project: Project, depth: number): Array<{ project: Project; depth: number }> => [
    { project, depth },
    ...order(childrenOf.get(project.id) ?? []).flatMap((child) => walk(child, depth + 1)),
  ];
  return order(roots).flatMap((root) => walk(root, 0));
}
