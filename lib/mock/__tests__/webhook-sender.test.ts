/**
 * The mock's webhook sender, as Todoist delivers: signed over the exact bytes
 * sent, one delivery id across retries, at most 3 retries after a non-200 or
 * a network error — and each fault a lesson can switch on doing what it says.
 * Time is fake throughout (no sleeps), except for the one test over real HTTP.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseWebhookPayload, verifyWebhookSignature } from '@doist/todoist-sdk';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DELIVERY_ID_HEADER, SIGNATURE_HEADER, type TodoistWebhookEvent } from '@/lib/realtime/webhook-event';
import type { Task } from '@/lib/todoist/schemas';
import { taskFixture } from '@/lib/todoist/__tests__/fixtures';
import { WebhookDeliveryLog } from '../webhook-delivery-log';
import {
  createWebhookSender,
  TODOIST_MAX_RETRIES,
  TODOIST_RETRY_DELAY_MS,
  type WebhookChange,
  type WebhookFaults,
  type WebhookSender,
  type WebhookSenderOptions,
} from '../webhook-sender';

const CLIENT_SECRET = 'test-client-secret-0123456789';
const CALLBACK = 'https://app.example/api/webhooks/todoist';
const START = Date.parse('2026-10-01T09:00:00.000Z');
const alice = { id: 'alice-1a2b3c4d', email: 'alice+1a2b3c4d@example.com', full_name: 'Alice Example', is_premium: false, image_id: null };
const bob = { id: 'bob-5e6f7a8b', email: 'bob+5e6f7a8b@example.com', full_name: 'Bob Example', is_premium: true, image_id: null };

interface RecordedRequest {
  url: string;
  headers: Headers;
  body: Buffer;
  signal: AbortSignal | undefined;
  at: number;
}

/** A fetch that records every request and answers what `answer` says (200 unless told). */
function recordingFetch(answer: (index: number, request: RecordedRequest) => Response | Promise<Response> = () => ok()) {
  const requests: RecordedRequest[] = [];
  const fetch = async (url: RequestInfo | URL, init: RequestInit = {}) => {
    const request: RecordedRequest = {
      url: String(url),
      headers: new Headers(init.headers),
      body: Buffer.from(init.body as Uint8Array),
      signal: init.signal ?? undefined,
      at: Date.now(),
    };
    requests.push(request);
    return answer(requests.length - 1, request);
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

const ok = () => new Response(null, { status: 200 });
/** A receiver that never answers: the request ends only when the sender aborts it, as fetch does. */
const noAnswer = (_index: number, request: RecordedRequest) =>
  new Promise<Response>((_resolve, reject) => request.signal?.addEventListener('abort', () => reject(request.signal?.reason)));
const status = (code: number) => new Response(code === 204 ? null : 'nope', { status: code });

function task(id: string, overrides: Partial<Task> = {}): Task {
  return taskFixture({ id, user_id: alice.id, content: `Task ${id}`, ...overrides });
}
const completed = (id: string): WebhookChange => ({ event_name: 'item:completed', task: task(id, { checked: true }) });

function eventOf(request: RecordedRequest): TodoistWebhookEvent {
  return JSON.parse(request.body.toString('utf8')) as TodoistWebhookEvent;
}
const hmac = (key: string, body: Buffer) => createHmac('sha256', key).update(body).digest('base64');

let sender: WebhookSender | undefined;
function makeSender(fetch: typeof globalThis.fetch, options: Partial<WebhookSenderOptions> = {}): WebhookSender {
  sender = createWebhookSender({ clientSecret: CLIENT_SECRET, fetch, ...options });
  return sender;
}
function deliver(target: WebhookSender, changes: WebhookChange[], faults?: WebhookFaults, account = alice): string[] {
  return target.deliver({ userId: account.id, initiator: account, changes, registration: { callbackUrl: CALLBACK, faults } });
}
/** Lets every due timer and the promise chains after it run. */
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('webhook sender (fake time)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: START });
  });
  afterEach(() => {
    sender?.close();
    sender = undefined;
    vi.useRealTimers();
  });

  it('POSTs a Todoist-shaped event, signed over the raw body with the client secret', async () => {
    const { fetch, requests } = recordingFetch();
    const webhooks = makeSender(fetch);
    const change = completed('task-1');
    const [id] = deliver(webhooks, [change]);
    await advance(0);

    expect(requests).toHaveLength(1);
    const [request] = requests as [RecordedRequest];
    expect(request.url).toBe(CALLBACK);
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(request.headers.get('user-agent')).toBe('Todoist-Webhooks');
    expect(request.headers.get(DELIVERY_ID_HEADER)).toBe(id);
    expect(request.headers.get(SIGNATURE_HEADER)).toBe(hmac(CLIENT_SECRET, request.body));
    await expect(
      verifyWebhookSignature({ rawBody: new Uint8Array(request.body), signature: request.headers.get(SIGNATURE_HEADER)!, clientSecret: CLIENT_SECRET }),
    ).resolves.toBe(true);

    expect(eventOf(request)).toEqual({
      event_name: 'item:completed',
      user_id: alice.id,
      event_data: change.task,
      initiator: alice,
      triggered_at: new Date(START).toISOString(),
      version: '1',
    });
    // The official SDK is the contract oracle for the body, as for the REST answers.
    expect(parseWebhookPayload(eventOf(request))).toMatchObject({
      eventName: 'item:completed',
      userId: alice.id,
      eventData: { id: 'task-1', checked: true },
      initiator: { id: alice.id, fullName: alice.full_name },
    });
  });

  it('gives every delivery its own id, and sends a batch in the order of its changes', async () => {
    const { fetch, requests } = recordingFetch();
    const ids = deliver(makeSender(fetch), [completed('a'), completed('b'), completed('c')]);
    await advance(0);

    expect(new Set(ids).size).toBe(3);
    expect(requests.map((request) => request.headers.get(DELIVERY_ID_HEADER))).toEqual(ids);
    expect(requests.map((request) => eventOf(request).event_data.id)).toEqual(['a', 'b', 'c']);
  });

  it('retries a non-200 after 15 minutes with the same delivery id and the same bytes', async () => {
    const { fetch, requests } = recordingFetch((index) => (index < 2 ? status(500) : ok()));
    const webhooks = makeSender(fetch); // the default delay: Todoist's 15 minutes
    const [id] = deliver(webhooks, [completed('task-1')]);
    await advance(0);
    expect(requests).toHaveLength(1);

    await advance(TODOIST_RETRY_DELAY_MS - 1);
    expect(requests).toHaveLength(1);
    await advance(1);
    expect(requests).toHaveLength(2);
    await advance(TODOIST_RETRY_DELAY_MS);
    expect(requests).toHaveLength(3);
    await advance(10 * TODOIST_RETRY_DELAY_MS);
    expect(requests).toHaveLength(3); // the 200 ended it

    for (const request of requests) {
      expect(request.headers.get(DELIVERY_ID_HEADER)).toBe(id);
      expect(request.body.equals(requests[0]!.body)).toBe(true);
      expect(request.headers.get(SIGNATURE_HEADER)).toBe(requests[0]!.headers.get(SIGNATURE_HEADER));
    }
    const [entry] = webhooks.log(alice.id);
    expect(entry).toMatchObject({ deliveryId: id, status: 'delivered' });
    expect(entry!.attempts.map((attempt) => [attempt.kind, attempt.status])).toEqual([
      ['first', 500],
      ['retry', 500],
      ['retry', 200],
    ]);
    expect(entry!.attempts.map((attempt) => attempt.at)).toEqual([0, 1, 2].map((n) => new Date(START + n * TODOIST_RETRY_DELAY_MS).toISOString()));
  });

  it('retries at most 3 times, then gives up and says so in the log', async () => {
    const { fetch, requests } = recordingFetch(() => status(503));
    const webhooks = makeSender(fetch, { retryDelayMs: 1_000 });
    deliver(webhooks, [completed('task-1')]);
    await advance(100_000);

    expect(requests).toHaveLength(1 + TODOIST_MAX_RETRIES);
    const [entry] = webhooks.log(alice.id);
    expect(entry!.status).toBe('gave-up');
    expect(entry!.attempts.map((attempt) => attempt.kind)).toEqual(['first', 'retry', 'retry', 'retry']);
    expect(entry!.attempts[3]!.error).toMatch(/answered 503.*only 200/);
    await expect(webhooks.idle()).resolves.toBeUndefined();
  });

  it('counts any answer but 200 as not delivered, a 204 included', async () => {
    const { fetch, requests } = recordingFetch((index) => (index === 0 ? status(204) : ok()));
    const webhooks = makeSender(fetch, { retryDelayMs: 1_000 });
    deliver(webhooks, [completed('task-1')]);
    await advance(1_000);
    expect(requests).toHaveLength(2);
    expect(webhooks.log(alice.id)[0]!.status).toBe('delivered');
  });

  it('retries after a network error (fetch throws), and logs why', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
    const { fetch, requests } = recordingFetch((index) => (index === 0 ? Promise.reject(refused) : ok()));
    const webhooks = makeSender(fetch, { retryDelayMs: 1_000 });
    const [id] = deliver(webhooks, [completed('task-1')]);
    await advance(0);
    expect(webhooks.log(alice.id)[0]!.attempts[0]).toMatchObject({ kind: 'first', error: 'network error: fetch failed (ECONNREFUSED)' });

    await advance(1_000);
    expect(requests.map((request) => request.headers.get(DELIVERY_ID_HEADER))).toEqual([id, id]);
    expect(webhooks.log(alice.id)[0]!.status).toBe('delivered');
  });

  it('gives up on an attempt the receiver never answers, and retries it', async () => {
    const { fetch, requests } = recordingFetch((index, request) => (index === 0 ? noAnswer(index, request) : ok()));
    const webhooks = makeSender(fetch, { retryDelayMs: 1_000, attemptTimeoutMs: 5_000 });
    deliver(webhooks, [completed('task-1')]);
    await advance(4_999);
    expect(webhooks.log(alice.id)[0]!.attempts[0]!.error).toBeUndefined();
    await advance(1);
    expect(webhooks.log(alice.id)[0]!.attempts[0]!.error).toBe('no answer within 5000 ms');
    await advance(1_000);
    expect(requests).toHaveLength(2);
    expect(webhooks.log(alice.id)[0]!.status).toBe('delivered');
  });

  it("keeps a change's own triggered_at, on the first attempt and on every retry", async () => {
    const { fetch, requests } = recordingFetch((index) => (index === 0 ? status(500) : ok()));
    const webhooks = makeSender(fetch, { retryDelayMs: 1_000 });
    const changedAt = '2026-10-01T08:59:58.123Z';
    deliver(webhooks, [{ ...completed('task-1'), triggered_at: changedAt }, completed('task-2')]);
    await advance(1_000);

    expect(requests.map((request) => [eventOf(request).event_data.id, eventOf(request).triggered_at])).toEqual([
      ['task-1', changedAt],
      ['task-2', new Date(START).toISOString()],
      ['task-1', changedAt],
    ]);
  });

  describe('faults', () => {
    it('duplicate: sends the same delivery twice, same id and bytes', async () => {
      const { fetch, requests } = recordingFetch();
      const webhooks = makeSender(fetch);
      const [id] = deliver(webhooks, [completed('task-1')], { duplicate: true });
      await advance(0);

      expect(requests).toHaveLength(2);
      expect(requests.map((request) => request.headers.get(DELIVERY_ID_HEADER))).toEqual([id, id]);
      expect(requests[1]!.body.equals(requests[0]!.body)).toBe(true);
      const [entry] = webhooks.log(alice.id);
      expect(entry).toMatchObject({ faults: ['duplicate'], status: 'delivered' });
      expect(entry!.attempts.map((attempt) => attempt.kind)).toEqual(['first', 'duplicate']);
    });

    it('outOfOrder: sends a batch newest first, still returning ids in the order of the changes', async () => {
      const { fetch, requests } = recordingFetch();
      const ids = deliver(makeSender(fetch), [completed('a'), completed('b'), completed('c')], { outOfOrder: true });
      await advance(0);

      expect(requests.map((request) => eventOf(request).event_data.id)).toEqual(['c', 'b', 'a']);
      expect(requests.map((request) => request.headers.get(DELIVERY_ID_HEADER))).toEqual([...ids].reverse());
    });

    it('lateMs: sends nothing until the delay has passed', async () => {
      const { fetch, requests } = recordingFetch();
      const webhooks = makeSender(fetch);
      deliver(webhooks, [completed('task-1')], { lateMs: 30_000 });
      await advance(29_999);
      expect(requests).toHaveLength(0);
      expect(webhooks.log(alice.id)[0]).toMatchObject({ status: 'pending', faults: ['late'], attempts: [] });
      await advance(1);
      expect(requests).toHaveLength(1);
      expect(requests[0]!.at).toBe(START + 30_000);
      // The event still says when the change happened, not when it was sent.
      expect(eventOf(requests[0]!).triggered_at).toBe(new Date(START).toISOString());
    });

    it('lost: never sends, and the log says it was lost', async () => {
      const { fetch, requests } = recordingFetch();
      const webhooks = makeSender(fetch);
      const [id] = deliver(webhooks, [completed('task-1')], { lost: true });
      await advance(10 * TODOIST_RETRY_DELAY_MS);

      expect(requests).toHaveLength(0);
      expect(webhooks.log(alice.id)).toEqual([
        { deliveryId: id, userId: alice.id, eventName: 'item:completed', taskId: 'task-1', faults: ['lost'], status: 'lost', attempts: [] },
      ]);
    });

    it('badSignature: signs with another key, so verifying with the client secret fails', async () => {
      const { fetch, requests } = recordingFetch();
      deliver(makeSender(fetch), [completed('task-1')], { badSignature: true });
      await advance(0);

      const [request] = requests as [RecordedRequest];
      const signature = request.headers.get(SIGNATURE_HEADER)!;
      expect(signature).toMatch(/^[A-Za-z0-9+/]{43}=$/); // well-formed, just wrong
      expect(signature).not.toBe(hmac(CLIENT_SECRET, request.body));
      await expect(verifyWebhookSignature({ rawBody: new Uint8Array(request.body), signature, clientSecret: CLIENT_SECRET })).resolves.toBe(false);
    });

    it('redeliver: after a 200, sends the same delivery again one retry delay later, once', async () => {
      const { fetch, requests } = recordingFetch();
      const webhooks = makeSender(fetch, { retryDelayMs: 60_000 });
      const [id] = deliver(webhooks, [completed('task-1')], { redeliver: true });
      await advance(59_999);
      expect(requests).toHaveLength(1);
      await advance(1);
      expect(requests).toHaveLength(2);
      await advance(10 * 60_000);
      expect(requests).toHaveLength(2);

      expect(requests.map((request) => request.headers.get(DELIVERY_ID_HEADER))).toEqual([id, id]);
      expect(requests[1]!.body.equals(requests[0]!.body)).toBe(true);
      expect(webhooks.log(alice.id)[0]!.attempts.map((attempt) => attempt.kind)).toEqual(['first', 'redelivery']);
    });

    it('none by default: each change is sent once, in order, correctly signed', async () => {
      const { fetch, requests } = recordingFetch();
      const webhooks = makeSender(fetch);
      deliver(webhooks, [completed('a'), completed('b')]);
      await advance(10 * TODOIST_RETRY_DELAY_MS);

      expect(requests.map((request) => eventOf(request).event_data.id)).toEqual(['a', 'b']);
      for (const request of requests) expect(request.headers.get(SIGNATURE_HEADER)).toBe(hmac(CLIENT_SECRET, request.body));
      expect(webhooks.log(alice.id).map((entry) => entry.faults)).toEqual([[], []]);
    });
  });

  describe('close()', () => {
    it('cancels a pending retry: nothing more is sent, the delivery ends cancelled, idle() resolves', async () => {
      const { fetch, requests } = recordingFetch(() => status(500));
      const webhooks = makeSender(fetch);
      deliver(webhooks, [completed('task-1')]);
      await advance(0);
      expect(vi.getTimerCount()).toBe(1); // the retry, waiting

      webhooks.close();
      expect(vi.getTimerCount()).toBe(0);
      await advance(10 * TODOIST_RETRY_DELAY_MS);
      expect(requests).toHaveLength(1);
      expect(webhooks.log(alice.id)[0]!.status).toBe('cancelled');
      await expect(webhooks.idle()).resolves.toBeUndefined();
    });

    it('cancels a late batch before it is sent, and aborts a request in flight', async () => {
      const { fetch, requests } = recordingFetch(noAnswer);
      const webhooks = makeSender(fetch);
      deliver(webhooks, [completed('in-flight')]);
      deliver(webhooks, [completed('late')], { lateMs: 60_000 });
      await advance(0);
      expect(requests).toHaveLength(1);

      webhooks.close();
      await advance(0);
      expect(requests[0]!.signal?.aborted).toBe(true);
      await advance(10 * TODOIST_RETRY_DELAY_MS);
      expect(requests).toHaveLength(1);
      expect(webhooks.log(alice.id).map((entry) => [entry.taskId, entry.status])).toEqual([
        ['in-flight', 'cancelled'],
        ['late', 'cancelled'],
      ]);
      expect(webhooks.log(alice.id)[0]!.attempts[0]!.error).toMatch(/sender was closed/);
      expect(vi.getTimerCount()).toBe(0);
      await expect(webhooks.idle()).resolves.toBeUndefined();
    });

    it('sends nothing for changes that come after it', async () => {
      const { fetch, requests } = recordingFetch();
      const webhooks = makeSender(fetch);
      webhooks.close();
      expect(deliver(webhooks, [completed('task-1')])).toEqual([]);
      await advance(0);
      expect(requests).toHaveLength(0);
    });
  });

  describe('the delivery log', () => {
    it('keeps no secret, signature or body: the event name and the task id are enough', async () => {
      const { fetch, requests } = recordingFetch(() => status(500));
      const webhooks = makeSender(fetch, { retryDelayMs: 1 });
      const secretTask = task('task-1', { content: 'Call the bank about account 12345678', description: 'PIN in the safe' });
      deliver(webhooks, [{ event_name: 'item:added', task: secretTask }], { duplicate: true, redeliver: true });
      await advance(100);

      const logged = JSON.stringify(webhooks.log(alice.id));
      expect(logged).toContain('"eventName":"item:added"');
      expect(logged).toContain('"taskId":"task-1"');
      for (const hidden of [CLIENT_SECRET, requests[0]!.headers.get(SIGNATURE_HEADER)!, 'Call the bank', 'PIN in the safe', alice.email]) {
        expect(logged).not.toContain(hidden);
      }
    });

    it('shows an account only its own deliveries, and only its last N', async () => {
      const { fetch } = recordingFetch();
      const webhooks = makeSender(fetch, { logPerAccount: 2 });
      deliver(webhooks, [completed('a1'), completed('a2'), completed('a3')]);
      deliver(webhooks, [completed('b1')], undefined, bob);
      await advance(0);

      expect(webhooks.log(alice.id).map((entry) => entry.taskId)).toEqual(['a2', 'a3']);
      expect(webhooks.log(bob.id).map((entry) => [entry.userId, entry.taskId])).toEqual([[bob.id, 'b1']]);
      expect(webhooks.log('nobody')).toEqual([]);
    });

    it('hands out copies: changing what log() returned changes nothing', async () => {
      const { fetch } = recordingFetch();
      const webhooks = makeSender(fetch);
      deliver(webhooks, [completed('task-1')]);
      await advance(0);
      webhooks.log(alice.id)[0]!.status = 'lost';
      expect(webhooks.log(alice.id)[0]!.status).toBe('delivered');
    });

    it('drops the account written to least recently when there are too many', () => {
      const log = new WebhookDeliveryLog({ perAccount: 5, maxAccounts: 2 });
      const entry = (userId: string) => ({ deliveryId: userId, userId, eventName: 'item:added' as const, taskId: 't', faults: [], status: 'pending' as const, attempts: [] });
      log.add(entry('u1'));
      log.add(entry('u2'));
      log.add(entry('u1'));
      log.add(entry('u3'));
      expect(log.forAccount('u2')).toEqual([]);
      expect(log.forAccount('u1')).toHaveLength(2);
      expect(log.forAccount('u3')).toHaveLength(1);
    });
  });

  it('refuses a missing client secret and a callback that is not an http(s) URL, saying what to pass', () => {
    const { fetch } = recordingFetch();
    expect(() => createWebhookSender({ clientSecret: '', fetch })).toThrow(/clientSecret is empty/);
    const webhooks = makeSender(fetch);
    for (const callbackUrl of ['/api/webhooks/todoist', 'ftp://app.example/hook']) {
      expect(() => webhooks.deliver({ userId: alice.id, initiator: alice, changes: [completed('x')], registration: { callbackUrl } })).toThrow(/register an absolute http\(s\) URL|only POSTs to web URLs/);
    }
    expect(() => deliver(webhooks, [completed('x')], { lateMs: -1 })).toThrow(/lateMs must be/);
  });
});

