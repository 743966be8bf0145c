/**
 * The mock's state as the handlers see it: a generated dataset, shared
 * read-only, under one workspace's changes (copy-on-write).
 *
 * Reads merge the two (a changed task's copy replaces the generated one;
 * created tasks list last). Every write first copies the task into the
 * workspace's `changes` (`own`), so the shared base is never touched and the
 * workspace state stays plain JSON. The store keeps nothing of its own: a new
 * store over the same workspace state sees every write of the previous one.
 * The store knows the data rules (what a task needs, what closing a recurring
 * task does); the HTTP details live in handlers.ts.
 *
 * Every write also stamps the task with the account's next change sequence
 * (what an incremental Sync sends), and, when the account has a webhook,
 * queues the event Todoist would deliver for it (`takeOutbox`).
 */
import type { ItemEventName } from '@/lib/realtime/webhook-event';
import type { CreateTaskArgs, Due, Task, UpdateTaskArgs } from '@/lib/todoist/schemas';
import type { Dataset, DatasetSize } from './dataset';
import { sharedDataset, taskIndex } from './shared-dataset';
import type { OutboxEntry } from './webhook-outbox';
import { datasetChangesKey, syncLogOf, type DatasetChanges, type MockWorkspaceState } from './workspace-state';

/** A write was rejected; maps to 400 INVALID_ARGUMENT_VALUE naming `argument`. */
export class MockArgumentError extends Error {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(message);
  }
}

export interface MockStoreOptions {
  size: DatasetSize;
  seed: number;
  /** Read and written in place: `changes`, `nextId` and the sync log's sequence. */
  workspace: MockWorkspaceState;
  /** The mock's clock, injectable so tests are deterministic. */
  now?: () => Date;
}

export class MockStore {
  readonly size: DatasetSize;
  readonly seed: number;
  readonly #workspace: MockWorkspaceState;
  readonly #now: () => Date;
  readonly #changesKey: string;
  #base: { today: string; dataset: Dataset } | undefined;
  /** This request's webhook events; in memory only (see webhook-outbox.ts). */
  #outbox: OutboxEntry[] = [];

  constructor(options: MockStoreOptions) {
    this.size = options.size;
    this.seed = options.seed;
    this.#workspace = options.workspace;
    this.#now = options.now ?? (() => new Date());
    this.#changesKey = datasetChangesKey(this.size, this.seed);
  }

  /** Today in the user's calendar (the mock keeps it simple: UTC). */
  today(): string {
    return this.#now().toISOString().slice(0, 10);
  }

  /**
   * The generated dataset under the changes: shared and frozen. The API only
   * writes tasks, so the user, projects, sections, labels and comments are read
   * from here as they are; tasks go through `tasks()` / `activeTasks()`.
   */
  get base(): Dataset {
    return this.#baseEntry().dataset;
  }

  /** The day the generated base was made for: pinned at the first change, else today. */
  get baseDay(): string {
    return this.#baseEntry().today;
  }

  #baseEntry(): { today: string; dataset: Dataset } {
    // Once the workspace has changed this dataset, its base stays on the day of the first change.
    const today = this.#changes?.today ?? this.today();
    if (this.#base?.today !== today) this.#base = { today, dataset: sharedDataset({ size: this.size, seed: this.seed, today }) };
    return this.#base;
  }

  /** The whole dataset as this workspace sees it (a merged copy when it has changes). */
  get data(): Dataset {
    return this.#changes ? { ...this.base, tasks: [...this.tasks()] } : this.base;
  }

  /** Every task (closed and deleted ones too), generated order first, then the created ones. */
  tasks(): readonly Task[] {
    const base = this.base.tasks;
    const changes = this.#changes;
    if (!changes) return base;
    const changed = changes.tasks;
    return [
      ...base.map((task) => (Object.hasOwn(changed, task.id) ? (changed[task.id] as Task) : task)),
      ...changes.created.map((id) => changed[id] as Task),
    ];
  }

  activeTasks(): Task[] {
    return this.tasks().filter(isActive);
  }

  findActiveTask(id: string): Task | undefined {
    const task = this.#find(id);
    return task && isActive(task) ? task : undefined;
  }

  /** A task that is not deleted, open or completed (Sync's commands reach completed tasks too). */
  findTask(id: string): Task | undefined {
    const task = this.#find(id);
    return task && !task.is_deleted ? task : undefined;
  }

