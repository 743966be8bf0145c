#!/usr/bin/env node
/**
 * Lighthouse on the home page and every live lesson page, against `next start` from the existing build.
 * Prints performance, accessibility, total blocking time, bytes transferred, unused JavaScript and the machine's
 * load average (1 min, after the page's runs) per page, and exits non-zero when a page is under the budget.
 *
 *   npm run lighthouse                 # uses .next as it is
 *   npm run lighthouse -- --build      # runs `next build` first
 *   npm run lighthouse -- --runs 3     # median of three runs per page (steadier on a busy machine)
 *   npm run lighthouse -- /lessons/pagination   # only these pages
 *
 * Lighthouse 12 (not 13: that one needs Node 22) runs through npx, so it is not a dependency of the app;
 * it uses its mobile preset (a mid-range phone on a slow 4G link, simulated) in headless Chromium, offline.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const LIGHTHOUSE = 'lighthouse@12.8.2';
const BUDGET = { performance: 95, accessibility: 100 };

const args = process.argv.slice(2);
const build = args.includes('--build');
const runsIndex = args.indexOf('--runs');
const runs = runsIndex === -1 ? 1 : Math.max(1, Number(args[runsIndex + 1]) || 1);
const chosen = args.filter((arg, i) => arg.startsWith('/') && args[i - 1] !== '--runs');
const chromePath = process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

if (build) {
  const result = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
} else if (!existsSync('.next/BUILD_ID')) {
  console.error('No build in .next: run `npm run lighthouse -- --build` (or `npm run build` first).');
  process.exit(1);
}

// The home page and every live lesson — read from the lessons' metadata, so a lesson that goes live is
// measured without an edit here.
const PAGES = ['/', ...liveLessonPages()];
const pages = chosen.length > 0 ? chosen : PAGES;

const scratch = mkdtempSync(join(tmpdir(), 'dojo-lighthouse-'));
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
// No token and a settings file of its own: the pages are measured as a newcomer first sees them.
const server = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
  detached: true, // its own process group: npx leaves next-server running when only the wrapper is killed
  stdio: 'ignore',
  env: { ...process.env, TODOIST_API_TOKEN: '', TODOIST_API_KEY: '', DOJO_SETTINGS_PATH: join(scratch, 'settings.json') },
});
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  rmSync(scratch, { recursive: true, force: true });
};
process.on('exit', stop);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

await waitForServer(origin, 90_000);
console.log(`Lighthouse 12, mobile preset, ${origin}, ${runs} run(s) per page (median)\n`);

// One request per page first: a lesson page's body is built on its first request and kept for the process
// (app/lessons/[slug]), so a measured first visit would time the build of the page, not the serving of it.
for (const page of pages) await fetch(`${origin}${page}`).then((response) => response.arrayBuffer());

const rows = [];
for (const page of pages) {
  const reports = [];
  for (let attempt = 0; attempt < runs; attempt++) reports.push(await measure(`${origin}${page}`));
  // Scores drop when other processes share the CPU: the load average says how busy the machine was.
  rows.push({ page, ...median(reports), load: loadavg()[0] });
  printRow(rows.at(-1));
}

const failing = rows.filter((row) => row.performance < BUDGET.performance || row.accessibility < BUDGET.accessibility);
console.log(
  failing.length === 0
    ? `\nAll ${rows.length} pages within budget (performance ≥ ${BUDGET.performance}, accessibility ${BUDGET.accessibility}).`
    : `\nUnder budget (performance ≥ ${BUDGET.performance}, accessibility ${BUDGET.accessibility}): ${failing.map((row) => row.page).join(', ')}`,
);
process.exit(failing.length === 0 ? 0 : 1);

/** One Lighthouse run on a URL: the figures this script reports, read from the JSON report. */
async function measure(url) {
  const output = join(scratch, 'report.json');
  // Awaited, not spawnSync: Ctrl-C then reaches the handler above, which stops the server.
  const result = await run(
    'npx',
    [
      '-y',
      LIGHTHOUSE,
      url,
      '--only-categories=performance,accessibility',
      '--output=json',
      `--output-path=${output}`,
      '--chrome-flags=--headless=new --no-sandbox',
      '--quiet',
    ],
    { ...process.env, CHROME_PATH: chromePath, npm_config_update_notifier: 'false' },
  );
  if (result.status !== 0 || !existsSync(output)) {
    console.error(result.stderr || result.stdout);
    throw new Error(`lighthouse failed on ${url}`);
  }
  const report = JSON.parse(readFileSync(output, 'utf8'));
  rmSync(output);
  if (report.runtimeError) throw new Error(`lighthouse on ${url}: ${report.runtimeError.message}`);
  const { categories, audits } = report;
  return {
    performance: Math.round(categories.performance.score * 100),
    accessibility: Math.round(categories.accessibility.score * 100),
    tbtMs: Math.round(audits['total-blocking-time'].numericValue),
    transferredKiB: Math.round(audits['total-byte-weight'].numericValue / 1024),
    unusedJsKiB: Math.round((audits['unused-javascript'].details?.overallSavingsBytes ?? 0) / 1024),
    failedA11y: Object.values(audits)
      .filter((audit) => audit.scoreDisplayMode === 'binary' && audit.score === 0 && isA11yAudit(report, audit.id))
      .map((audit) => audit.id),
  };
}

/** `/lessons/<slug>` for each live lesson. */
function liveLessonPages() {
  // In lesson order: each lesson's folder is lessons/<number>-<slug>, and its meta.ts says whether it is live.
  const lessons = readdirSync('lessons', { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d+-/.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .filter((folder) => /status:\s*'live'/.test(readFileSync(join('lessons', folder, 'meta.ts'), 'utf8')))
    .map((folder) => `/lessons/${folder.replace(/^\d+-/, '')}`);
  if (lessons.length === 0) throw new Error('No live lesson found under lessons/*/meta.ts.');
  return lessons;
}

/** A command's exit status and output, once it ends. */
function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function isA11yAudit(report, id) {
  return report.categories.accessibility.auditRefs.some((ref) => ref.id === id);
}

/** Each figure's median over the runs (Lighthouse's own advice for noisy machines). */
function median(reports) {
  const middle = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];
  const pick = (key) => middle(reports.map((report) => report[key]));
  return {
    performance: pick('performance'),
    accessibility: pick('accessibility'),
    tbtMs: pick('tbtMs'),
    transferredKiB: pick('transferredKiB'),
    unusedJsKiB: pick('unusedJsKiB'),
    failedA11y: [...new Set(reports.flatMap((report) => report.failedA11y))],
  };
}

function printRow(row) {
  const cells = [
    row.page.padEnd(28),
    `performance ${String(row.performance).padStart(3)}`,
    `accessibility ${String(row.accessibility).padStart(3)}`,
    `TBT ${String(row.tbtMs).padStart(5)} ms`,
    `transferred ${String(row.transferredKiB).padStart(4)} KiB`,
    `unused JS ${String(row.unusedJsKiB).padStart(4)} KiB`,
    `load ${row.load.toFixed(2)}`,
  ];
  console.log(cells.join('  ') + (row.failedA11y.length > 0 ? `  (a11y: ${row.failedA11y.join(', ')})` : ''));
}

async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port: free } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return free;
}

async function waitForServer(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    const up = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start did not answer at ${url} within ${timeoutMs / 1000} s`);
}
