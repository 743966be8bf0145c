/**
 * The token-exposure check, after a full e2e run (`npm run test:e2e` runs it last):
 * the Todoist tokens, this server's signing and vault keys, its secret and the
 * stand-in app's client secret appear in no
 *   - log line: each e2e server's stdout and stderr (test-results/e2e-logs/),
 *   - bundle: every file under .next/static,
 *   - page: the prerendered HTML and RSC under .next/server/app,
 *   - response the browser received, pages, API and MCP answers alike (test-results/e2e-bodies/),
 *   - error text: the e2e report and the failed tests' error context (test-results/e2e.json, e2e-artifacts/).
 *
 *   npx tsx scripts/check-secret-exposure.ts
 *
 * Exits 1 naming each file and the kind of secret in it (never the secret), or if there was nothing to scan.
 * Writes test-results/secret-exposure.json for the summary line of `npm test`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { E2E_BODIES_DIR, E2E_DOJO_SECRET, E2E_LOG_DIR, STANDIN_TOKEN } from '@/e2e/support/servers';
import { findSecrets, findSecretsInFile, secretsOf, TOKEN_SHAPES } from './secret-exposure';

const LOGS = ['standin', 'app', 'configured-app'].map((name) => path.join(E2E_LOG_DIR, `${name}.log`));

function filesUnder(dir: string, keep: (file: string) => boolean = () => true): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter(keep)
    .sort();
}

const needles = secretsOf(E2E_DOJO_SECRET, STANDIN_TOKEN);

// The check must be able to fail: every needle and every token shape is found when planted in a line of text.
const planted: Record<string, string> = {
  'a Todoist token (stand-in OAuth, standin_oauth_…)': `standin_oauth_${'ab12'.repeat(10)}`,
  'a Todoist token (built-in stand-in, standin.<account>.<signature>)': `standin.${Buffer.from('learner-x/real').toString('base64url')}.${'s'.repeat(43)}`,
};
for (const { kind, value } of [...needles, ...Object.entries(planted).map(([kind, value]) => ({ kind, value }))]) {
  if (!findSecrets(`log line: "${value}".`, needles, TOKEN_SHAPES).includes(kind)) {
    console.error(`secret exposure: the check cannot see ${kind}; fix scripts/secret-exposure.ts`);
    process.exit(1);
  }
}

// Which URL and test each stored body came from, to name it in a finding.
const origins = new Map<string, { url: string; test: string; responses: number }>();
let responses = 0;
for (const index of filesUnder(E2E_BODIES_DIR, (file) => file.endsWith('.jsonl'))) {
  for (const line of readFileSync(index, 'utf8').split('\n').filter(Boolean)) {
    const { file, url, test } = JSON.parse(line) as { file: string; url: string; test: string };
    responses += 1;
    const seen = origins.get(file);
    if (seen) seen.responses += 1;
    else origins.set(file, { url, test, responses: 1 });
  }
}

const groups = {
  'log files': LOGS.filter((file) => existsSync(file)),
  'response bodies': filesUnder(E2E_BODIES_DIR, (file) => file.endsWith('.body')),
  'bundle files': filesUnder('.next/static'),
  'prerendered/server files': filesUnder('.next/server/app'),
  'error reports': [
    ...(existsSync('test-results/e2e.json') ? ['test-results/e2e.json'] : []),
    // Traces and screenshots are binary (zip, png, webm); the error context is the text a failure shows.
    ...filesUnder('test-results/e2e-artifacts', (file) => /\.(md|txt|json|log)$/.test(file)),
  ],
};

// Nothing to scan is a failure, not a pass: the e2e run or its capture did not happen.
const missing = [
  ...LOGS.filter((file) => !existsSync(file)).map((file) => `${file} (was the server reused rather than started by Playwright?)`),
  ...(groups['response bodies'].length ? [] : [`response bodies in ${E2E_BODIES_DIR}/ (specs import test from e2e/support/test.ts)`]),
  ...(groups['bundle files'].length ? [] : ['.next/static (run next build)']),
  ...(groups['prerendered/server files'].length ? [] : ['.next/server/app (run next build)']),
  ...(groups['error reports'].length ? [] : ['test-results/e2e.json (run playwright test)']),
];

const findings: string[] = [];
let files = 0;
let bytes = 0;
for (const list of Object.values(groups)) {
  for (const file of list) {
    const scanned = findSecretsInFile(file, needles);
    files += 1;
    bytes += scanned.bytes;
    const origin = origins.get(path.basename(file));
    const where = origin ? `${file} (${origin.url}, in "${origin.test}")` : file;
    for (const kind of scanned.kinds) findings.push(`${where}: ${kind}`);
  }
}

const counts = Object.entries(groups)
  .map(([name, list]) => `${list.length} ${name}`)
  .join(', ');
const mb = (bytes / 1024 / 1024).toFixed(1);
console.log(
  `secret exposure: scanned ${files} files, ${mb} MB (${counts}; ${responses} browser responses), ` +
    `${needles.length} secret encodings + ${TOKEN_SHAPES.length} token shapes: ${findings.length} found` +
    (missing.length ? `, ${missing.length} missing input${missing.length > 1 ? 's' : ''}` : ''),
);
for (const finding of findings) console.error(`  FOUND ${finding}`);
for (const what of missing) console.error(`  MISSING ${what}`);

const failed = findings.length + missing.length;
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/secret-exposure.json', JSON.stringify({ passed: failed ? 0 : 1, failed, files, bytes, findings, missing }, null, 2));
process.exit(failed ? 1 : 0);