  createTask(args: CreateTaskArgs): Task {
    const base = this.base;
    const projectId = args.project_id ?? base.user.inbox_project_id;
    if (!base.projects.some((project) => project.id === projectId)) {
      throw new MockArgumentError('project_id', `Project ${projectId} not found`);
    }
    const section = args.section_id ? base.sections.find((s) => s.id === args.section_id) : undefined;
    if (args.section_id && !section) throw new MockArgumentError('section_id', `Section ${args.section_id} not found`);
    const parent = args.parent_id ? this.findActiveTask(args.parent_id) : undefined;
    if (args.parent_id && !parent) throw new MockArgumentError('parent_id', `Parent task ${args.parent_id} not found`);
    const due = this.dueFrom(args);

    const timestamp = this.timestamp();
    // child_order counts within one place: the same parent, or the same project and section.
    const siblings = this.tasks().filter((task) =>
      parent ? task.parent_id === parent.id : task.parent_id === null && task.project_id === projectId && task.section_id === (args.section_id ?? null),
    );
    const task: Task = {
      id: this.nextId(),
      user_id: base.user.id,
      project_id: parent?.project_id ?? section?.project_id ?? projectId,
      section_id: parent?.section_id ?? args.section_id ?? null,
      parent_id: args.parent_id ?? null,
      content: args.content,
      description: args.description ?? '',
      labels: args.labels ?? [],
      priority: args.priority ?? 1,
      due,
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
      added_by_uid: base.user.id,
      assigned_by_uid: null,
      responsible_uid: null,
      note_count: 0,
    };
    const changes = this.#changesForWrite();
    changes.tasks[task.id] = task;
    changes.created.push(task.id);
    this.#stamp(changes, task.id);
    this.#announce('item:added', task);
    return task;
  }

  updateTask(task: Task, args: UpdateTaskArgs): Task {
    const dueChanged = (args.due_string ?? args.due_date ?? args.due_datetime) !== undefined;
    const due = dueChanged ? this.dueFrom(args) : undefined; // may throw: validate before copying
    const updated = Object.assign(this.own(task), {
      ...(args.content !== undefined && { content: args.content }),
      ...(args.description !== undefined && { description: args.description }),
      ...(args.labels !== undefined && { labels: args.labels }),
      ...(args.priority !== undefined && { priority: args.priority }),
      ...(dueChanged && { due }),
      updated_at: this.timestamp(),
    });
    this.#announce('item:updated', updated);
    return updated;
  }

  /** Closing a recurring task moves it to its next date instead of completing it. */
  closeTask(task: Task): void {
    if (!task.due?.is_recurring) {
      this.completeTask(task);
      return;
    }
    const owned = this.own(task);
    owned.due = { ...task.due, date: nextOccurrence(task.due) };
    owned.updated_at = this.timestamp();
    // Announced as a completion, though the task stays open on its next date (unverified: Todoist's exact event here).
    this.#announce('item:completed', owned);
  }

  /**
   * Completes a task, recurring or not (Sync's `item_complete`), and its open
   * subtasks, as Todoist does: one event per task.
   */
  completeTask(task: Task): void {
    const timestamp = this.timestamp();
    for (const each of [task, ...this.descendantsOf(task.id).filter(isActive)]) {
      const closing = this.own(each);
      closing.checked = true;
      closing.completed_at = timestamp;
      closing.updated_at = timestamp;
      this.#announce('item:completed', closing);
    }
  }

  reopenTask(id: string): Task | undefined {
    const task = this.#find(id);
    if (!task || task.is_deleted) return undefined;
    const wasCompleted = task.checked; // read first: `task` may be the very copy written below
    const owned = this.own(task);
    owned.checked = false;
    owned.completed_at = null;
    owned.updated_at = this.timestamp();
    if (wasCompleted) this.#announce('item:uncompleted', owned);
    return owned;
  }

  /** Deletes a task and its subtasks (completed ones too): one event per task. */
  deleteTask(task: Task): void {
    for (const each of [task, ...this.descendantsOf(task.id).filter((child) => !child.is_deleted)]) {
      const deleted = this.own(each);
      deleted.is_deleted = true;
      this.#announce('item:deleted', deleted);
    }
  }

  /** The account's change sequence: bumped by every task write. */
  get changeSeq(): number {
    return this.#workspace.sync?.seq ?? 0;
  }

