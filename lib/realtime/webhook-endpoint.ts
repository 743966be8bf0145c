/**
 * The app's webhook receiver as the Next route serves it: the process's
 * StateStore, and the secrets of every OAuth app whose deliveries count —
 * the real Todoist app when one is configured (TODOIST_CLIENT_ID and
 * TODOIST_CLIENT_SECRET, read from the environment like the sign-in does),
 * and always the built-in stand-in's, derived from the server's secret.
 */
import { todoistUpstreamFromEnv } from '@/lib/auth/upstream';
import { serverSecret } from '@/lib/identity/learner';
import { standinOAuthApp } from '@/lib/mock/standin-oauth-app';
import { getStateStore, type StateStore } from '@/lib/state';
import { createWebhookReceiver, type WebhookReceiver, type WebhookReceiverOptions, type WebhookTrigger } from './webhook-receiver';
import type { WebhookSecret } from './webhook-signature';

type Env = Record<string, string | undefined>;

export function webhookSecretsFromEnv(env: Env = process.env, secret: Buffer = serverSecret(env)): WebhookSecret[] {
  const secrets: WebhookSecret[] = [];
  const todoist = todoistUpstreamFromEnv(env);
  if (todoist) secrets.push({ app: 'todoist', secret: todoist.clientSecret });
  secrets.push({ app: 'standin', secret: standinOAuthApp(secret).clientSecret });
  return secrets;
}

export interface WebhookEndpointOptions {
  onEvent: WebhookTrigger;
  defer?: WebhookReceiverOptions['defer'];
  env?: Env;
  store?: StateStore;
}

export function createWebhookEndpoint(options: WebhookEndpointOptions): WebhookReceiver {
  const env = options.env ?? process.env;
  return createWebhookReceiver({
    store: options.store ?? getStateStore(env),
    secrets: webhookSecretsFromEnv(env),
    onEvent: options.onEvent,
    defer: options.defer,
  });
}
