/**
 * The Next route module, once: it serves the receiver over the process's
 * store with the app's secrets (the stand-in's always; Todoist's when its
 * OAuth app is configured).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { POST, runtime } from '@/app/api/webhooks/todoist/route';
import { standinOAuthApp } from '@/lib/mock/standin-oauth-app';
import { webhookSecretsFromEnv } from '../webhook-endpoint';
import { delivery, webhookEvent } from './webhook-fixtures';

const DOJO_SECRET = 'webhook-route-test-secret';

describe('app/api/webhooks/todoist', () => {
  // The route builds its receiver on the first delivery, from the environment as it is then.
  beforeAll(() => vi.stubEnv('DOJO_SECRET', DOJO_SECRET));
  afterAll(() => vi.unstubAllEnvs());

  it('runs on Node and refuses an unsigned delivery', async () => {
    expect(runtime).toBe('nodejs');
    const response = await POST(delivery(webhookEvent({ triggered_at: new Date().toISOString() }), { signature: null }));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, error: expect.stringMatching(/Unsigned delivery/) });
  });

  it('answers a delivery signed by the built-in stand-in for an account nobody reads with 200, ignored', async () => {
    const standin = standinOAuthApp(Buffer.from(DOJO_SECRET)).clientSecret;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const response = await POST(delivery(webhookEvent({ triggered_at: new Date().toISOString(), user_id: 'nobody-here' }), { secret: standin }));
    expect(await response.json()).toEqual({ ok: true, ignored: 'unknown account' });
    expect(warn).toHaveBeenCalledWith('[webhooks] ignored a delivery of item:completed for an account no tenant of this server reads');
    warn.mockRestore();
  });
});

describe('webhookSecretsFromEnv', () => {
  const secret = Buffer.from('server-secret');
  const standin = { app: 'standin', secret: standinOAuthApp(secret).clientSecret };

  it('accepts the stand-in app’s signature always, and the Todoist app’s when it is configured', () => {
    expect(webhookSecretsFromEnv({}, secret)).toEqual([standin]);
    expect(webhookSecretsFromEnv({ TODOIST_CLIENT_ID: 'id', TODOIST_CLIENT_SECRET: 'shh' }, secret)).toEqual([{ app: 'todoist', secret: 'shh' }, standin]);
    // A secret without its client id is not a configured app (the sign-in would not use it either).
    expect(webhookSecretsFromEnv({ TODOIST_CLIENT_SECRET: 'shh' }, secret)).toEqual([standin]);
  });
});
