/**
 * Sync's writes: `commands`, each `{type, uuid, temp_id?, args}`, run in order.
 *
 * - Each answers on its own in `sync_status[uuid]`: "ok", or Todoist's error
 *   body for that command alone (the others still run).
 * - The `uuid` makes a command idempotent: a uuid this account has run
 *   recently answers what it answered then, and writes nothing again — a
 *   client that lost the answer can send the same batch twice.
 * - An `item_add`'s `temp_id` becomes the new task's id in `temp_id_mapping`,
 *   and later commands (of this batch, or a retried one) may name the task by
 *   its temp id.
 *
 * The data rules are the store's: a command is the REST call it stands for
 * (item_close is POST /tasks/{id}/close), so a write looks the same in the
 * next delta and the same webhook goes out, whichever way it came in.
 */
import { z } from 'zod';
import { CreateTaskArgsSchema, UpdateTaskArgsSchema, type CreateTaskArgs, type Task } from '@/lib/todoist/schemas';
import { API_ERRORS, apiErrorBody, type SyncCommandStatus } from './api-errors';
import type { ApiState } from './handlers';
import { scopesForSyncCommand } from './standin-oauth-scopes';
import { MockArgumentError } from './store';
import { RECENT_COMMANDS_KEPT, syncLogOf, type RecentCommand } from './workspace-state';

export const MAX_SYNC_COMMANDS = 100;
const MAX_UUID_LENGTH = 100;

export interface SyncCommand {
  type: string;
  uuid: string;
  temp_id?: string;
  args: Record<string, unknown>;
}

/** What the response carries for a batch. Null-prototype maps: uuids and temp ids are the caller's strings. */
export interface CommandsOutcome {
  sync_status: Record<string, SyncCommandStatus>;
  temp_id_mapping: Record<string, string>;
}

const CommandSchema = z.object({
  type: z.string().min(1).max(MAX_UUID_LENGTH),
  uuid: z.string().min(1).max(MAX_UUID_LENGTH),
  temp_id: z.string().min(1).max(MAX_UUID_LENGTH).optional(),
  args: z.record(z.string(), z.unknown()),
});

/** The commands of a request, or one line saying which one is malformed and why. */
export function parseCommands(value: unknown): { commands: SyncCommand[] } | { error: string } {
  if (!Array.isArray(value)) return { error: 'commands must be a JSON array of {type, uuid, args} objects' };
  if (value.length > MAX_SYNC_COMMANDS) {
    return { error: `Too many commands: ${value.length}; at most ${MAX_SYNC_COMMANDS} per request` };
  }
  const commands: SyncCommand[] = [];
  for (const [index, each] of value.entries()) {
    const parsed = CommandSchema.safeParse(each);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { error: `commands[${index}]${issue?.path.length ? `.${issue.path.join('.')}` : ''}: ${issue?.message ?? 'invalid'}` };
    }
    commands.push(parsed.data);
  }
  return { commands };
}

/** Runs the batch in order against the account's store; repeats of recent uuids answer from memory. */
export function runCommands(commands: readonly SyncCommand[], state: ApiState): CommandsOutcome {
  const log = syncLogOf(state.state);
  const outcome: CommandsOutcome = { sync_status: Object.create(null), temp_id_mapping: Object.create(null) };
  const tempIds = new Map<string, string>(log.commands.flatMap((done) => (done.tempId ? [done.tempId] : [])));
  const resolve = (id: string) => tempIds.get(id) ?? id;

  for (const command of commands) {
    const earlier = log.commands.find((done) => done.uuid === command.uuid);
    const done: RecentCommand = earlier ?? run(command, state, resolve);
    outcome.sync_status[command.uuid] = done.status;
    if (done.tempId) {
      outcome.temp_id_mapping[done.tempId[0]] = done.tempId[1];
      tempIds.set(...done.tempId);
    }
    if (!earlier) {
      log.commands.push(done);
      if (log.commands.length > RECENT_COMMANDS_KEPT) log.commands.splice(0, log.commands.length - RECENT_COMMANDS_KEPT);
    }
  }
  return outcome;
}

type Resolve = (id: string) => string;
type Runner = (command: SyncCommand, state: ApiState, resolve: Resolve) => RecentCommand;

