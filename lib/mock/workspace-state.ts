/**
 * A learner's mock workspace between requests: plain JSON data, no class
 * instances, no functions, so it can sit in any key-value store.
 *
 * The generated data is not in here: it is shared read-only by everyone
 * (shared-dataset.ts). The state holds only what this learner made different —
 * their writes, their scenario, the fault scenarios' counters — so an idle
 * workspace costs a few hundred bytes. A MockBackend built over the state reads
 * and writes it in place; the next request's backend picks up where it left off.
 *
 * Fields added later (`userId`, `sync`, `webhook`, a dataset's `seq`) are
 * optional: a state stored before them still loads, and gets them on first use.
 */
import type { Task } from '@/lib/todoist/schemas';
import { scenarioSettings, type ScenarioInput, type ScenarioName, type ScenarioSettings } from './scenarios';
import type { SyncCommandStatus } from './api-errors';
import type { WebhookRegistration } from './webhook-outbox';

/** What a workspace changed in one generated dataset. */
export interface DatasetChanges {
  /** The dataset's "today" when the first change was made: the generated base stays put under the changes. */
  today: string;
  /** Every task created or changed here (edited, closed, reopened, deleted), as a full copy keyed by id. */
  tasks: Record<string, Task>;
  /** Ids of the tasks created here, in creation order: they list after the generated ones. */
  created: string[];
  /** Task id → the change sequence of its latest write (see `SyncLog.seq`): what an incremental sync sends. */
  seq?: Record<string, number>;
}

/**
 * A workspace's writes, per dataset it wrote to (key "size:seed", see `datasetChangesKey`):
 * the same workspace read at another size is another account, as before.
 * The mock's API only writes tasks, so tasks are all there is to record.
 */
export type MockChanges = Record<string, DatasetChanges>;

/** The fault scenarios' memory: the rate-limit window, the page failures so far, flaky's dice. */
export interface FaultCounters {
  windowStart: number;
  windowRequests: number;
  pageFailures: number;
  /** mulberry32 state of `flaky`'s seeded dice; `null` = start from the backend's seed. */
  randomState: number | null;
}

export interface MockWorkspaceState {
  scenario: ScenarioSettings;
  changes: MockChanges;
  counters: FaultCounters;
  /** Counter behind the ids of created tasks, so two requests never mint the same id. */
  nextId: number;
  /** Signs this workspace's list cursors and sync tokens: another workspace's are refused. */
  cursorSecret: string;
  /**
   * This account's Todoist user id: a numeric string, as Todoist's are. Every
   * workspace mints its own, so two learners' copies of one dataset are two
   * Todoist users (a webhook names its account by this id).
   */
  userId?: string;
  /** Sync's memory: absent until the first write. */
  sync?: SyncLog;
  /** Where this account's webhooks go; absent = none registered (then writes queue no events). */
  webhook?: WebhookRegistration;
}

/** How far this account has changed, and the Sync commands it has already run. */
export interface SyncLog {
  /** Bumped by every task write; a sync token carries the value it was issued at. */
  seq: number;
  /** A token issued before this gets a full sync: after a reset, the changes it knew of are gone. */
  floor: number;
  /** The latest command uuids and their results, oldest first, at most `RECENT_COMMANDS_KEPT`. */
  commands: RecentCommand[];
}

/** A command already run: a repeat of its uuid answers this again and writes nothing. */
export interface RecentCommand {
  uuid: string;
  status: SyncCommandStatus;
  /** The command's `temp_id` and the id it became. */
  tempId?: [string, string];
}

/** Enough to answer a retried batch of 100 commands twice over; older uuids are forgotten. */
export const RECENT_COMMANDS_KEPT = 200;

export function newMockWorkspaceState(options: { scenario?: ScenarioName | ScenarioInput } = {}): MockWorkspaceState {
  return {
    scenario: scenarioSettings(options.scenario ?? 'faithful'),
    changes: {},
    counters: freshCounters(0),
    nextId: 0,
    cursorSecret: crypto.randomUUID(),
    userId: mintUserId(),
  };
}

/**
 * A fresh nine-digit Todoist user id. The generated datasets' user has eight
 * digits, so an account's id never equals the dataset's (see account.ts).
 */
export function mintUserId(): string {
  const [value = 0] = crypto.getRandomValues(new Uint32Array(1));
  return String(100_000_000 + (value % 900_000_000));
}

/** The state's sync log, made on first use (a stored state may predate it). */
export function syncLogOf(state: MockWorkspaceState): SyncLog {
  state.sync ??= { seq: 0, floor: 0, commands: [] };
  return state.sync;
}

export function freshCounters(windowStart: number): FaultCounters {
  return { windowStart, windowRequests: 0, pageFailures: 0, randomState: null };
}

export function datasetChangesKey(size: string, seed: number): string {
  return `${size}:${seed}`;
}
