/**
 * The task tree of the pagination lesson, built in the browser from two tool
 * results: list_projects (flat, with parentId) and list_tasks (every page, in
 * API order). Linking is lib/todoist/tree's `linkByParent`, the same code the
 * server uses, so an item whose parent is missing is kept and marked orphan.
 *
 * It also answers the lesson's question — could this have been built page by
 * page? — by numbering each task's page in API order and marking subtasks
 * whose parent sits on another page.
 */
import { linkByParent } from '@/lib/todoist/tree';

/** Todoist's page size when no limit is sent: what the naive code reads. */
export const API_DEFAULT_PAGE_SIZE = 50;

/** The fields of list_projects' structuredContent.projects that the tree needs. */
export interface ProjectSummaryLike {
  id: string;
  name: string;
  parentId?: string;
}

/** The fields of list_tasks' structuredContent.tasks that the tree needs. */
export interface TaskSummaryLike {
  id: string;
  content: string;
  projectId: string;
  sectionId?: string;
  parentId?: string;
}

export interface TaskBranch {
  task: TaskSummaryLike;
  /** 0 for a top-level task, 1 for a subtask, 2 for a subtask's subtask, … */
  depth: number;
  /** The page this task is on when the list is read `pageSize` at a time, in API order. */
  page: number;
  /** The parent's page, set only when it differs from this task's page. */
  parentPage?: number;
  /** Its parentId names a task that is not in the list: kept, not dropped. */
  orphan: boolean;
  subtasks: TaskBranch[];
}

/** Task summaries carry a section id but no section name (there is no list_sections tool). */
export interface SectionBranch {
  sectionId: string;
  tasks: TaskBranch[];
}

export interface ProjectBranch {
  project: ProjectSummaryLike;
  /** Its parentId names a project that is not in the list. */
  orphan: boolean;
  subprojects: ProjectBranch[];
  /** Sections in the order their first task appeared. */
  sections: SectionBranch[];
  /** Top-level tasks outside any section. */
  tasks: TaskBranch[];
}

export interface SummaryTree {
  projects: ProjectBranch[];
  /** Tasks whose project is not in the project list, kept rather than dropped. */
  unplacedTasks: TaskBranch[];
  counts: TreeCounts;
}

export interface TreeCounts {
  projects: number;
  tasks: number;
  subtasks: number;
  /** The deepest task's depth (0 when there are no subtasks). */
  deepest: number;
  /** Subtasks whose parent is on another page. */
  parentOnOtherPage: number;
  orphans: number;
}

/**
 * The two tool results' structuredContent, checked; undefined when either is not the expected shape. Checked by
 * hand, not with zod: this runs in the browser, and zod would be the largest script of the pagination lesson.
 */
export function summariesFrom(
  projectsContent: unknown,
  tasksContent: unknown,
): { projects: ProjectSummaryLike[]; tasks: TaskSummaryLike[] } | undefined {
  const projects = listIn(projectsContent, 'projects', readProject);
  const tasks = listIn(tasksContent, 'tasks', readTask);
  return projects && tasks ? { projects, tasks } : undefined;
}

/** `content[key]` as a list of items that `read` accepts (unknown fields dropped); undefined if any is not. */
function listIn<Item>(content: unknown, key: string, read: (item: Record<string, unknown>) => Item | undefined): Item[] | undefined {
  const list = isObject(content) ? content[key] : undefined;
  if (!Array.isArray(list)) return undefined;
  const items = list.map((item) => (isObject(item) ? read(item) : undefined));
  return items.every((item) => item !== undefined) ? (items as Item[]) : undefined;
}

function readProject({ id, name, parentId }: Record<string, unknown>): ProjectSummaryLike | undefined {
  if (!isString(id) || !isString(name) || !isOptionalString(parentId)) return undefined;
  return { id, name, ...(parentId !== undefined && { parentId }) };
}

