/**
 * The CLI stand-in's webhook: registered on its loopback control route like a
 * scenario, and each request's events handed to the sender after the request
 * is answered (the backend's state lives in the process: stored as it changes).
 * Sync is served over HTTP too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockBackend } from '../backend';
import { startStandin, type RunningStandin } from '../standin';
import type { PendingWebhooks } from '../webhook-outbox';

const TOKEN = 'standin-webhook-token';
const backend = createMockBackend({ size: 'tiny', seed: 3, token: TOKEN });
const delivered: PendingWebhooks[] = [];
let standin: RunningStandin;

beforeAll(async () => {
  standin = await startStandin({ backend, deliverWebhooks: (pending) => delivered.push(pending) });
});
afterAll(() => standin.close());

const control = (method: string, body?: unknown) =>
  fetch(`${standin.origin}/__dojo/webhook`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
const api = (path: string, init: RequestInit = {}) =>
  fetch(`${standin.baseUrl}/${path}`, { ...init, headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' } });

describe('stand-in webhook control route', () => {
  it('registers, shows and removes the account’s webhook; refuses a bad one with a line saying why', async () => {
    const registered = await control('POST', { callbackUrl: 'http://127.0.0.1:9/hook', faults: { duplicate: true } });
    expect(registered.status).toBe(200);
    expect(await registered.json()).toMatchObject({ userId: backend.userId, webhook: { callbackUrl: 'http://127.0.0.1:9/hook', faults: { duplicate: true } } });

    const bad = await control('POST', { callbackUrl: 'ftp://example.com' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: expect.stringMatching(/callbackUrl must be an http or https URL/) });
    expect((await control('POST', 'x'.repeat(5_000))).status).toBe(413);
    expect(backend.state.webhook?.callbackUrl).toBe('http://127.0.0.1:9/hook'); // a refused change changes nothing

    const removed = await control('DELETE');
    expect(await removed.json()).toMatchObject({ webhook: null });
  });

  it('hands each write’s events to the sender, and none when no webhook is registered', async () => {
    delivered.length = 0;
    await api('tasks', { method: 'POST', body: '{"content":"unheard"}' });
    expect(delivered).toEqual([]);

    await control('POST', { callbackUrl: 'http://127.0.0.1:9/hook' });
    try {
      const created = await (await api('tasks', { method: 'POST', body: '{"content":"heard"}' })).json();
      await api(`tasks/${created.id}/close`, { method: 'POST' });
      await api('tasks?limit=5'); // a read: nothing to deliver
      expect(delivered.map((each) => each.changes.map((entry) => entry.event_name))).toEqual([['item:added'], ['item:completed']]);
      expect(delivered[0]).toMatchObject({ userId: backend.userId, registration: { callbackUrl: 'http://127.0.0.1:9/hook', faults: {} } });
    } finally {
      await control('DELETE');
    }
  });

  it('serves Sync over HTTP: a form-encoded full sync, then the delta', async () => {
    const form = (fields: Record<string, string>) =>
      fetch(`${standin.baseUrl}/sync`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` }, body: new URLSearchParams(fields) });
    const full = await (await form({ sync_token: '*', resource_types: '["items","user"]' })).json();
    expect(full).toMatchObject({ full_sync: true, user: { id: backend.userId } });
    expect(full.items).toHaveLength(backend.store.activeTasks().length);
    const created = await (await api('tasks', { method: 'POST', body: '{"content":"over HTTP"}' })).json();
    const delta = await (await form({ sync_token: full.sync_token, resource_types: '["items"]' })).json();
    expect(delta).toMatchObject({ full_sync: false, items: [{ id: created.id, content: 'over HTTP' }] });
  });
});
