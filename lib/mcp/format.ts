/**
 * Presentation for the model: compact, one line per item, no nulls, no noise.
 * A model reads every byte it is given; the raw API JSON for 180 tasks is
 * tens of kilobytes of mostly nulls and ids.
 */
import { toUiPriority, type Project, type Task } from '@/lib/todoist/schemas';
import { MAX_NAME_CHARS, MAX_TITLE_CHARS, untrustedText } from './untrusted-text';

/** "Work › Clients › Acme" for a project id, following parent_id. */
export function projectPath(projectId: string, projectsById: Map<string, Project>): string {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let id: string | null | undefined = projectId; id && !seen.has(id); id = projectsById.get(id)?.parent_id) {
    seen.add(id);
    const name = projectsById.get(id)?.name;
    names.unshift(name === undefined ? `project ${id}` : untrustedText(name, MAX_NAME_CHARS));
  }
  return names.join(' › ');
}

/** Human due text: "due today", "due tomorrow", "overdue since 2026-09-28", "due 2026-10-07 14:00", with "(recurring)". */
export function describeDue(task: Task, today: string): string | undefined {
  if (!task.due) return undefined;
  const day = task.due.date.slice(0, 10);
  const time = task.due.date.length > 10 ? ` ${task.due.date.slice(11, 16)}${task.due.date.endsWith('Z') ? ' UTC' : ''}` : '';
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const recurring = task.due.is_recurring ? ' (recurring)' : '';
  if (day < today) return `overdue since ${day}${time}${recurring}`;
  const when = day === today ? 'today' : day === tomorrow ? 'tomorrow' : day;
  return `due ${when}${time}${recurring}`;
}

export interface TaskLineContext {
  projectsById: Map<string, Project>;
  today: string;
}

/**
 * "p1 · Buy milk · due today · Inbox · @errands · id 6XR4…" — `depth` indents subtasks.
 * Title, project and label names are the user's data: see ./untrusted-text.
 */
export function taskLine(task: Task, context: TaskLineContext, depth = 0): string {
  const parts = [
    toUiPriority(task.priority),
    untrustedText(task.content, MAX_TITLE_CHARS),
    describeDue(task, context.today),
    task.deadline ? `deadline ${task.deadline.date}` : undefined,
    projectPath(task.project_id, context.projectsById),
    task.labels.length ? task.labels.map((label) => `@${untrustedText(label, MAX_NAME_CHARS)}`).join(' ') : undefined,
    `id ${task.id}`,
  ];
  return `${'  '.repeat(depth)}- ${parts.filter(Boolean).join(' · ')}`;
}

export function todayOf(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