/** The commands the mock runs: Todoist's task commands. The rest (projects, labels, notes…) answer 501. */
const RUNNERS: Record<string, Runner> = {
  item_add: (command, { store }, resolve) => {
    const due = dueArgs(command.args.due);
    if (!due) return failed(command, invalidArgument('due', 'must be null or an object with string or date'));
    const args = CreateTaskArgsSchema.safeParse({ ...createArgs(command.args, resolve), ...due });
    if (!args.success) return failed(command, invalidArgumentIssue(args.error.issues[0]));
    const task = store.createTask(args.data);
    return { uuid: command.uuid, status: 'ok', ...(command.temp_id !== undefined && { tempId: [command.temp_id, task.id] }) };
  },
  item_update: (command, { store }, resolve) =>
    withTask(command, store.findTask(resolve(idArg(command))), (task) => {
      const due = dueArgs(command.args.due);
      if (!due) return invalidArgument('due', 'must be null or an object with string or date');
      const { content, description, labels, priority } = command.args;
      const args = UpdateTaskArgsSchema.safeParse({ content, description, labels, priority, ...due });
      if (!args.success) return invalidArgumentIssue(args.error.issues[0]);
      store.updateTask(task, args.data);
      return 'ok';
    }),
  // Todoist's "check" button: a recurring task moves to its next date.
  item_close: (command, { store }, resolve) =>
    withTask(command, store.findActiveTask(resolve(idArg(command))), (task) => {
      store.closeTask(task);
      return 'ok';
    }),
  // Completes it for good, recurring or not, with its subtasks.
  item_complete: (command, { store }, resolve) =>
    withTask(command, store.findActiveTask(resolve(idArg(command))), (task) => {
      store.completeTask(task);
      return 'ok';
    }),
  item_uncomplete: (command, { store }, resolve) =>
    store.reopenTask(resolve(idArg(command))) ? { uuid: command.uuid, status: 'ok' } : failed(command, itemNotFound()),
  item_delete: (command, { store }, resolve) =>
    withTask(command, store.findTask(resolve(idArg(command))), (task) => {
      store.deleteTask(task);
      return 'ok';
    }),
};

export const MOCK_SYNC_COMMANDS = Object.keys(RUNNERS);

function run(command: SyncCommand, state: ApiState, resolve: Resolve): RecentCommand {
  const runner = Object.hasOwn(RUNNERS, command.type) ? RUNNERS[command.type] : undefined;
  if (!runner) {
    return failed(command, apiErrorBody(API_ERRORS.notImplemented, {
      message: `The mock runs only these Sync commands: ${MOCK_SYNC_COMMANDS.join(', ')}`,
      extra: { command_type: command.type },
    }));
  }
  const needed = scopesForSyncCommand(command.type);
  if (state.scopes && !needed.some((scope) => state.scopes?.includes(scope))) {
    return failed(command, apiErrorBody(API_ERRORS.insufficientScope, {
      message: `Insufficient token scope: ${command.type} needs one of ${needed.join(', ')}`,
    }));
  }
  try {
    return runner(command, state, resolve);
  } catch (error) {
    if (error instanceof MockArgumentError) {
      return failed(command, apiErrorBody(API_ERRORS.invalidArgument, { message: error.message, extra: { argument: error.argument } }));
    }
    throw error;
  }
}

function withTask(command: SyncCommand, task: Task | undefined, write: (task: Task) => SyncCommandStatus): RecentCommand {
  return task ? { uuid: command.uuid, status: write(task) } : failed(command, itemNotFound());
}

function failed(command: SyncCommand, error: SyncCommandStatus): RecentCommand {
  return { uuid: command.uuid, status: error };
}

function itemNotFound(): SyncCommandStatus {
  return apiErrorBody(API_ERRORS.itemNotFound);
}

function invalidArgument(argument: string, why: string): SyncCommandStatus {
  return apiErrorBody(API_ERRORS.invalidArgument, { message: `Invalid argument value: ${argument} ${why}`, extra: { argument } });
}

function invalidArgumentIssue(issue: z.core.$ZodIssue | undefined): SyncCommandStatus {
  return invalidArgument(String(issue?.path[0] ?? 'args'), `(${issue?.message ?? 'invalid'})`);
}

/** The task a command names: `args.id`, a task id or a temp id of this account's. */
function idArg(command: SyncCommand): string {
  return typeof command.args.id === 'string' ? command.args.id : '';
}

/** Sync's `due` object (`{string}` or `{date}`, `null` to remove it) as the REST fields the store takes. */
const SyncDueSchema = z
  .object({ string: z.string().optional(), date: z.string().optional(), lang: z.string().optional() })
  .nullable()
  .optional();

/** `undefined` when `due` is not one. */
function dueArgs(due: unknown): Partial<CreateTaskArgs> | undefined {
  const parsed = SyncDueSchema.safeParse(due);
  if (!parsed.success) return undefined;
  const value = parsed.data;
  if (value === undefined) return {};
  if (value === null) return { due_string: 'no date' };
  const lang = value.lang === undefined ? {} : { due_lang: value.lang };
  if (value.string) return { due_string: value.string, ...lang };
  if (value.date) return { ...(value.date.length > 10 ? { due_datetime: value.date } : { due_date: value.date }), ...lang };
  return {};
}

/** item_add's args as POST /tasks takes them (a parent may be named by its temp id). */
function createArgs(args: Record<string, unknown>, resolve: Resolve): Record<string, unknown> {
  const { content, description, project_id, section_id, parent_id, labels, priority } = args;
  return {
    content,
    description,
    project_id,
    labels,
    priority,
    // null means "none" in Sync; REST leaves the field out.
    ...(section_id !== null && { section_id }),
    ...(typeof parent_id === 'string' ? { parent_id: resolve(parent_id) } : parent_id !== null && { parent_id }),
  };
}