function readTask({ id, content, projectId, sectionId, parentId }: Record<string, unknown>): TaskSummaryLike | undefined {
  if (!isString(id) || !isString(content) || !isString(projectId) || !isOptionalString(sectionId) || !isOptionalString(parentId)) return undefined;
  return { id, content, projectId, ...(sectionId !== undefined && { sectionId }), ...(parentId !== undefined && { parentId }) };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isOptionalString = (value: unknown): value is string | undefined => value === undefined || typeof value === 'string';

/** 1-based page of the item at `index` in API order. */
export function pageOf(index: number, pageSize: number = API_DEFAULT_PAGE_SIZE): number {
  return Math.floor(index / pageSize) + 1;
}

export function buildTreeFromSummaries(
  projects: readonly ProjectSummaryLike[],
  tasks: readonly TaskSummaryLike[],
  pageSize: number = API_DEFAULT_PAGE_SIZE,
): SummaryTree {
  const forest = buildTaskBranches(tasks, pageSize);
  const places = placeByProjectAndSection(forest);

  // linkByParent speaks the API's field name (parent_id); the summaries say parentId.
  const projectLinks = linkByParent(projects.map((project) => ({ id: project.id, parent_id: project.parentId ?? null, project })));
  const toProjectBranch = (link: (typeof projectLinks.roots)[number]): ProjectBranch => {
    const place = places.get(link.id);
    return {
      project: link.project,
      orphan: projectLinks.orphans.has(link.id),
      subprojects: (projectLinks.childrenOf.get(link.id) ?? []).map(toProjectBranch),
      sections: [...(place?.sections ?? new Map<string, TaskBranch[]>())].map(([sectionId, sectionTasks]) => ({ sectionId, tasks: sectionTasks })),
      tasks: place?.tasks ?? [],
    };
  };

  const projectIds = new Set(projects.map((project) => project.id));
  const all = flatten(forest);
  return {
    projects: projectLinks.roots.map(toProjectBranch),
    unplacedTasks: forest.filter((branch) => !projectIds.has(branch.task.projectId)),
    counts: {
      projects: projects.length,
      tasks: all.length,
      subtasks: all.filter((branch) => branch.task.parentId !== undefined).length,
      deepest: Math.max(0, ...all.map((branch) => branch.depth)),
      parentOnOtherPage: all.filter((branch) => branch.parentPage !== undefined).length,
      orphans: all.filter((branch) => branch.orphan).length,
    },
  };
}

/** Every task of one project (its sections included, its subprojects not), subtasks included. */
export function tasksOfProject(project: ProjectBranch): TaskBranch[] {
  return flatten([...project.tasks, ...project.sections.flatMap((section) => section.tasks)]);
}

/** Every branch of a forest, parents before their subtasks. */
export function flatten(branches: readonly TaskBranch[]): TaskBranch[] {
  return branches.flatMap((branch) => [branch, ...flatten(branch.subtasks)]);
}

/** Tasks → top-level branches with subtasks nested at any depth, each with its page. */
function buildTaskBranches(tasks: readonly TaskSummaryLike[], pageSize: number): TaskBranch[] {
  const pageById = new Map(tasks.map((task, index) => [task.id, pageOf(index, pageSize)]));
  const { roots, childrenOf, orphans } = linkByParent(tasks.map((task) => ({ id: task.id, parent_id: task.parentId ?? null, task })));

  const toBranch = (link: (typeof roots)[number], depth: number): TaskBranch => {
    const page = pageById.get(link.id)!;
    const orphan = orphans.has(link.id);
    const parentPage = link.parent_id && !orphan ? pageById.get(link.parent_id) : undefined;
    return {
      task: link.task,
      depth,
      page,
      ...(parentPage !== undefined && parentPage !== page && { parentPage }),
      orphan,
      subtasks: (childrenOf.get(link.id) ?? []).map((child) => toBranch(child, depth + 1)),
    };
  };
  return roots.map((root) => toBranch(root, 0));
}

interface Place {
  sections: Map<string, TaskBranch[]>;
  tasks: TaskBranch[];
}

/** Top-level branches by project, then section; subtasks travel with their parent. */
function placeByProjectAndSection(forest: readonly TaskBranch[]): Map<string, Place> {
  const places = new Map<string, Place>();
  for (const branch of forest) {
    const { projectId, sectionId } = branch.task;
    const place: Place = places.get(projectId) ?? { sections: new Map(), tasks: [] };
    places.set(projectId, place);
    if (sectionId === undefined) {
      place.tasks.push(branch);
    } else {
      place.sections.set(sectionId, [...(place.sections.get(sectionId) ?? []), branch]);
    }
  }
  return places;
}
