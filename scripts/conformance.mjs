#!/usr/bin/env node
/**
 * Runs the official MCP conformance suite against `next start` (after `next build`).
 * The suite needs Node ≥ 22: it runs through the npm package `node@22`, so Node 20 machines work too.
 * Writes test-results/conformance.json for the test summary; exits non-zero on an unexpected result.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const PORT = 3102;
const URL_ = `http://127.0.0.1:${PORT}/api/mcp`;
const SUITE = '@modelcontextprotocol/conformance@0.1.16';

const server = spawn('npx', ['next', 'start', '-p', String(PORT), '-H', '127.0.0.1'], { detached: true, stdio: 'ignore' });
// npx leaves next-server running when only the wrapper is killed: stop the whole process group.
const stopServer = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
};
process.on('exit', stopServer);

await waitForServer(`http://127.0.0.1:${PORT}/`, 60_000);
const run = spawnSync(
  'npx',
  ['-y', '-p', 'node@22', '-p', SUITE, 'conformance', 'server', '--url', URL_, '--expected-failures', 'scripts/conformance-baseline.yml', '-o', 'test-results/conformance'],
  { encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } },
);
const output = `${run.stdout}\n${run.stderr}`;
const lines = output.split('\n').filter((line) => /^[✓✗] |Total:|baseline|unexpected|stale/i.test(line.trim()));
console.log(lines.join('\n'));

// "✓ ping: 1 passed, 0 failed" — a scenario passes when it has no failed check.
const scenarios = [...output.matchAll(/^[✓✗] ([\w-]+): (\d+) passed, (\d+) failed/gm)].map((m) => ({ name: m[1], failed: Number(m[3]) }));
const passed = scenarios.filter((s) => s.failed === 0).length;
const expectedFailures = scenarios.length - passed;
const ok = run.status === 0 && scenarios.length > 0;
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/conformance.json', JSON.stringify({ passed, failed: ok ? 0 : Math.max(1, expectedFailures), expectedFailures }));
console.log(`conformance: ${passed} scenarios passed, ${expectedFailures} expected failures (see scripts/conformance-baseline.yml)${ok ? '' : ' — UNEXPECTED RESULT'}`);
stopServer();
process.exit(ok ? 0 : 1);

async function waitForServer(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`next start did not answer on ${url} within ${timeoutMs} ms (run \`npm run build\` first)`);
}
