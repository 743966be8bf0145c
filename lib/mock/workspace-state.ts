/**
 * A learner's mock workspace between requests: plain JSON data, no class
 * instances, no functions, so it can sit in any key-value store.
 *
 * The generated data is not in here: it is shared read-only by everyone
 * (shared-dataset.ts). The state holds only what this learner made different —
 * their writes, their scenario, the fault scenarios' counters — so an idle
 * workspace costs a few hundred bytes. A MockBackend built over the state reads
 * and writes it in place; the next request's backend picks up where it left off.
 */
import type { Task } from '@/lib/todoist/schemas';
import { scenarioSettings, type ScenarioInput, type ScenarioName, type ScenarioSettings } from './scenarios';

/** What a workspace changed in one generated dataset. */
export interface DatasetChanges {
  /** The dataset's "today" when the first change was made: the generated base stays put under the changes. */
  today: string;
  /** Every task created or changed here (edited, closed, reopened, deleted), as a full copy keyed by id. */
  tasks: Record<string, Task>;
  /** Ids of the tasks created here, in creation order: they list after the generated ones. */
  created: string[];
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
  /** Signs this workspace's list cursors: another workspace's cursor is refused. */
  cursorSecret: string;
}

export function newMockWorkspaceState(options: { scenario?: ScenarioName | ScenarioInput } = {}): MockWorkspaceState {
  return {
    scenario: scenarioSettings(options.scenario ?? 'faithful'),
    changes: {},
    counters: freshCounters(0),
    nextId: 0,
    cursorSecret: crypto.randomUUID(),
  };
}

export function freshCounters(windowStart: number): FaultCounters {
  return { windowStart, windowRequests: 0, pageFailures: 0, randomState: null };
}

export function datasetChangesKey(size: string, seed: number): string {
  return `${size}:${seed}`;
}
