/**
 * The webhook receiver, driven with real Request objects as Todoist would
 * send them — and every bad delivery from issue 11: unsigned, wrongly signed,
 * truncated, non-JSON, oversized, replayed, stale, an unknown event, an
 * unknown user.
 */
import { verifyWebhookSignature as sdkVerifyWebhookSignature } from '@doist/todoist-sdk';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { countedBody } from '@/lib/http/__tests__/body-stream';
import type { Tenant } from '@/lib/identity/learner';
import { MemoryStateStore } from '@/lib/state';
import { registerAccount, type RegisteredAccount } from '../accounts';
import type { WebhookEvent } from '../webhook-body';
import { createWebhookReceiver, MAX_WEBHOOK_BODY_BYTES, type DeliveryInfo, type WebhookReceiver } from '../webhook-receiver';
import { signWebhookBody } from '../webhook-signature';
import { NOW, STANDIN_SECRET, TODOIST_SECRET, WEBHOOK_URL, delivery, webhookEvent } from './webhook-fixtures';

const alice: Tenant = { key: 'learner-alice', kind: 'learner', learnerId: 'alice-random.signature' };
const backend = { backend: 'real', upstream: 'standin', size: 'small', seed: 1 } as const;

interface Triggered {
  account: RegisteredAccount;
  event: WebhookEvent;
  delivery: DeliveryInfo;
}

let clock: number;
let store: MemoryStateStore;
let triggered: Triggered[];
let deferred: Array<() => Promise<void>>;
let logged: string[];
let receive: WebhookReceiver;

function receiver(onEvent = async (account: RegisteredAccount, event: WebhookEvent, info: DeliveryInfo) => {
  triggered.push({ account, event, delivery: info });
}): WebhookReceiver {
  return createWebhookReceiver({
    store,
    secrets: [
      { app: 'todoist', secret: TODOIST_SECRET },
      { app: 'standin', secret: STANDIN_SECRET },
    ],
    onEvent,
    defer: (task) => deferred.push(task),
    now: () => clock,
    log: (line) => logged.push(line),
  });
}

/** Runs what the receiver left for after its answer. */
async function runDeferred(): Promise<void> {
  for (const task of deferred.splice(0)) await task();
}

/** `request` is refused with these words, and triggers nothing. */
async function expectRefused(request: Request, status: number, words: RegExp): Promise<void> {
  await runDeferred(); // what earlier, accepted deliveries left
  const before = triggered.length;
  const response = await receive(request);
  expect(response.status).toBe(status);
  const body = (await response.json()) as { ok: boolean; error: string };
  expect(body.ok).toBe(false);
  expect(body.error).toMatch(words);
  await runDeferred();
  expect(triggered).toHaveLength(before);
}

beforeEach(async () => {
  clock = NOW;
  store = new MemoryStateStore({ idleMs: 24 * 60 * 60_000, maxEntries: 1_000, sweepEveryMs: 0, now: () => clock });
  triggered = [];
  deferred = [];
  logged = [];
  receive = receiver();
  await registerAccount(store, 'standin', '2671355', { tenant: alice, workspace: 'default', backend });
});

