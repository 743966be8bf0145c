/**
 * The story's canned todos, for the naive `mock-on-error` fallback: the 12
 * fixed tasks of the `tiny` dataset, faithful-looking. A fresh backend per
 * request over the shared read-only dataset: the naive fallback may even run
 * create_task against it, and one caller's writes must never reach another.
 */
import { createMockBackend, type MockBackend } from '@/lib/mock/backend';

export function cannedMockBackend(now: () => Date): MockBackend {
  return createMockBackend({ size: 'tiny', seed: 1, scenario: 'faithful', now });
}
