/**
 * The mock's state: one dataset per mock instance, changed by writes.
 *
 * Each MockBackend owns its own store, so two sessions (or a lesson's two
 * side-by-side panels) never see each other's writes. The store knows the
 * data rules (what a task needs, what closing a recurring task does); the
 * HTTP details live in handlers.ts.
 */
import type { CreateTaskArgs, Due, Task, UpdateTaskArgs } from '@/lib/todoist/schemas';
import type { Dataset } from './dataset';

/** A write was rejected; maps to 400 INVALID_ARGUMENT_VALUE naming `argument`. */
export class MockArgumentError extends Error {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(message);
  }
}

export class MockStore {
  readonly data: Dataset;
  #idCounter = 0;

  constructor(
    dataset: Dataset,
    /** The mock's clock, injectable so tests are deterministic. */
    private readonly now: () => Date = () => new Date(),
  ) {
    this.data = structuredClone(dataset);
  }

  /** Today in the user's calendar (the mock keeps it simple: UTC). */
  today(): string {
    return this.now().toISOString().slice(0, 10);
  }

  activeTasks(): Task[] {
    return this.data.tasks.filter((task) => !task.checked && !task.is_deleted);
  }

  findActiveTask(id: string): Task | undefined {
    return this.activeTasks().find((task) => task.id === id);
  }

  createTask(args: CreateTaskArgs): Task {
    const projectId = args.project_id ?? this.data.user.inbox_project_id;
    if (!this.data.projects.some((project) => project.id === projectId)) {
      throw new MockArgumentError('project_id', `Project ${projectId} not found`);
    }
    const section = args.section_id ? this.data.sections.find((s) => s.id === args.section_id) : undefined;
    if (args.section_id && !section) throw new MockArgumentError('section_id', `Section ${args.section_id} not found`);
    const parent = args.parent_id ? this.findActiveTask(args.parent_id) : undefined;
    if (args.parent_id && !parent) throw new MockArgumentError('parent_id', `Parent task ${args.parent_id} not found`);

    const timestamp = this.timestamp();
    // child_order counts within one place: the same parent, or the same project and section.
    const siblings = this.data.tasks.filter((task) =>
      parent ? task.parent_id === parent.id : task.parent_id === null && task.project_id === projectId && task.section_id === (args.section_id ?? null),
    );
    const task: Task = {
      id: this.nextId(),
      user_id: this.data.user.id,
      project_id: parent?.project_id ?? section?.project_id ?? projectId,
      section_id: parent?.section_id ?? args.section_id ?? null,
      parent_id: args.parent_id ?? null,
      content: args.content,
      description: args.description ?? '',
      labels: args.labels ?? [],
      priority: args.priority ?? 1,
      due: this.dueFrom(args),
      deadline: null,
      duration: null,
      child_order: siblings.length + 1,
      day_order: -1,
      is_collapsed: false,
      checked: false,
      is_deleted: false,
      added_at: timestamp,
      updated_at: timestamp,
      completed_at: null,
      added_by_uid: this.data.user.id,
      assigned_by_uid: null,
      responsible_uid: null,
      note_count: 0,
    };
    this.data.tasks.push(task);
    return task;
  }

  updateTask(task: Task, args: UpdateTaskArgs): Task {
    const dueChanged = (args.due_string ?? args.due_date ?? args.due_datetime) !== undefined;
    const due = dueChanged ? this.dueFrom(args) : task.due;
    Object.assign(task, {
      ...(args.content !== undefined && { content: args.content }),
      ...(args.description !== undefined && { description: args.description }),
      ...(args.labels !== undefined && { labels: args.labels }),
      ...(args.priority !== undefined && { priority: args.priority }),
      due,
      updated_at: this.timestamp(),
    });
    return task;
  }