describe('a good delivery', () => {
  it('answers 200 at once and runs the trigger after the answer, for the tenant that reads the account', async () => {
    const response = await receive(delivery(webhookEvent(), { deliveryId: 'd-1' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(triggered).toEqual([]); // nothing ran before the answer

    await runDeferred();
    expect(triggered).toHaveLength(1);
    expect(triggered[0]?.account).toMatchObject({ app: 'standin', todoistUserId: '2671355', tenant: { key: 'learner-alice' }, workspace: 'default' });
    expect(triggered[0]?.event).toMatchObject({ event_name: 'item:completed', user_id: '2671355', event_data: { id: '6XR4GqQQCW6Gv9h4' } });
    expect(triggered[0]?.delivery).toEqual({ deliveryId: 'd-1', app: 'standin', receivedAt: NOW });
  });

  it('does not wait for the trigger: a refresh that never ends still gets Todoist its 200', async () => {
    const hanging = vi.fn(() => new Promise<void>(() => undefined));
    receive = createWebhookReceiver({ store, secrets: [{ app: 'standin', secret: STANDIN_SECRET }], onEvent: hanging, now: () => clock });
    const response = await receive(delivery());
    expect(response.status).toBe(200);
    // The default defer starts the trigger on the next turn of the event loop, without awaiting it.
    await vi.waitFor(() => expect(hanging).toHaveBeenCalledTimes(1));
  });

  it('signs exactly as the official SDK verifies (the contract oracle)', async () => {
    const body = JSON.stringify(webhookEvent());
    const signature = signWebhookBody(body, STANDIN_SECRET);
    expect(await sdkVerifyWebhookSignature({ rawBody: body, signature, clientSecret: STANDIN_SECRET })).toBe(true);
    expect(await sdkVerifyWebhookSignature({ rawBody: body, signature, clientSecret: TODOIST_SECRET })).toBe(false);
  });

  it('accepts the real Todoist app’s signature for an account read from Todoist', async () => {
    await registerAccount(store, 'todoist', '999', { tenant: alice, workspace: 'real', backend: { ...backend, upstream: 'todoist' } });
    const response = await receive(delivery(webhookEvent({ user_id: '999' }), { secret: TODOIST_SECRET }));
    expect(response.status).toBe(200);
    await runDeferred();
    expect(triggered.map((t) => [t.account.app, t.account.workspace])).toEqual([['todoist', 'real']]);
  });

  it('triggers every tenant that reads the account, each as its own task', async () => {
    const bob: Tenant = { key: 'learner-bob', kind: 'learner' };
    await registerAccount(store, 'standin', '2671355', { tenant: bob, workspace: 'demo', backend });
    await receive(delivery());
    expect(deferred).toHaveLength(2);
    await runDeferred();
    expect(triggered.map((t) => `${t.account.tenant.key}/${t.account.workspace}`)).toEqual(['learner-alice/default', 'learner-bob/demo']);
  });

  it('keeps a failing trigger to one log line with no data', async () => {
    receive = receiver(async () => {
      throw new TypeError(`token ${'secret-token'} refused`);
    });
    expect((await receive(delivery())).status).toBe(200);
    await expect(runDeferred()).resolves.toBeUndefined();
    expect(logged).toEqual(['the trigger for a delivery of item:completed failed: TypeError']);
  });
});

describe('unsigned and wrongly signed deliveries', () => {
  it('refuses a delivery without a signature (401), before reading its body', async () => {
    await expectRefused(delivery(webhookEvent(), { signature: null }), 401, /Unsigned delivery: the X-Todoist-Hmac-SHA256 header is missing/);
    const { init, bytesRead } = countedBody(1024 * 1024);
    expect((await receive(new Request(WEBHOOK_URL, { method: 'POST', ...init }))).status).toBe(401);
    expect(bytesRead()).toBeLessThanOrEqual(2 * 1024); // what the stream had queued, not the megabyte
  });

  it('refuses a body signed with another secret (401), without naming any secret', async () => {
    const request = delivery(webhookEvent(), { secret: 'an-attackers-guess' });
    const text = await (await receive(request.clone())).text();
    expect(text).not.toContain(STANDIN_SECRET);
    expect(text).not.toContain(TODOIST_SECRET);
    await expectRefused(request, 401, /signature does not match the body/);
  });

  it('refuses a forged event carrying a signature taken from another body (401)', async () => {
    const genuine = signWebhookBody(JSON.stringify(webhookEvent()), STANDIN_SECRET);
    const forged = webhookEvent({ event_name: 'item:deleted' });
    await expectRefused(delivery(forged, { signature: genuine }), 401, /does not match/);
  });

  it('refuses signatures that are not base64 of 32 bytes, including near misses Node would decode leniently', async () => {
    const good = signWebhookBody(JSON.stringify(webhookEvent()), STANDIN_SECRET);
    for (const signature of ['', 'not a signature', good.slice(0, -2), `${good}AA`, ` ${good}`.slice(0, 44), good.replace('=', '')]) {
      const response = await receive(delivery(webhookEvent(), { signature }));
      expect(response.status, JSON.stringify(signature)).toBe(401);
    }
    // Base64url characters in place of + and /: the same bytes to a lenient decoder, not Todoist's format.
    const urlSafe = good.replaceAll('+', '-').replaceAll('/', '_');
    if (urlSafe !== good) expect((await receive(delivery(webhookEvent(), { signature: urlSafe }))).status).toBe(401);
    await runDeferred();
    expect(triggered).toEqual([]);
  });

  it('refuses everything when no secret is configured', async () => {
    receive = createWebhookReceiver({ store, secrets: [], onEvent: vi.fn(), now: () => clock });
    expect((await receive(delivery())).status).toBe(401);
  });
});

describe('bodies that are not an event', () => {
  it('refuses a truncated body: its original signature no longer matches (401)', async () => {
    const full = JSON.stringify(webhookEvent());
    const signature = signWebhookBody(full, STANDIN_SECRET);
    await expectRefused(delivery(webhookEvent(), { body: full.slice(0, 60), signature }), 401, /does not match/);
  });

  it('refuses a truncated body that was signed as it is (400, says what is wrong)', async () => {
    const truncated = JSON.stringify(webhookEvent()).slice(0, 60);
    await expectRefused(delivery(webhookEvent(), { body: truncated }), 400, /not valid JSON \(truncated\?\)/);
  });

  it('refuses a signed body that is not JSON, not UTF-8, or empty (400)', async () => {
    await expectRefused(delivery(webhookEvent(), { body: 'event_name=item:added' }), 400, /not valid JSON/);
    await expectRefused(delivery(webhookEvent(), { body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }), 400, /not UTF-8/);
    await expectRefused(delivery(webhookEvent(), { body: '' }), 400, /the body is empty/);
  });

  it('refuses JSON of the wrong shape, naming the field and never quoting the body (400)', async () => {
    const { user_id: _dropped, ...noUser } = webhookEvent();
    await expectRefused(delivery(webhookEvent(), { body: JSON.stringify(noUser) }), 400, /field "user_id"/);
    await expectRefused(delivery(webhookEvent(), { body: '[1,2,3]' }), 400, /not a Todoist webhook event/);
    await expectRefused(delivery(webhookEvent({ triggered_at: 'yesterday' })), 400, /field "triggered_at" is not an ISO 8601 date/);
    const sneaky = delivery(webhookEvent({ user_id: '../../admin' }));
    expect(await (await receive(sneaky.clone())).text()).not.toContain('admin');
    await expectRefused(sneaky, 400, /field "user_id" is not a Todoist id/);
    await expectRefused(delivery(webhookEvent({ event_data: 'gone' as never })), 400, /field "event_data"/);
  });

  it('takes fields Todoist may add, and another version, without refusing', async () => {
    const body = JSON.stringify({ ...webhookEvent(), version: '11', brand_new_field: { x: 1 }, initiator: { id: '1' } });
    expect((await receive(delivery(webhookEvent(), { body }))).status).toBe(200);
  });

  it('answers 405 to anything but POST', async () => {
    const response = await receive(new Request(WEBHOOK_URL, { method: 'GET' }));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});

describe('oversized bodies', () => {
  it('refuses a body whose Content-Length is over the cap (413) before reading it', async () => {
    const body = 'x'.repeat(MAX_WEBHOOK_BODY_BYTES + 1);
    await expectRefused(delivery(webhookEvent(), { body }), 413, /larger than 65,536 bytes/);
  });

  it('stops reading a streamed body without a length at the cap (413)', async () => {
    const { init, bytesRead } = countedBody(10 * 1024 * 1024);
    const request = new Request(WEBHOOK_URL, { method: 'POST', ...init, headers: { 'X-Todoist-Hmac-SHA256': 'x' } });
    await expectRefused(request, 413, /larger than/);
    expect(bytesRead()).toBeLessThan(MAX_WEBHOOK_BODY_BYTES + 64 * 1024);
  });
});

describe('replays, staleness and duplicates', () => {
  it('takes a delivery once: the same delivery id again is a 200 duplicate that triggers nothing', async () => {
    const body = JSON.stringify(webhookEvent());
    expect(await (await receive(delivery(webhookEvent(), { body, deliveryId: 'd-7' }))).json()).toEqual({ ok: true });
    clock += 15 * 60_000; // Todoist's retry, 15 minutes later
    const again = await receive(delivery(webhookEvent(), { body, deliveryId: 'd-7' }));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ok: true, duplicate: true });
    await runDeferred();
    expect(triggered).toHaveLength(1);
  });

  it('treats a captured body resent under a new delivery id as a duplicate (the id is not signed)', async () => {
    const body = JSON.stringify(webhookEvent());
    await receive(delivery(webhookEvent(), { body, deliveryId: 'original' }));
    expect(await (await receive(delivery(webhookEvent(), { body, deliveryId: 'made-up' }))).json()).toEqual({ ok: true, duplicate: true });
    await runDeferred();
    expect(triggered).toHaveLength(1);
  });

  it('takes one of two copies arriving at the same moment', async () => {
    const body = JSON.stringify(webhookEvent());
    const answers = await Promise.all([receive(delivery(webhookEvent(), { body, deliveryId: 'twin' })), receive(delivery(webhookEvent(), { body, deliveryId: 'twin' }))]);
    const bodies = await Promise.all(answers.map((answer) => answer.json()));
    expect(bodies).toContainEqual({ ok: true });
    expect(bodies).toContainEqual({ ok: true, duplicate: true });
    await runDeferred();
    expect(triggered).toHaveLength(1);
  });

  it('accepts Todoist’s last retry, 45 minutes after the change, and refuses a delivery older than an hour (400)', async () => {
    const late = webhookEvent({ triggered_at: new Date(NOW - 45 * 60_000).toISOString() });
    expect((await receive(delivery(late))).status).toBe(200);
    const stale = webhookEvent({ triggered_at: new Date(NOW - 61 * 60_000).toISOString() });
    await expectRefused(delivery(stale), 400, /Stale delivery: triggered_at is more than 60 minutes old/);
  });

  it('refuses a triggered_at more than five minutes ahead of its clock (400), takes one a minute ahead', async () => {
    expect((await receive(delivery(webhookEvent({ triggered_at: new Date(NOW + 60_000).toISOString() })))).status).toBe(200);
    const future = webhookEvent({ triggered_at: new Date(NOW + 6 * 60_000).toISOString() });
    await expectRefused(delivery(future), 400, /more than 5 minutes in the future/);
  });

  it('a replay is always a duplicate or stale: once the ledger forgets a delivery, the delivery is too old', async () => {
    const event = webhookEvent({ triggered_at: new Date(NOW + 5 * 60_000).toISOString() }); // as far ahead as allowed
    const body = JSON.stringify(event);
    expect((await receive(delivery(event, { body, deliveryId: 'd-9' }))).status).toBe(200);
    clock += 65 * 60_000 - 1; // the ledger still remembers it
    expect(await (await receive(delivery(event, { body, deliveryId: 'd-9' }))).json()).toEqual({ ok: true, duplicate: true });
    clock += 1; // the ledger forgot it; the delivery is now exactly one hour old...
    clock += 1; // ...and then older
    expect((await receive(delivery(event, { body, deliveryId: 'd-9' }))).status).toBe(400);
    await runDeferred();
    expect(triggered).toHaveLength(1);
  });

  it('refuses a delivery without X-Todoist-Delivery-ID (400)', async () => {
    await expectRefused(delivery(webhookEvent(), { deliveryId: null }), 400, /X-Todoist-Delivery-ID header is missing/);
    await expectRefused(delivery(webhookEvent(), { deliveryId: 'x'.repeat(201) }), 400, /longer than 200/);
  });
});

describe('events and accounts this server does not act on', () => {
  it('answers 200 to a signed but undocumented event name and ignores it, so Todoist does not retry it', async () => {
    const response = await receive(delivery(webhookEvent({ event_name: 'item:teleported' })));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, ignored: 'unknown event' });
    await runDeferred();
    expect(triggered).toEqual([]);
    expect(logged).toEqual(['ignored a signed delivery with an event name Todoist does not document']);
  });

  it('answers 200 to an event for a user no tenant reads, and logs it without the user id', async () => {
    const response = await receive(delivery(webhookEvent({ user_id: '31415926' })));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, ignored: 'unknown account' });
    await runDeferred();
    expect(triggered).toEqual([]);
    expect(logged).toEqual(['ignored a delivery of item:completed for an account no tenant of this server reads']);
    expect(logged.join()).not.toContain('31415926');
  });

  it('never lets one app’s signature reach an account read through the other app', async () => {
    // Alice's account is registered for the stand-in; the same user id signed by the Todoist app is someone else.
    const response = await receive(delivery(webhookEvent(), { secret: TODOIST_SECRET }));
    expect(await response.json()).toEqual({ ok: true, ignored: 'unknown account' });
    await runDeferred();
    expect(triggered).toEqual([]);
  });
});
