/**
 * The stand-in's sample people: whom you can "sign in to Todoist" as when
 * there is no real Todoist. Each has a dataset of their own (their own seed),
 * so Alice's task ids are never Bob's — which is what lets a test, or
 * lesson 7, tell at a glance whose data a response carries.
 *
 * Seeds start at 101: the mock's workspaces use seeds 0–99, so no sample
 * account ever shares ids with a mock workspace either.
 */
import type { DatasetSize } from './dataset-sizes';

export interface SampleUser {
  /** Stable, URL-safe: the account id the stand-in's `/user` answers (plus a per-learner suffix in the app). */
  id: string;
  name: string;
  email: string;
  /** The generated dataset behind this account. */
  seed: number;
  size: DatasetSize;
}

const NAMES = ['Alice', 'Bob', 'Carol', 'Dave', 'Erin', 'Frank', 'Grace', 'Heidi', 'Ivan', 'Judy', 'Mallory', 'Oscar'];

export const SAMPLE_USERS: readonly SampleUser[] = Object.freeze(
  NAMES.map((first, index) => {
    const id = first.toLowerCase();
    return Object.freeze({
      id,
      name: `${first} Example`,
      email: `${id}@example.com`,
      seed: 101 + index,
      size: 'small' as const,
    });
  }),
);

export function findSampleUser(id: string): SampleUser | undefined {
  return SAMPLE_USERS.find((user) => user.id === id);
}
