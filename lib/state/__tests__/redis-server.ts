/**
 * A real, throwaway Redis for tests: Debian's `redis-server` on a free port,
 * with nothing written to disk, stopped after the tests. It can be stopped
 * and started again on the same port, to test losing Redis mid-run.
 *
 * No Redis installed is a failure, never a skip: these tests are what says
 * the app works on several instances.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { START_TIMEOUT_MS, startTestRedis, type TestRedis } from '@/scripts/support/redis-process';

export { eventually, startTestRedis, unusedPort, type TestRedis } from '@/scripts/support/redis-process';

/**
 * A Redis for the calling test file, started before its tests and stopped
 * after. If it cannot start (not installed), every test *fails* with the
 * reason: a failed beforeAll alone would report them as skipped.
 */
export function redisForThisFile(): () => TestRedis {
  let redis: TestRedis | undefined;
  let failure: unknown;
  beforeAll(async () => {
    redis = await startTestRedis().catch((error: unknown) => {
      failure = error;
      return undefined;
    });
  }, START_TIMEOUT_MS + 5_000);
  beforeEach(() => {
    if (failure) throw failure;
  });
  afterAll(() => redis?.stop());
  return () => redis!;
}

