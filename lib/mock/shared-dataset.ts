/**
 * Generated datasets, shared read-only by every mock backend in the process.
 *
 * A dataset depends only on (size, seed, today), so a thousand learners on the
 * `small` dataset read one copy instead of a thousand. Each copy is deep-frozen:
 * a write that forgot to copy first throws in strict mode instead of leaking
 * into every other workspace. A learner's writes live in their workspace's
 * `changes` (see store.ts). The memo keeps the few most recently used datasets.
 */
import type { Task } from '@/lib/todoist/schemas';
import { generateDataset, type Dataset, type DatasetSize } from './dataset';

export interface DatasetKey {
  size: DatasetSize;
  seed: number;
  /** YYYY-MM-DD: the dataset's due dates are spread around it. */
  today: string;
}

/** Three sizes, but seeds and days vary: keep the most recent few, drop the rest. */
export const SHARED_DATASET_LIMIT = 8;

const memo = new Map<string, Dataset>();
const taskIndexes = new WeakMap<Dataset, ReadonlyMap<string, Task>>();

/** The generated dataset for `key`, frozen; the same object for the same key while it stays in the memo. */
export function sharedDataset(key: DatasetKey): Dataset {
  const id = `${key.size}|${key.seed}|${key.today}`;
  let dataset = memo.get(id);
  if (dataset) {
    memo.delete(id); // re-inserted below: Map order is the recency order
  } else {
    dataset = deepFreeze(generateDataset(key));
  }
  memo.set(id, dataset);
  for (const oldest of memo.keys()) {
    if (memo.size <= SHARED_DATASET_LIMIT) break;
    memo.delete(oldest);
  }
  return dataset;
}

/** The story's fixed 12 todos (the `naive` scenario's canned answer), whatever size a backend serves. */
export function cannedDataset(today: string): Dataset {
  return sharedDataset({ size: 'tiny', seed: 1, today });
}

/** The dataset's tasks by id, built once per shared dataset. */
export function taskIndex(dataset: Dataset): ReadonlyMap<string, Task> {
  let index = taskIndexes.get(dataset);
  if (!index) {
    index = new Map(dataset.tasks.map((task) => [task.id, task]));
    taskIndexes.set(dataset, index);
  }
  return index;
}

/** How many datasets the memo holds now (for tests). */
export function sharedDatasetCount(): number {
  return memo.size;
}

function deepFreeze<Value>(value: Value): Value {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
