/**
 * The task tree as nested lists: projects (and their sub-projects) → sections
 * → tasks → subtasks at any depth, each level a <details> to fold. Subtasks
 * whose parent is on another page, and orphans, carry a visible mark.
 */
import { tasksOfProject, type ProjectBranch, type TaskBranch } from '@/lib/lessons/widgets/tree-from-summaries';

/** Which folds start open: all, none, or only those that lead to a marked task. */
export type OpenMode = 'all' | 'none' | 'marked';

const NESTED_LIST = 'ml-2 space-y-1 border-l-2 border-border pl-4';
const MARK = 'ml-2 inline-block rounded border-2 px-1.5 font-mono text-sm font-semibold';

export function TreeView({ projects, unplaced, mode }: { projects: ProjectBranch[]; unplaced: TaskBranch[]; mode: OpenMode }) {
  return (
    <>
      <ul aria-label="Projects" data-testid="task-tree" className="space-y-1">
        {projects.map((branch) => (
          <ProjectItem key={branch.project.id} branch={branch} mode={mode} />
        ))}
      </ul>
      {unplaced.length > 0 && (
        <div className="mt-4">
          <p className="font-semibold">Tasks whose project is not in the list (kept, not dropped)</p>
          <ul className={NESTED_LIST}>
            {unplaced.map((branch) => (
              <TaskItem key={branch.task.id} branch={branch} mode={mode} />
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

function ProjectItem({ branch, mode }: { branch: ProjectBranch; mode: OpenMode }) {
  const tasks = tasksOfProject(branch);
  const marked = tasks.filter(isMarked).length;
  return (
    <li data-testid="tree-project">
      <details open={mode === 'all' || (mode === 'marked' && leadsToMark(branch))}>
        <summary className="cursor-pointer rounded px-1 py-0.5 hover:bg-surface">
          <span className="text-lg font-semibold">{branch.project.name}</span>
          <span className="ml-2 text-muted">
            {tasks.length} task{tasks.length === 1 ? '' : 's'}
            {marked > 0 && ` · ${marked} marked`}
          </span>
          {branch.orphan && <span className={`${MARK} border-danger`}>orphan: parent project not in the list</span>}
        </summary>
        <ul className={NESTED_LIST}>
          {branch.sections.map((section) => (
            <li key={section.sectionId} data-testid="tree-section">
              <details open={mode === 'all' || (mode === 'marked' && section.tasks.some(leadsToMarkedTask))}>
                <summary className="cursor-pointer rounded px-1 py-0.5 hover:bg-surface">
                  <span className="font-semibold">
                    Section <code className="font-mono">{section.sectionId}</code>
                  </span>
                  <span className="ml-2 text-muted">{tasksIn(section.tasks)} tasks</span>
                </summary>
                <ul className={NESTED_LIST}>
                  {section.tasks.map((task) => (
                    <TaskItem key={task.task.id} branch={task} mode={mode} />
                  ))}
                </ul>
              </details>
            </li>
          ))}
          {branch.tasks.map((task) => (
            <TaskItem key={task.task.id} branch={task} mode={mode} />
          ))}
          {branch.subprojects.map((subproject) => (
            <ProjectItem key={subproject.project.id} branch={subproject} mode={mode} />
          ))}
        </ul>
      </details>
    </li>
  );
}

function TaskItem({ branch, mode }: { branch: TaskBranch; mode: OpenMode }) {
  const label = <TaskLabel branch={branch} />;
  return (
    <li
      data-testid="tree-task"
      data-depth={branch.depth}
      data-page={branch.page}
      data-parent-page={branch.parentPage}
      data-orphan={branch.orphan || undefined}
    >
      {branch.subtasks.length === 0 ? (
        <div className="px-1 py-0.5">{label}</div>
      ) : (
        <details open={mode === 'all' || (mode === 'marked' && branch.subtasks.some(leadsToMarkedTask))}>
          <summary className="cursor-pointer rounded px-1 py-0.5 hover:bg-surface">{label}</summary>
          <ul className={NESTED_LIST}>
            {branch.subtasks.map((subtask) => (
              <TaskItem key={subtask.task.id} branch={subtask} mode={mode} />
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

function TaskLabel({ branch }: { branch: TaskBranch }) {
  return (
    <>
      <span>{branch.task.content}</span>
      {branch.parentPage !== undefined && (
        <span data-testid="parent-elsewhere" className={`${MARK} border-accent`}>
          page {branch.page} → parent on page {branch.parentPage}
        </span>
      )}
      {branch.orphan && (
        <span data-testid="orphan" className={`${MARK} border-danger`}>
          orphan: parent {branch.task.parentId} not in the list
        </span>
      )}
    </>
  );
}

function isMarked(branch: TaskBranch): boolean {
  return branch.parentPage !== undefined || branch.orphan;
}

function leadsToMarkedTask(branch: TaskBranch): boolean {
  return isMarked(branch) || branch.subtasks.some(leadsToMarkedTask);
}

function leadsToMark(project: ProjectBranch): boolean {
  return tasksOfProject(project).some(isMarked) || project.subprojects.some(leadsToMark);
}

function tasksIn(branches: TaskBranch[]): number {
  return branches.reduce((sum, branch) => sum + 1 + tasksIn(branch.subtasks), 0);
}
