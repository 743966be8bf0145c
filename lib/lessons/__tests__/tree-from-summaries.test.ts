import { describe, expect, it } from 'vitest';
import { summarizeTask } from '@/lib/mcp/task-summary';
import { createMockBackend } from '@/lib/mock/backend';
import {
  buildTreeFromSummaries,
  flatten,
  pageOf,
  summariesFrom,
  tasksOfProject,
  type ProjectSummaryLike,
  type TaskSummaryLike,
} from '../widgets/tree-from-summaries';

const projects: ProjectSummaryLike[] = [
  { id: 'inbox', name: 'Inbox' },
  { id: 'work', name: 'Work' },
  { id: 'clients', name: 'Clients', parentId: 'work' },
];

const task = (id: string, projectId: string, extra: Partial<TaskSummaryLike> = {}): TaskSummaryLike => ({
  id,
  content: `Task ${id}`,
  projectId,
  ...extra,
});

// In API order; with pages of 2: t1 t2 | t3 t4 | t5 t6 | t7.
const tasks: TaskSummaryLike[] = [
  task('t1', 'inbox'),
  task('t2', 'inbox', { parentId: 't4' }), // its parent comes on the next page
  task('t3', 'clients', { sectionId: 's1' }),
  task('t4', 'inbox'),
  task('t5', 'inbox', { parentId: 't2' }), // a subtask of a subtask, parent two pages back
  task('t6', 'work', { parentId: 'gone' }), // the parent is not in the list
  task('t7', 'archived-project'),
];

describe('pageOf', () => {
  it('numbers pages from 1, 50 items each by default', () => {
    expect([pageOf(0), pageOf(49), pageOf(50), pageOf(179)]).toEqual([1, 1, 2, 4]);
    expect(pageOf(3, 2)).toBe(2);
  });
});

describe('buildTreeFromSummaries', () => {
  const tree = buildTreeFromSummaries(projects, tasks, 2);

  it('nests projects, then sections, then tasks and subtasks at any depth', () => {
    expect(tree.projects.map((branch) => branch.project.id)).toEqual(['inbox', 'work']);
    const [inbox, work] = tree.projects;
    expect(work!.subprojects.map((branch) => branch.project.id)).toEqual(['clients']);
    expect(work!.subprojects[0]!.sections).toEqual([{ sectionId: 's1', tasks: [expect.objectContaining({ page: 2 })] }]);

    expect(inbox!.tasks.map((branch) => branch.task.id)).toEqual(['t1', 't4']);
    const t4 = inbox!.tasks[1]!;
    expect(t4.subtasks.map((branch) => [branch.task.id, branch.depth])).toEqual([['t2', 1]]);
    expect(t4.subtasks[0]!.subtasks.map((branch) => [branch.task.id, branch.depth])).toEqual([['t5', 2]]);
  });

  it('marks subtasks whose parent is on another page, and only those', () => {
    const marked = tree.projects.flatMap(tasksOfProject).filter((branch) => branch.parentPage !== undefined);
    expect(marked.map((branch) => [branch.task.id, branch.page, branch.parentPage])).toEqual([
      ['t2', 1, 2],
      ['t5', 3, 1],
    ]);
  });

  it('keeps orphans and tasks of unknown projects instead of dropping them', () => {
    const t6 = tree.projects[1]!.tasks.find((branch) => branch.task.id === 't6');
    expect(t6).toMatchObject({ orphan: true, depth: 0 });
    expect(t6!.parentPage).toBeUndefined();
    expect(tree.unplacedTasks.map((branch) => branch.task.id)).toEqual(['t7']);
    expect(tree.counts).toEqual({ projects: 3, tasks: 7, subtasks: 3, deepest: 2, parentOnOtherPage: 2, orphans: 1 });
  });

  it('marks a project whose parent is missing, and keeps it at the top', () => {
    const lost = buildTreeFromSummaries([{ id: 'child', name: 'Child', parentId: 'nowhere' }], []);
    expect(lost.projects).toEqual([expect.objectContaining({ orphan: true, subprojects: [], sections: [], tasks: [] })]);
  });
});

describe('summariesFrom', () => {
  it('reads the tools’ structuredContent, keeping the fields the tree needs', () => {
    const read = summariesFrom(
      { count: 1, projects: [{ id: 'p', name: 'Inbox', path: 'Inbox', depth: 0, isInbox: true, isFavorite: false }] },
      { count: 1, tasks: [{ id: 't', content: 'Buy milk', priority: 'p4', projectId: 'p', parentId: 'x', labels: [], url: 'u' }] },
    );
    expect(read).toEqual({ projects: [{ id: 'p', name: 'Inbox' }], tasks: [{ id: 't', content: 'Buy milk', projectId: 'p', parentId: 'x' }] });
  });

  it('refuses anything else', () => {
    expect(summariesFrom(undefined, { tasks: [] })).toBeUndefined();
    expect(summariesFrom({ projects: [] }, { tasks: [{ id: 1 }] })).toBeUndefined();
    expect(summariesFrom({ projects: [{ id: 'p', name: 'Inbox', parentId: 7 }] }, { tasks: [] })).toBeUndefined();
    expect(summariesFrom({ projects: [] }, { tasks: [null] })).toBeUndefined();
  });
});

describe('on the mock account the e2e stand-in serves (small, seed 1)', () => {
  const backend = createMockBackend({ size: 'small', seed: 1 });
  const summaries = backend.store.activeTasks().map((each) => summarizeTask(each));
  const tree = buildTreeFromSummaries(
    backend.store.data.projects.map((project) => ({ id: project.id, name: project.name, ...(project.parent_id && { parentId: project.parent_id }) })),
    summaries,
  );

  it('places every task, nests two levels deep, and crosses 50-item pages', () => {
    const placed = tree.projects.flatMap(function placedIn(branch): number {
      return tasksOfProject(branch).length + branch.subprojects.flatMap(placedIn).reduce((sum, count) => sum + count, 0);
    });
    expect(placed.reduce((sum, count) => sum + count, 0) + flatten(tree.unplacedTasks).length).toBe(summaries.length);
    expect(tree.unplacedTasks).toEqual([]);
    expect(tree.counts.orphans).toBe(0);
    expect(tree.counts.deepest).toBeGreaterThanOrEqual(2);
    expect(tree.counts.parentOnOtherPage).toBeGreaterThan(0);
  });
});