describe('webhook sender over real HTTP', () => {
  it('signs exactly the bytes the receiver gets', async () => {
    const received: Array<{ headers: IncomingHttpHeaders; body: Buffer }> = [];
    let arrived!: () => void;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks) });
        response.writeHead(200).end();
        arrived();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const webhooks = createWebhookSender({ clientSecret: CLIENT_SECRET }); // the real fetch and timers
    try {
      const { port } = server.address() as AddressInfo;
      // Non-ASCII and JSON-escaped characters: the bytes differ from the string's length.
      const change: WebhookChange = { event_name: 'item:updated', task: task('task-ü', { content: 'Café ☕ "quoted" \\ 🚀 \u2028' }) };
      webhooks.deliver({ userId: alice.id, initiator: alice, changes: [change], registration: { callbackUrl: `http://127.0.0.1:${port}/api/webhooks/todoist` } });
      await arrival;
      await webhooks.idle();

      const [delivery] = received;
      expect(delivery!.headers['user-agent']).toBe('Todoist-Webhooks');
      expect(delivery!.headers['content-type']).toBe('application/json');
      expect(delivery!.headers['x-todoist-hmac-sha256']).toBe(hmac(CLIENT_SECRET, delivery!.body));
      expect(JSON.parse(delivery!.body.toString('utf8')).event_data).toEqual(change.task);
      expect(webhooks.log(alice.id)[0]).toMatchObject({ status: 'delivered', attempts: [{ kind: 'first', status: 200 }] });
    } finally {
      webhooks.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
