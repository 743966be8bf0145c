/**
 * The unit tests StrykerJS runs against each mutant (stryker.config.mjs): those of the mutated core and the MCP
 * server over it. A mutant in module-level code (a tool's schema, a constant) cannot be traced to single tests,
 * so every test here runs for it — which is why this is not the whole suite: no auth, config, lesson or mock
 * tests, no child processes (stdio: the mutant lives in Stryker's process, not theirs), no real Redis (the
 * mutated store is the in-memory one) and not the 10 s tenant-isolation soak.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'lib/resilience/**/*.test.ts',
      'lib/todoist/**/*.test.ts',
      'lib/state/__tests__/memory-store*.test.ts',
      'lib/state/__tests__/lock.test.ts',
      'lib/workshop/__tests__/rooms.test.ts',
      'lib/workshop/__tests__/presence.test.ts',
      'lib/mcp/http/__tests__/workspace.test.ts',
      ...[
        'budget',
        'cached-answer',
        'delete-task',
        'http',
        'parse-provenance',
        'prompt-injection',
        'provenance',
        'resilience',
        'server',
        'tool-arguments',
        'tool-call-params',
        'tool-contract',
        'tool-wrapper',
        'tools',
        'untrusted-text',
      ].map(
        (name) => `lib/mcp/__tests__/${name}.test.ts`,
      ),
    ],
    // No JSON report: test-results/unit.json belongs to `npm run test:unit`.
    reporters: ['default'],
  },
});
