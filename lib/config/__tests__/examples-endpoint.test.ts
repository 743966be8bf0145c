/**
 * GET /api/config-examples writes temp files and runs config discovery six
 * times per call: only this app's pages may ask (a cross-site <img> sends no
 * Origin, but does send Sec-Fetch-*), and only a few at once.
 */
import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/config-examples/route';
import { ConcurrencyLimit } from '@/lib/http/concurrency-limit';
import { CONFIG_EXAMPLES_CONCURRENCY, handleConfigExamplesRequest } from '../examples-endpoint';

const FROM_OUR_PAGE = { host: '127.0.0.1:3000', 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' };
const examplesRequest = (headers: Record<string, string> = FROM_OUR_PAGE, init: RequestInit = {}, query = '') =>
  new Request(`http://127.0.0.1:3000/api/config-examples${query}`, { headers, ...init });

describe('GET /api/config-examples', () => {
  it('answers the lesson page with the six examples', async () => {
    const response = await GET(examplesRequest());
    expect(response.status).toBe(200);
    expect((await response.json()).examples).toHaveLength(6);
  });

  it.each([
    ['a cross-site <img> (no Origin)', { host: '127.0.0.1:3000', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' }],
    ['a same-site <script>', { host: '127.0.0.1:3000', 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'script' }],
  ])('%s → 403 saying why', async (_case, headers) => {
    const response = await GET(examplesRequest(headers));
    expect(response.status).toBe(403);
    expect((await response.json()).error).toMatch(/^Forbidden: a (cross|same)-site request \(Sec-Fetch-Site\)/);
  });

  it(`runs at most ${CONFIG_EXAMPLES_CONCURRENCY} at once; the others get 503 with Retry-After`, async () => {
    const responses = await Promise.all(Array.from({ length: CONFIG_EXAMPLES_CONCURRENCY + 2 }, () => GET(examplesRequest())));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([...Array(CONFIG_EXAMPLES_CONCURRENCY).fill(200), 503, 503]);
    const busy = responses.find((response) => response.status === 503)!;
    expect(busy.headers.get('retry-after')).toBe('1');
    expect((await busy.json()).error).toContain(`at most ${CONFIG_EXAMPLES_CONCURRENCY} at once`);
  });

  it('a query parameter → 400 naming it', async () => {
    const response = await GET(examplesRequest(FROM_OUR_PAGE, {}, '?dir=/etc'));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toContain('"dir"');
  });

  it('stops between examples once the request is gone, and says so', async () => {
    const controller = new AbortController();
    controller.abort();
    const response = await handleConfigExamplesRequest(examplesRequest(FROM_OUR_PAGE, { signal: controller.signal }), {
      policy: { origins: [], hosts: [] },
      limit: new ConcurrencyLimit(1),
    });
    expect(response.status).toBe(499);
  });
});
