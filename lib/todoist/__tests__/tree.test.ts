import { describe, expect, it } from 'vitest';
import { buildTaskForest, buildTree, countTasks } from '../tree';
import { projectFixture, sectionFixture, taskFixture } from './fixtures';

const task = (id: string, parent_id: string | null, extra: Parameters<typeof taskFixture>[0] = {}) =>
  taskFixture({ id, parent_id, child_order: Number(id.replace(/\D/g, '')) || 0, ...extra });

describe('tree assembly', () => {
  it('nests subtasks at any depth, ordered by child_order', () => {
    const forest = buildTaskForest([task('t4', 't3'), task('t3', 't2'), task('t2', 't1'), task('t1', null), task('t5', 't1')]);
    expect(forest).toHaveLength(1);
    const [root] = forest;
    expect(root?.subtasks.map((node) => node.task.id)).toEqual(['t2', 't5']);
    expect(root?.subtasks[0]?.subtasks[0]?.subtasks[0]?.task.id).toBe('t4');
    expect(countTasks(forest)).toBe(5);
  });

  it('keeps a task whose parent is not in the set, marked orphan', () => {
    const forest = buildTaskForest([task('t1', null), task('t2', 'missing'), task('t3', 't2')]);
    const orphan = forest.find((node) => node.task.id === 't2');
    expect(orphan?.orphan).toBe(true);
    expect(orphan?.subtasks.map((node) => node.task.id)).toEqual(['t3']);
    expect(countTasks(forest)).toBe(3);
  });

  it('survives a parent cycle in bad data without losing tasks', () => {
    const forest = buildTaskForest([task('t1', 't2'), task('t2', 't1')]);
    expect(countTasks(forest)).toBe(2);
  });

  it('places tasks under projects (nested) and sections', () => {
    const work = projectFixture({ id: 'work', name: 'Work' });
    const clients = projectFixture({ id: 'clients', name: 'Clients', parent_id: 'work' });
    const acme = projectFixture({ id: 'acme', name: 'Acme', parent_id: 'clients' });
    const next = sectionFixture({ id: 's1', project_id: 'acme' });
    const tree = buildTree({
      projects: [acme, clients, work],
      sections: [next],
      tasks: [
        task('t1', null, { project_id: 'acme', section_id: 's1' }),
        task('t2', 't1', { project_id: 'acme', section_id: 's1' }),
        task('t3', null, { project_id: 'acme' }),
        task('t9', null, { project_id: 'gone' }),
      ],
    });
    expect(tree.projects.map((node) => node.project.id)).toEqual(['work']);
    const acmeNode = tree.projects[0]?.subprojects[0]?.subprojects[0];
    expect(acmeNode?.project.id).toBe('acme');
    expect(acmeNode?.sections[0]?.tasks.map((node) => node.task.id)).toEqual(['t1']);
    expect(acmeNode?.sections[0]?.tasks[0]?.subtasks[0]?.task.id).toBe('t2');
    expect(acmeNode?.tasks.map((node) => node.task.id)).toEqual(['t3']);
    expect(tree.unplacedTasks.map((node) => node.task.id)).toEqual(['t9']);
  });

  it('keeps a sub-project whose parent is missing as an orphan root', () => {
    const tree = buildTree({
      projects: [projectFixture({ id: 'child', parent_id: 'missing' })],
      sections: [sectionFixture({ project_id: 'elsewhere' })],
      tasks: [],
    });
    expect(tree.projects[0]?.orphan).toBe(true);
    expect(tree.unplacedSections).toHaveLength(1);
  });
});
