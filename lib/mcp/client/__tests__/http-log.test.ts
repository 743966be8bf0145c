/**
 * The HTTP exchange log on its own, with a scripted fetch: what it records,
 * what it leaves out, and that a streamed body is counted, not consumed.
 */
import { describe, expect, it } from 'vitest';
import { filterHeaders, HttpExchangeLog, loggingFetch, type FetchFunction } from '../http-log';

const encoder = new TextEncoder();

/** A body the test feeds chunk by chunk, like an SSE stream arriving over time. */
function controlledBody() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  return {
    body,
    push: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
    fail: (error: Error) => controller.error(error),
  };
}

function answering(response: Response): FetchFunction {
  return async () => response;
}

const POST_INIT: RequestInit = {
  method: 'POST',
  headers: {
    'Content-Type': 'application/json',
    Accept: 'application/json, text/event-stream',
    'MCP-Protocol-Version': '2026-07-28',
    Cookie: 'dojo-learner=secret',
    Authorization: 'Bearer secret',
  },
  body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'list_tasks' } }),
};

describe('loggingFetch', () => {
  it('records a JSON exchange once its body is read: status, filtered headers, bytes both ways', async () => {
    const log = new HttpExchangeLog();
    const answer = JSON.stringify({ jsonrpc: '2.0', id: 1, result: { content: [] } });
    const fetch = loggingFetch(log, answering(new Response(answer, { status: 200, headers: { 'Content-Type': 'application/json', 'Set-Cookie': 'x=y' } })));

    const response = await fetch('http://127.0.0.1/api/mcp?backend=mock', POST_INIT);
    expect(log.entries).toHaveLength(0); // the body has not ended yet
    expect(await response.json()).toEqual(JSON.parse(answer));

    expect(log.entries).toHaveLength(1);
    const [exchange] = log.entries;
    expect(exchange).toMatchObject({
      seq: 1,
      method: 'POST',
      url: 'http://127.0.0.1/api/mcp?backend=mock',
      status: 200,
      requestBytes: encoder.encode(POST_INIT.body as string).length,
      responseBytes: encoder.encode(answer).length,
      streamed: false,
      outcome: 'complete',
    });
    expect(exchange?.requestHeaders).toEqual({
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2026-07-28',
    });
    expect(exchange?.responseHeaders).toEqual({ 'content-type': 'application/json' });
    expect(exchange?.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('counts an SSE body as it streams, without reading ahead: each event reaches the reader once', async () => {
    const log = new HttpExchangeLog();
    const stream = controlledBody();
    const fetch = loggingFetch(log, answering(new Response(stream.body, { headers: { 'Content-Type': 'text/event-stream' } })));
    const response = await fetch('http://127.0.0.1/api/mcp', POST_INIT);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();

    const first = 'event: message\ndata: {"progress":1}\n\n';
    stream.push(first);
    expect((await reader.read()).value).toBe(first);
    expect(log.entries).toHaveLength(0); // still streaming

    const second = 'event: message\ndata: {"result":{}}\n\n';
    stream.push(second);
    expect((await reader.read()).value).toBe(second);
    stream.end();
    expect((await reader.read()).done).toBe(true);

    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({ streamed: true, outcome: 'complete', responseBytes: encoder.encode(first + second).length });
  });

  it('records a body the reader cancels as aborted, with the bytes seen until then', async () => {
    const log = new HttpExchangeLog();
    const stream = controlledBody();
    const fetch = loggingFetch(log, answering(new Response(stream.body, { headers: { 'Content-Type': 'text/event-stream' } })));
    const reader = (await fetch('http://127.0.0.1/api/mcp', POST_INIT)).body!.getReader();
    stream.push('data: 1\n\n');
    await reader.read();
    await reader.cancel('closed by the client');

    expect(log.entries[0]).toMatchObject({ outcome: 'aborted', responseBytes: 9, error: 'closed by the client' });
  });

  it('records a body that fails part-way as failed', async () => {
    const log = new HttpExchangeLog();
    const stream = controlledBody();
    const fetch = loggingFetch(log, answering(new Response(stream.body, { headers: { 'Content-Type': 'text/event-stream' } })));
    const reader = (await fetch('http://127.0.0.1/api/mcp', POST_INIT)).body!.getReader();
    stream.fail(new Error('socket hang up'));
    await expect(reader.read()).rejects.toThrow('socket hang up');

    expect(log.entries[0]).toMatchObject({ outcome: 'failed', error: 'socket hang up', responseBytes: 0 });
  });

  it('records a response without a body (202 Accepted) at once, and a 405 with its Allow header', async () => {
    const log = new HttpExchangeLog();
    await loggingFetch(log, answering(new Response(null, { status: 202 })))('http://127.0.0.1/api/mcp', POST_INIT);
    const refused = await loggingFetch(
      log,
      answering(new Response('{"error":"Method not allowed"}', { status: 405, headers: { Allow: 'POST', 'Content-Type': 'application/json' } })),
    )('http://127.0.0.1/api/mcp', { method: 'GET', headers: { Accept: 'text/event-stream' } });
    await refused.text();

    expect(log.entries.map((entry) => [entry.seq, entry.method, entry.status, entry.responseBytes])).toEqual([
      [1, 'POST', 202, 0],
      [2, 'GET', 405, 30],
    ]);
    expect(log.entries[1]?.responseHeaders).toEqual({ allow: 'POST', 'content-type': 'application/json' });
    expect(log.entries[1]?.requestBytes).toBe(0);
  });

  it('records a request that got no response (network error or abort) with status 0, and rethrows', async () => {
    const log = new HttpExchangeLog();
    const refused = loggingFetch(log, async () => Promise.reject(new TypeError('fetch failed')));
    await expect(refused('http://127.0.0.1/api/mcp', POST_INIT)).rejects.toThrow('fetch failed');
    const aborted = loggingFetch(log, async () => Promise.reject(new DOMException('The operation was aborted.', 'AbortError')));
    await expect(aborted('http://127.0.0.1/api/mcp', POST_INIT)).rejects.toThrow('aborted');

    expect(log.entries.map((entry) => [entry.status, entry.outcome])).toEqual([
      [0, 'failed'],
      [0, 'aborted'],
    ]);
  });
});

describe('filterHeaders', () => {
  it('keeps mcp-*, content-type, accept and allow; drops cookies and credentials', () => {
    expect(
      filterHeaders({
        'Mcp-Session-Id': 'abc',
        'Mcp-Method': 'tools/call',
        Cookie: 'dojo-learner=x',
        Authorization: 'Bearer t',
        'Set-Cookie': 'y',
        'Content-Length': '10',
        Allow: 'POST',
      }),
    ).toEqual({ 'mcp-session-id': 'abc', 'mcp-method': 'tools/call', allow: 'POST' });
  });
});

describe('HttpExchangeLog', () => {
  const exchange = { method: 'POST', url: 'u', status: 200, requestHeaders: {}, responseHeaders: {}, requestBytes: 1, responseBytes: 1, durationMs: 1, streamed: false, outcome: 'complete' } as const;

  it('notifies subscribers, keeps snapshots stable between changes, and keeps counting across clear()', () => {
    const log = new HttpExchangeLog();
    let notified = 0;
    const unsubscribe = log.subscribe(() => notified++);
    const empty = log.snapshot();
    expect(log.snapshot()).toBe(empty);

    log.append(exchange);
    expect(log.snapshot()).not.toBe(empty);
    expect(log.snapshot()).toBe(log.entries);
    log.clear();
    log.append(exchange);
    expect(log.entries.map((entry) => entry.seq)).toEqual([2]);
    expect(notified).toBe(3);

    unsubscribe();
    log.append(exchange);
    expect(notified).toBe(3);
  });

  it('drops the oldest entries beyond maxEntries', () => {
    const log = new HttpExchangeLog({ maxEntries: 2 });
    for (let index = 0; index < 3; index += 1) log.append(exchange);
    expect(log.entries.map((entry) => entry.seq)).toEqual([2, 3]);
  });
});

describe('HttpExchangeLog.settled', () => {
  it('waits for an exchange whose body is still arriving, and says when it gave up waiting', async () => {
    let endBody!: () => void;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('event: message\n'));
        endBody = () => controller.close();
      },
    });
    const log = new HttpExchangeLog();
    const fetchWithLog = loggingFetch(log, async () => new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }));
    const response = await fetchWithLog('http://localhost/api/mcp', { method: 'GET' });
    const reading = response.text();
    expect(await log.settled(20)).toBe(false); // the stream is still open
    expect(log.entries).toHaveLength(0);
    endBody();
    await reading;
    expect(await log.settled(1_000)).toBe(true);
    expect(log.entries.map((entry) => [entry.method, entry.status, entry.outcome])).toEqual([['GET', 200, 'complete']]);
  });

  it('is settled at once when nothing is in flight, including after a failed fetch', async () => {
    const log = new HttpExchangeLog();
    expect(await log.settled(1)).toBe(true);
    const failing = loggingFetch(log, async () => {
      throw new TypeError('fetch failed');
    });
    await expect(failing('http://localhost/api/mcp', { method: 'POST' })).rejects.toThrow('fetch failed');
    expect(await log.settled(1)).toBe(true);
  });
});
