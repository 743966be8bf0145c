/**
 * The local Todoist stand-in: the mock's handlers served over real HTTP on
 * loopback, so the *real* transport (plain fetch) can be exercised offline —
 * in tests, in e2e runs, and in workshops without internet. Point the app at it
 * with TODOIST_API_BASE_URL=http://127.0.0.1:PORT/api/v1.
 *
 * Besides the API it answers a few control routes under /__dojo/ (loopback
 * only): GET state, POST scenario, POST reset, POST/DELETE webhook — so tests
 * and presenters can switch faults on a running server, and point its
 * account's webhooks at an app ({"callbackUrl": "...", "faults": ["duplicate"]}).
 * After each request the backend's webhook events go to `deliverWebhooks`
 * (its state lives in this process, so it is stored the moment it changes).
 *
 * With `oauth` it also speaks Todoist's OAuth (lib/mock/standin-oauth.ts): a
 * token from its consent page reads that sample user's own account; any
 * other token goes to `backend`, as before.
 */
import { errorText } from '@/lib/todoist/errors';
import { readJsonBody } from '@/lib/http/json-body';
import { serveFetch, type RunningServer } from '@/lib/http/serve-fetch';
import type { MockBackend } from './backend';
import { parseScenario } from './scenarios';
import type { StandinOAuthHandler } from './standin-oauth';
import { parseWebhookRegistration, type DeliverWebhooks } from './webhook-outbox';

export interface StandinOptions {
  backend: MockBackend;
  port?: number;
  host?: string;
  /** One line per request (never the token). */
  log?: (line: string) => void;
  /** Todoist's OAuth routes and the accounts behind their tokens (see createStandinOAuth). */
  oauth?: StandinOAuthHandler;
  /** Takes the backend's webhook events after each request (the OAuth accounts' go through createStandinOAuth's own). */
  deliverWebhooks?: DeliverWebhooks;
}

/** A registration is a URL and a few fault names. */
const MAX_WEBHOOK_BODY_BYTES = 4 * 1024;

export interface RunningStandin extends RunningServer {
  /** e.g. http://127.0.0.1:4010/api/v1 — the value for TODOIST_API_BASE_URL. */
  baseUrl: string;
}

export async function startStandin(options: StandinOptions): Promise<RunningStandin> {
  const running = await serveFetch((request) => handle(options, request), {
    port: options.port,
    host: options.host,
    // The `down` scenario throws like fetch; serveFetch then drops the connection.
    onError: (error, request) =>
      options.log?.(`${request.method} ${new URL(request.url).pathname} -> connection dropped (${errorText(error)})`),
  });
  return { ...running, baseUrl: `${running.origin}/api/v1` };
}

async function handle({ backend, log, oauth, deliverWebhooks }: StandinOptions, request: Request): Promise<Response> {
  const started = performance.now();
  const url = new URL(request.url);
  if (url.pathname.startsWith('/__dojo/')) return control(backend, request, url.pathname);
  const response = (await oauth?.(request)) ?? (await backend.transport(request));
  const pending = backend.takeWebhookOutbox();
  if (pending) deliverWebhooks?.(pending);
  // An authorize URL carries the app's state: the path is enough for the log.
  const shown = url.pathname.startsWith('/oauth/') ? url.pathname : `${url.pathname}${url.search}`;
  log?.(`${request.method} ${shown} -> ${response.status} (${Math.round(performance.now() - started)} ms)`);
  return response;
}

async function control(backend: MockBackend, request: Request, path: string): Promise<Response> {
  const state = () => ({
    scenario: backend.scenario,
    size: backend.size,
    seed: backend.seed,
    tasks: backend.store.activeTasks().length,
    userId: backend.userId,
    webhook: backend.state.webhook ?? null,
  });
  if (request.method === 'GET' && path === '/__dojo/state') return Response.json(state());
  if (request.method === 'POST' && path === '/__dojo/reset') {
    backend.reset();
    return Response.json(state());
  }
  if (request.method === 'POST' && path === '/__dojo/scenario') {
    const json: unknown = await request.json().catch(() => undefined);
    if (json === undefined) return Response.json({ error: 'Body must be JSON, e.g. {"name":"flaky"}' }, { status: 400 });
    const parsed = parseScenario(json);
    if ('error' in parsed) return Response.json({ error: parsed.error }, { status: 400 });
    backend.setScenario(parsed.settings);
    return Response.json(state());
  }
  if (request.method === 'POST' && path === '/__dojo/webhook') {
    const body = await readJsonBody(request, MAX_WEBHOOK_BODY_BYTES, 'a webhook registration');
    if ('refusal' in body) return body.refusal;
    const parsed = parseWebhookRegistration(body.value);
    if ('error' in parsed) return Response.json({ error: parsed.error }, { status: 400 });
    backend.setWebhook(parsed.registration);
    return Response.json(state());
  }
  if (request.method === 'DELETE' && path === '/__dojo/webhook') {
    backend.setWebhook(undefined);
    return Response.json(state());
  }
  return Response.json({ error: `No control route ${request.method} ${path}` }, { status: 404 });
}