  /** Closing a recurring task moves it to its next date instead of completing it. */
  closeTask(task: Task): void {
    if (task.due?.is_recurring) {
      task.due = { ...task.due, date: nextOccurrence(task.due) };
    } else {
      // Closing a parent closes its subtasks too, as in Todoist.
      for (const each of [task, ...this.descendantsOf(task.id)]) {
        each.checked = true;
        each.completed_at = this.timestamp();
      }
    }
    task.updated_at = this.timestamp();
  }

  reopenTask(id: string): Task | undefined {
    const task = this.data.tasks.find((each) => each.id === id && !each.is_deleted);
    if (!task) return undefined;
    task.checked = false;
    task.completed_at = null;
    task.updated_at = this.timestamp();
    return task;
  }

  deleteTask(task: Task): void {
    for (const each of [task, ...this.descendantsOf(task.id)]) each.is_deleted = true;
  }

  descendantsOf(id: string): Task[] {
    const children = this.data.tasks.filter((task) => task.parent_id === id);
    return children.flatMap((child) => [child, ...this.descendantsOf(child.id)]);
  }

  private dueFrom(args: Pick<CreateTaskArgs, 'due_string' | 'due_date' | 'due_datetime' | 'due_lang'>): Due | null {
    const lang = args.due_lang ?? 'en';
    if (args.due_datetime) {
      return { date: args.due_datetime.replace(/Z$/, '.000000Z'), string: args.due_datetime, is_recurring: false, timezone: 'UTC', lang };
    }
    if (args.due_date) return { date: args.due_date, string: args.due_date, is_recurring: false, timezone: null, lang };
    if (!args.due_string) return null;
    const date = parseDueString(args.due_string, this.today());
    if (!date) {
      throw new MockArgumentError(
        'due_string',
        `The mock understands today, tomorrow, YYYY-MM-DD and "every day|week|month", not "${args.due_string}"`,
      );
    }
    const is_recurring = /^every\b/i.test(args.due_string.trim());
    return { date, string: args.due_string, is_recurring, timezone: null, lang };
  }

  private nextId(): string {
    this.#idCounter += 1;
    return `mock${this.now().getTime().toString(36)}${this.#idCounter.toString(36)}`.slice(-16);
  }

  private timestamp(): string {
    return this.now().toISOString().replace(/Z$/, '000Z');
  }
}

/** The small subset of Todoist's natural-language dates the mock understands. */
export function parseDueString(text: string, today: string): string | undefined {
  const value = text.trim().toLowerCase();
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  if (value === 'today' || value === 'every day' || value === 'daily') return today;
  if (value === 'tomorrow') return addDays(today, 1);
  if (value === 'next week') return addDays(today, 7);
  if (value === 'every week' || value === 'weekly' || value === 'every month' || value === 'monthly') return today;
  return undefined;
}

/**
 * Next date of a recurring due, from its `string`. The mock understands
 * "every [N] day(s)|week(s)|month(s)", "every <weekday>", "every weekday"
 * and "every 1st" (monthly); Todoist's own grammar is far richer.
 */
export function nextOccurrence(due: Due): string {
  const day = due.date.slice(0, 10);
  const rule = due.string.toLowerCase();
  const every = Number(/every (\d+)/.exec(rule)?.[1] ?? 1);
  let next: string;
  if (/weekday/.test(rule)) {
    next = addDays(day, 1);
    while ([0, 6].includes(new Date(`${next}T00:00:00Z`).getUTCDay())) next = addDays(next, 1);
  } else if (/month|\d(st|nd|rd|th)\b/.test(rule)) {
    next = addMonths(day, /month/.test(rule) ? every : 1);
  } else if (/week|monday|tuesday|wednesday|thursday|friday|saturday|sunday/.test(rule)) {
    next = addDays(day, 7 * every);
  } else {
    next = addDays(day, every);
  }
  return due.date.length > 10 ? next + due.date.slice(10) : next;
}

export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

function addMonths(date: string, months: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCMonth(value.getUTCMonth() + months);
  return value.toISOString().slice(0, 10);
}
