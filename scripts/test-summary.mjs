#!/usr/bin/env node
// Prints one line per suite, then a plain "N passed, N failed[, N skipped]" total line that CI reads.
// Exits 1 if a report is missing, anything failed, or nothing passed.
import { existsSync, readFileSync } from 'node:fs';

const suites = {
  // Vitest: a test file that fails to load has no tests but must still count as a failure.
  unit: ['test-results/unit.json', (r) => ({
    passed: r.numPassedTests,
    failed: r.numFailedTests + (r.testResults ?? []).filter((f) => f.status === 'failed' && !f.assertionResults?.length).length,
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
  })],
  // Playwright: top-level errors (e.g. web server failed to start) count as failures too.
  e2e: ['test-results/e2e.json', (r) => ({
    passed: r.stats.expected + r.stats.flaky,
    failed: r.stats.unexpected + (r.errors?.length ?? 0),
    skipped: r.stats.skipped,
  })],
  // Token exposure after the e2e run (scripts/check-secret-exposure.ts): one check; findings and missing inputs fail.
  exposure: ['test-results/secret-exposure.json', (r) => ({ passed: r.passed, failed: r.failed, skipped: 0 })],
  // MCP conformance suite: scenarios; expected failures (the baseline) are not failures.
  conformance: ['test-results/conformance.json', (r) => ({ passed: r.passed, failed: r.failed, skipped: 0 })],
  // StrykerJS on the core (stryker.config.mjs): one check, the mutation score against its break threshold.
  mutation: ['reports/mutation/mutation.json', (r) => mutation(r)],
};

/** Killed and timed-out mutants over all that tests could have caught (survived and uncovered ones included). */
function mutation(report) {
  let detected = 0;
  let undetected = 0;
  for (const { mutants } of Object.values(report.files)) {
    for (const { status } of mutants) {
      if (status === 'Killed' || status === 'Timeout') detected += 1;
      if (status === 'Survived' || status === 'NoCoverage') undetected += 1;
    }
  }
  const score = detected + undetected === 0 ? 0 : (100 * detected) / (detected + undetected);
  const breakAt = report.thresholds?.break ?? 0;
  const ok = detected > 0 && score >= breakAt;
  return {
    passed: ok ? 1 : 0,
    failed: ok ? 0 : 1,
    skipped: 0,
    line: `${score.toFixed(2)} % of ${detected + undetected} mutants killed (fails under ${breakAt} %), ${undetected} survived`,
  };
}

const fmt = (s) => `${s.passed} passed, ${s.failed} failed${s.skipped > 0 ? `, ${s.skipped} skipped` : ''}`;
const total = { passed: 0, failed: 0, skipped: 0 };
for (const [name, [file, read]] of Object.entries(suites)) {
  if (!existsSync(file)) {
    console.log(`${name}: report missing (${file}), counted as 1 failed`);
    total.failed += 1; // so the total line never looks green when a suite did not run
    continue;
  }
  const s = read(JSON.parse(readFileSync(file, 'utf8')));
  for (const k of Object.keys(total)) total[k] += Number(s[k] ?? 0);
  console.log(`${name}: ${s.line ?? fmt(s)}`);
}

console.log(fmt(total));
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
