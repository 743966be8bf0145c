/**
 * The unit suite as StrykerJS runs it (stryker.config.mjs): the same tests, less those that cannot see a mutant or
 * would only slow every mutant down — child processes (stdio: the mutant lives in Stryker's process, not theirs),
 * a real Redis server (the mutated store is the in-memory one) and the 10 s tenant-isolation soak.
 */
import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    exclude: [
      ...configDefaults.exclude,
      'lib/mcp/__tests__/stdio.test.ts',
      'lib/mcp/__tests__/stdio-trace.test.ts',
      'lib/mcp/__tests__/isolation.test.ts',
      'lib/state/__tests__/redis-store.test.ts',
    ],
    // No JSON report: test-results/unit.json belongs to `npm run test:unit`.
    reporters: ['default'],
  },
});
