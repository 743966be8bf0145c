/**
 * Playwright's `test`, plus one automatic fixture: every response body the
 * browser receives is written to test-results/e2e-bodies/, so the
 * token-exposure check (scripts/check-secret-exposure.ts) can prove after
 * the run that no page, API answer or MCP response carried a secret.
 * Specs import `test` and `expect` from here instead of '@playwright/test'.
 *
 * Bodies are stored under their hash (a bundle fetched by a hundred tests is
 * kept once); index-<worker>.jsonl says which URL and test each came from.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test as base, type BrowserContext, type Response } from '@playwright/test';
import { E2E_BODIES_DIR } from './servers';

export * from '@playwright/test';

const pending = new Set<Promise<void>>();

/** Records the bodies of `context`'s responses; the fixture does this for the test's own context. */
export function captureResponseBodies(context: BrowserContext): void {
  const { titlePath, workerIndex } = test.info();
  const testName = titlePath.join(' › ');
  context.on('response', (response) => {
    const saving = save(response, testName, workerIndex)
      .catch(() => {}) // redirects and bodies evicted by a navigation have nothing to read
      .finally(() => pending.delete(saving));
    pending.add(saving);
  });
}

async function save(response: Response, testName: string, workerIndex: number): Promise<void> {
  // The bundles are scanned where the build wrote them (.next/static): copying each again per test would only slow the run.
  if (new URL(response.url()).pathname.startsWith('/_next/static/')) return;
  // Pictures, fonts and media cannot carry a token the app wrote; everything else (HTML, JS, JSON, RSC, SSE) is kept.
  const type = (await response.headerValue('content-type')) ?? '';
  if (/^(image|font|audio|video)\//.test(type)) return;
  const body = await response.body();
  if (!body.length) return;
  mkdirSync(E2E_BODIES_DIR, { recursive: true });
  const file = `${createHash('sha256').update(body).digest('hex').slice(0, 32)}.body`;
  if (!existsSync(path.join(E2E_BODIES_DIR, file))) writeFileSync(path.join(E2E_BODIES_DIR, file), body);
  const line = { file, url: response.url(), status: response.status(), test: testName };
  appendFileSync(path.join(E2E_BODIES_DIR, `index-${workerIndex}.jsonl`), `${JSON.stringify(line)}\n`);
}

/** Waits (a few seconds at most) for the bodies still being read. */
async function flushResponseBodies(): Promise<void> {
  await Promise.race([Promise.allSettled([...pending]), new Promise((resolve) => setTimeout(resolve, 5_000))]);
}

export const test = base.extend<{ responseBodies: void }>({
  responseBodies: [
    async ({ context }, use) => {
      captureResponseBodies(context);
      await use();
      await flushResponseBodies();
    },
    { auto: true },
  ],
});
