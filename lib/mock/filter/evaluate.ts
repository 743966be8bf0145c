/**
 * Evaluates a parsed filter query (see `./parse.ts`) against tasks.
 *
 * Dates: a task's due day is the YYYY-MM-DD prefix of `due.date`, whichever of
 * its three forms it has (full day, floating time, fixed UTC time). That is
 * good enough for the mock. The real API converts fixed times to the user's
 * timezone first, so a task due at 23:30Z can fall on a different local day,
 * and it also counts a task due earlier today at a past time as overdue; the
 * mock does neither. YYYY-MM-DD strings sort like the dates they name, so
 * plain string comparison works.
 */
import type { Project, Section, Task } from '@/lib/todoist/schemas';
import type { DateRef, FilterNode, FilterQuery, FilterTerm } from './parse';

export interface FilterContext {
  /** The user's local date, YYYY-MM-DD. Relative terms ("today", "3 days") count from it. */
  today: string;
  projectsById: ReadonlyMap<string, Project>;
  sectionsById: ReadonlyMap<string, Section>;
  /** The current user, for "assigned to: me". */
  userId: string;
}

/** Tasks matching any of the query's comma groups, each once, in their original order. */
export function filterTasks(query: FilterQuery, tasks: Task[], ctx: FilterContext): Task[] {
  return tasks.filter((task) => query.some((group) => matchesFilter(group, task, ctx)));
}

export function matchesFilter(node: FilterNode, task: Task, ctx: FilterContext): boolean {
  switch (node.type) {
    case 'and':
      return matchesFilter(node.left, task, ctx) && matchesFilter(node.right, task, ctx);
    case 'or':
      return matchesFilter(node.left, task, ctx) || matchesFilter(node.right, task, ctx);
    case 'not':
      return !matchesFilter(node.operand, task, ctx);
    default:
      return matchesTerm(node, task, ctx);
  }
}

function matchesTerm(term: FilterTerm, task: Task, ctx: FilterContext): boolean {
  // Every date term is false for a task without a due date (so "!today" includes them).
  const due = task.due ? task.due.date.slice(0, 10) : null;

  switch (term.type) {
    case 'all':
      return true;
    case 'dueOn':
      return due !== null && due === resolveDate(term.date, ctx);
    case 'overdue':
      return due !== null && due < ctx.today;
    case 'noDate':
      return due === null;
    case 'nextDays':
      // N days starting today: "1 days" is today only, "7 days" is today + the 6 days after.
      return due !== null && due >= ctx.today && due <= addDays(ctx.today, term.days - 1);
    case 'dueBefore':
      return due !== null && due < resolveDate(term.date, ctx);
    case 'dueAfter':
      return due !== null && due > resolveDate(term.date, ctx);
    case 'priority':
      return task.priority === term.apiPriority;
    case 'project':
      return term.withSubprojects
        ? projectOrAncestorIsNamed(task.project_id, term.name, ctx)
        : sameName(ctx.projectsById.get(task.project_id)?.name, term.name);
    case 'section':
      return task.section_id !== null && sameName(ctx.sectionsById.get(task.section_id)?.name, term.name);
    case 'label': {
      const wanted = term.name.toLowerCase();
      return task.labels.some((label) =>
        term.prefix ? label.toLowerCase().startsWith(wanted) : label.toLowerCase() === wanted,
      );
    }
    case 'noLabels':
      return task.labels.length === 0;
    case 'subtask':
      return task.parent_id !== null;
    case 'search':
      return task.content.toLowerCase().includes(term.text.toLowerCase());
    case 'assignedTo':
      return term.who === 'me'
        ? task.responsible_uid === ctx.userId
        : task.responsible_uid !== null && task.responsible_uid !== ctx.userId;
    case 'recurring':
      return task.due?.is_recurring === true;
    default: {
      // Adding a FilterTerm without handling it here is a compile error.
      const unhandled: never = term;
      throw new Error(`Unhandled filter term ${JSON.stringify(unhandled)}`);
    }
  }
}

/** Names compare case-insensitively; an unknown project or section matches nothing. */
function sameName(actual: string | undefined, wanted: string): boolean {
  return actual !== undefined && actual.toLowerCase() === wanted.toLowerCase();
}

/** For "##Name": walks up from the task's project through its parents. */
function projectOrAncestorIsNamed(projectId: string, name: string, ctx: FilterContext): boolean {
  const seen = new Set<string>(); // guards against a parent_id cycle in bad data
  let project = ctx.projectsById.get(projectId);
  while (project && !seen.has(project.id)) {
    if (sameName(project.name, name)) return true;
    seen.add(project.id);
    project = project.parent_id ? ctx.projectsById.get(project.parent_id) : undefined;
  }
  return false;
}

function resolveDate(ref: DateRef, ctx: FilterContext): string {
  return ref.kind === 'absolute' ? ref.date : addDays(ctx.today, ref.offsetDays);
}

/** Calendar arithmetic on YYYY-MM-DD, done in UTC so no DST shift can skew it. */
function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
