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
import { builtinStandin } from '@/lib/mcp/http/builtin-standin';
import { serverWideTokenFromEnv } from '@/lib/mcp/http/caller';
import { defaultAuth } from '@/lib/mcp/http/endpoint-auth';
import type { RealUpstreamDeps } from '@/lib/mcp/http/real-upstream';
import { loadRealConfig } from '@/lib/mcp/real-config';
import { getStateStore, type StateStore } from '@/lib/state';
import { getTenantEventBus, type TenantEventBus } from './bus';
import { createWebhookReceiver, type WebhookReceiver, type WebhookReceiverOptions, type WebhookTrigger } from './webhook-receiver';
import type { WebhookSecret } from './webhook-signature';
import { accountConnector, createWebhookTrigger, type AccountConnector, type WebhookRefreshReport } from './webhook-trigger';

type Env = Record<string, string | undefined>;

export function webhookSecretsFromEnv(env: Env = process.env, secret: Buffer = serverSecret(env)): WebhookSecret[] {
  const secrets: WebhookSecret[] = [];
  const todoist = todoistUpstreamFromEnv(env);
  if (todoist) secrets.push({ app: 'todoist', secret: todoist.clientSecret });
  secrets.push({ app: 'standin', secret: standinOAuthApp(secret).clientSecret });
  return secrets;
}

export interface WebhookEndpointOptions {
  /** Default: refresh the tenant's replica and publish on the process's bus (processWebhookTrigger). */
  onEvent?: WebhookTrigger;
  defer?: WebhookReceiverOptions['defer'];
  env?: Env;
  store?: StateStore;
}

export function createWebhookEndpoint(options: WebhookEndpointOptions = {}): WebhookReceiver {
  const env = options.env ?? process.env;
  const store = options.store ?? getStateStore(env);
  return createWebhookReceiver({
    store,
    secrets: webhookSecretsFromEnv(env),
    onEvent: options.onEvent ?? processWebhookTrigger({ store, env }),
    defer: options.defer,
  });
}

export interface ProcessTriggerOptions {
  store: StateStore;
  env?: Env;
  bus?: TenantEventBus;
  onRefreshed?: (report: WebhookRefreshReport) => void;
}

/**
 * The trigger over this process's bus, reaching accounts by the MCP
 * endpoint's own rules (lib/mcp/http/endpoint.ts builds the same upstreams):
 * the stand-in's sample accounts, a signed-in user's vault token, and the
 * configured token only where the server shares it (DOJO_SERVER_WIDE_TOKEN).
 */
export function processWebhookTrigger(options: ProcessTriggerOptions): WebhookTrigger {
  return createWebhookTrigger({
    store: options.store,
    bus: options.bus ?? getTenantEventBus(),
    connect: processAccountConnector(options.store, options.env),
    onRefreshed: options.onRefreshed,
  });
}

/** Registered accounts re-opened by the MCP endpoint's rules, in this process (the webhook trigger and the polling fallback). */
export function processAccountConnector(store: StateStore, env: Env = process.env): AccountConnector {
  const secret = serverSecret(env);
  const shareConfiguredToken = serverWideTokenFromEnv(env);
  const upstreams: RealUpstreamDeps = {
    loadConfig: async () => {
      const config = await loadRealConfig();
      return shareConfiguredToken ? config : { ...config, token: undefined };
    },
    standin: () => builtinStandin(store, secret),
    userAccess: defaultAuth(store, secret).todoistAccess,
  };
  return accountConnector({ store, upstreams });
}
