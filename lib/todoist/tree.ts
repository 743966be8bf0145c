/**
 * Tree assembly: projects (nested) → sections → tasks → subtasks (any depth).
 *
 * The API returns flat lists linked by ids (`parent_id`, `project_id`,
 * `section_id`). A tree can only be built once every page is in: a subtask's
 * parent may sit on a later page. Nothing is dropped — an item whose parent is
 * not in the set is kept and marked `orphan`, so the reader can see the gap.
 */
import type { Project, Section, Task } from './schemas';

export interface TaskNode {
  task: Task;
  subtasks: TaskNode[];
  /** The task's `parent_id` names a task that is not in the set. */
  orphan: boolean;
}

export interface SectionNode {
  section: Section;
  tasks: TaskNode[];
}

export interface ProjectNode {
  project: Project;
  subprojects: ProjectNode[];
  sections: SectionNode[];
  /** Tasks not in any section (or whose section is not in the set). */
  tasks: TaskNode[];
  /** The project's `parent_id` names a project that is not in the set. */
  orphan: boolean;
}

export interface TodoistTree {
  projects: ProjectNode[];
  /** Tasks whose project is not in the set, kept rather than dropped. */
  unplacedTasks: TaskNode[];
  /** Sections whose project is not in the set. */
  unplacedSections: SectionNode[];
}

interface Linked {
  id: string;
  parent_id?: string | null;
}

/**
 * Links items to their parents by id. An item whose parent is missing (or
 * whose parent chain loops back to itself) becomes a root marked orphan.
 */
export function linkByParent<Item extends Linked>(
  items: Item[],
): { roots: Item[]; childrenOf: Map<string, Item[]>; orphans: Set<string> } {
  const byId = new Map(items.map((item) => [item.id, item]));
  const childrenOf = new Map<string, Item[]>();
  const roots: Item[] = [];
  const orphans = new Set<string>();
  for (const item of items) {
    const parentId = item.parent_id ?? null;
    if (parentId === null) {
      roots.push(item);
    } else if (byId.has(parentId) && !loopsBack(item.id, parentId, byId)) {
      const siblings = childrenOf.get(parentId) ?? [];
      siblings.push(item);
      childrenOf.set(parentId, siblings);
    } else {
      roots.push(item);
      orphans.add(item.id);
    }
  }
  return { roots, childrenOf, orphans };
}

function loopsBack(id: string, parentId: string, byId: Map<string, Linked>): boolean {
  const visited = new Set<string>();
  for (let current: string | null | undefined = parentId; current; current = byId.get(current)?.parent_id) {
    // Stryker disable next-line ConditionalExpression: equivalent — a chain back to the item is a loop `visited` finds one step later
    if (current === id || visited.has(current)) return true;
    visited.add(current);
  }
  return false;
}

const byChildOrder = (a: { child_order: number }, b: { child_order: number }) => a.child_order - b.child_order;

/** Tasks → a forest of task nodes, subtasks nested at any depth. */
export function buildTaskForest(tasks: Task[]): TaskNode[] {
  const { roots, childrenOf, orphans } = linkByParent(tasks);
  const toNode = (task: Task): TaskNode => ({
    task,
    orphan: orphans.has(task.id),
    subtasks: (childrenOf.get(task.id) ?? []).sort(byChildOrder).map(toNode),
  });
  return roots.sort(byChildOrder).map(toNode);
}

export function buildTree(input: { projects: Project[]; sections: Section[]; tasks: Task[] }): TodoistTree {
  const projectIds = new Set(input.projects.map((project) => project.id));
  const sectionIds = new Set(input.sections.map((section) => section.id));
  const forest = buildTaskForest(input.tasks);

  // Root tasks (and orphans) are placed by project and section; subtasks travel with their parent.
  const tasksByPlace = groupBy(forest, ({ task }) =>
    task.section_id && sectionIds.has(task.section_id) ? `s:${task.section_id}` : `p:${task.project_id}`,
  );
  const sectionNodes = input.sections
    .slice()
    .sort((a, b) => a.section_order - b.section_order)
    .map((section): SectionNode => ({ section, tasks: tasksByPlace.get(`s:${section.id}`) ?? [] }));
  const sectionsByProject = groupBy(sectionNodes, ({ section }) => section.project_id);

  const { roots, childrenOf, orphans } = linkByParent(input.projects);
  const toNode = (project: Project): ProjectNode => ({
    project,
    orphan: orphans.has(project.id),
    subprojects: (childrenOf.get(project.id) ?? []).sort(byChildOrder).map(toNode),
    sections: sectionsByProject.get(project.id) ?? [],
    tasks: tasksByPlace.get(`p:${project.id}`) ?? [],
  });

  return {
    projects: roots.sort(byChildOrder).map(toNode),
    unplacedTasks: forest.filter(
      ({ task }) => !projectIds.has(task.project_id) && !(task.section_id && sectionIds.has(task.section_id)),
    ),
    unplacedSections: sectionNodes.filter(({ section }) => !projectIds.has(section.project_id)),
  };
}

/** Counts every task node in a forest, subtasks included. */
export function countTasks(nodes: TaskNode[]): number {
  return nodes.reduce((sum, node) => sum + 1 + countTasks(node.subtasks), 0);
}

function groupBy<Item>(items: Item[], keyOf: (item: Item) => string): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key) ?? [];
    group.push(item);
    groups.set(key, group);
  }
  return groups;
}
