/**
 * GET /api/stdio-trace starts a Node process per call, so it is guarded like
 * one: pages of this app only (a cross-site <img> or <script> carries no
 * Origin, but does carry Sec-Fetch-*), at most two at once, a deadline, and
 * the child killed when the request goes away. The processes are observed
 * in /proc, as the operating system sees them, not through our own counters.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/stdio-trace/route';
import { ConcurrencyLimit } from '@/lib/http/concurrency-limit';
import type { StdioTrace } from '../stdio-trace';
import { handleStdioTraceRequest, STDIO_TRACE_CONCURRENCY } from '../stdio-trace-endpoint';

const SITE = 'http://127.0.0.1:3000';
/** What Chromium sends for the lesson page's fetch('/api/stdio-trace'). */
const FROM_OUR_PAGE = { host: '127.0.0.1:3000', 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' };

const traceRequest = (headers: Record<string, string> = FROM_OUR_PAGE, signal?: AbortSignal, query = '') =>
  new Request(`${SITE}/api/stdio-trace${query}`, { headers, signal });

/** Our stdio server's processes that are children of this test process, read from /proc. */
function stdioChildren(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        // Fields after the command name, which is in parentheses and may hold spaces: state, ppid, …
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const command = readFileSync(`/proc/${name}/cmdline`, 'utf8');
        return ppid === process.pid && command.includes('mcp-dojo.mjs') ? [Number(name)] : [];
      } catch {
        return []; // gone while we looked
      }
    });
}

const isRunning = (pid: number) => stdioChildren().includes(pid);

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return condition();
}

describe('GET /api/stdio-trace refuses what is not a page of this app', () => {
  it.each([
    ['a cross-site <img> (no Origin, Sec-Fetch-Site: cross-site)', { host: '127.0.0.1:3000', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' }],
    ['a same-site <script> (another port of this host)', { host: '127.0.0.1:3000', 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'script' }],
    ['a no-cors subresource load, even same-origin', { host: '127.0.0.1:3000', 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' }],
    ['a cross-site fetch with an Origin', { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:5173', 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'cors' }],
  ])('%s → 403 saying why, and no process', async (_case, headers) => {
    const response = await GET(traceRequest(headers));
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatch(/^Forbidden: /);
    expect(stdioChildren()).toEqual([]);
  });

  it('a query parameter → 400 naming it: nothing from the request reaches the process', async () => {
    const response = await GET(traceRequest(FROM_OUR_PAGE, undefined, '?command=rm&args=-rf'));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toContain('"args", "command"');
    expect(stdioChildren()).toEqual([]);
  });
});

describe('GET /api/stdio-trace lets this app’s pages, the user and non-browser clients in', () => {
  const fakeTrace = { command: 'fake', entries: [], result: { content: [] }, ms: 0 } satisfies StdioTrace;

  it.each([
    ['the lesson page’s fetch', FROM_OUR_PAGE],
    ['the user opening the URL (Sec-Fetch-Site: none)', { host: '127.0.0.1:3000', 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' }],
    ['curl (no Sec-Fetch-*, no Origin)', { host: '127.0.0.1:3000' }],
  ])('%s → the fixed call runs, given only a signal', async (_case, headers) => {
    const calls: unknown[][] = [];
    const run = async (...args: unknown[]) => (calls.push(args), fakeTrace);
    const response = await handleStdioTraceRequest(traceRequest(headers), { policy: { origins: [], hosts: [] }, limit: new ConcurrencyLimit(1), run });
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toHaveLength(1);
    expect(calls[0]![0]).toBeInstanceOf(AbortSignal);
  });
});

describe.skipIf(!existsSync('/proc/self/stat'))('GET /api/stdio-trace and its processes', () => {
  it(`runs at most ${STDIO_TRACE_CONCURRENCY} at once; the others get 503 with Retry-After and a message that says so`, async () => {
    let most = 0;
    const watcher = setInterval(() => (most = Math.max(most, stdioChildren().length)), 5);
    try {
      const responses = await Promise.all(Array.from({ length: 6 }, () => GET(traceRequest())));
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).toEqual([200, 200, 503, 503, 503, 503]);
      const busy = responses.find((response) => response.status === 503)!;
      expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await busy.json()).error).toContain(`at most ${STDIO_TRACE_CONCURRENCY} at once`);
    } finally {
      clearInterval(watcher);
    }
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(STDIO_TRACE_CONCURRENCY);
    // And every slot is free again afterwards.
    expect((await GET(traceRequest())).status).toBe(200);
  }, 60_000);

  it('an aborted request kills its child at once, and frees its slot', async () => {
    const controller = new AbortController();
    const answer = GET(traceRequest(FROM_OUR_PAGE, controller.signal));
    expect(await waitFor(() => stdioChildren().length === 1, 10_000)).toBe(true);
    const [pid] = stdioChildren();
    controller.abort();
    const aborted = Date.now();
    expect(await waitFor(() => !isRunning(pid!), 1_000)).toBe(true);
    expect(Date.now() - aborted).toBeLessThan(1_000);
    expect((await answer).status).not.toBe(200);
    // Both slots are free: two more run side by side.
    const again = await Promise.all([GET(traceRequest()), GET(traceRequest())]);
    expect(again.map((response) => response.status)).toEqual([200, 200]);
  }, 60_000);

  it('past its deadline the process is killed, and the answer is 504 saying so', async () => {
    const response = await handleStdioTraceRequest(traceRequest(), { policy: { origins: [], hosts: [] }, limit: new ConcurrencyLimit(1), timeoutMs: 300 });
    expect(response.status).toBe(504);
    expect((await response.json()).error).toContain('took longer than 0.3 s, so its process was stopped');
    expect(await waitFor(() => stdioChildren().length === 0, 1_000)).toBe(true);
  }, 30_000);
});