  /** Every task written after change `seq` (closed and deleted ones too), oldest change first. */
  changedSince(seq: number): Task[] {
    const changes = this.#changes;
    if (!changes?.seq) return [];
    const tasks = changes.tasks;
    return Object.entries(changes.seq)
      .filter(([, at]) => at > seq)
      .sort(([, a], [, b]) => a - b)
      .map(([id]) => tasks[id] as Task);
  }

  /** The webhook events of the writes so far, oldest first; the queue starts over empty. */
  takeOutbox(): OutboxEntry[] {
    const taken = this.#outbox;
    this.#outbox = [];
    return taken;
  }

  /** Children, grandchildren, … of a task, whatever their state (one pass to index, then a walk). */
  descendantsOf(id: string): Task[] {
    const children = new Map<string, Task[]>();
    for (const task of this.tasks()) {
      if (task.parent_id === null) continue;
      const siblings = children.get(task.parent_id);
      if (siblings) siblings.push(task);
      else children.set(task.parent_id, [task]);
    }
    const found: Task[] = [];
    const seen = new Set<string>([id]); // a parent_id cycle in bad data must not loop forever
    const walk = (parentId: string) => {
      for (const child of children.get(parentId) ?? []) {
        if (seen.has(child.id)) continue;
        seen.add(child.id);
        found.push(child);
        walk(child.id);
      }
    };
    walk(id);
    return found;
  }

  /**
   * The workspace's own copy of a task, made on first write: the copy-on-write
   * step every mutation goes through, so the shared base is never written.
   */
  own(task: Task): Task {
    const changes = this.#changesForWrite();
    if (!Object.hasOwn(changes.tasks, task.id)) changes.tasks[task.id] = structuredClone(task);
    this.#stamp(changes, task.id);
    return changes.tasks[task.id] as Task;
  }

  /** The task's latest change is the account's next one. */
  #stamp(changes: DatasetChanges, id: string): void {
    const log = syncLogOf(this.#workspace);
    log.seq += 1;
    changes.seq ??= {};
    changes.seq[id] = log.seq;
  }

  /** Queues the webhook event of a write, when the account has a webhook to deliver it to. */
  #announce(event_name: ItemEventName, task: Task): void {
    if (!this.#workspace.webhook) return;
    this.#outbox.push({ event_name, task: structuredClone(task), triggered_at: this.#now().toISOString() });
  }

  get #changes(): DatasetChanges | undefined {
    const { changes } = this.#workspace;
    return Object.hasOwn(changes, this.#changesKey) ? changes[this.#changesKey] : undefined;
  }

  #changesForWrite(): DatasetChanges {
    const existing = this.#changes;
    if (existing) return existing;
    // Pin the day of the base the workspace has been reading, so the changes stay on top of it.
    const created: DatasetChanges = { today: this.#baseEntry().today, tasks: {}, created: [] };
    this.#workspace.changes[this.#changesKey] = created;
    return created;
  }

  /** A task by id, merged view, whatever its state. Own-property lookups: ids come from callers. */
  #find(id: string): Task | undefined {
    const changes = this.#changes;
    if (changes && Object.hasOwn(changes.tasks, id)) return changes.tasks[id];
    return taskIndex(this.base).get(id);
  }

  private dueFrom(args: Pick<CreateTaskArgs, 'due_string' | 'due_date' | 'due_datetime' | 'due_lang'>): Due | null {
    const lang = args.due_lang ?? 'en';
    if (args.due_datetime) {
      return { date: args.due_datetime.replace(/Z$/, '.000000Z'), string: args.due_datetime, is_recurring: false, timezone: 'UTC', lang };
    }
    if (args.due_date) return { date: args.due_date, string: args.due_date, is_recurring: false, timezone: null, lang };
    // "no date" is how Todoist's due_string takes a due date away.
    if (!args.due_string || /^no (due )?date$/i.test(args.due_string.trim())) return null;
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
    this.#workspace.nextId += 1;
    return `mock${this.#now().getTime().toString(36)}${this.#workspace.nextId.toString(36)}`.slice(-16);
  }

  private timestamp(): string {
    return this.#now().toISOString().replace(/Z$/, '000Z');
  }
}

function isActive(task: Task): boolean {
  return !task.checked && !task.is_deleted;
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
