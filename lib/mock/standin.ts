/**
 * The local Todoist stand-in: the mock's handlers served over real HTTP on
 * loopback, so the *real* transport (plain fetch) can be exercised offline —
 * in tests, in e2e runs, and in workshops without internet. Point the app at it
 * with TODOIST_API_BASE_URL=http://127.0.0.1:PORT/api/v1.
 *
 * Besides the API it answers a few control routes under /__dojo/ (loopback
 * only): GET state, POST scenario, POST reset — so tests and presenters can
 * switch faults on a running server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorText } from '@/lib/todoist/errors';
import type { MockBackend } from './backend';
import { ScenarioSettingsSchema } from './scenarios';

export interface StandinOptions {
  backend: MockBackend;
  port?: number;
  host?: string;
  /** One line per request (never the token). */
  log?: (line: string) => void;
}

export interface RunningStandin {
  /** e.g. http://127.0.0.1:4010 */
  origin: string;
  /** e.g. http://127.0.0.1:4010/api/v1 — the value for TODOIST_API_BASE_URL. */
  baseUrl: string;
  server: Server;
  close(): Promise<void>;
}

export async function startStandin(options: StandinOptions): Promise<RunningStandin> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    handle(options, req, res).catch((error: unknown) => {
      options.log?.(`stand-in error: ${errorText(error)}`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'Stand-in failure', detail: errorText(error) }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    origin,
    baseUrl: `${origin}/api/v1`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(options: StandinOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
  const body = await readBody(req);

  if (url.pathname.startsWith('/__dojo/')) {
    return sendJson(res, ...control(options.backend, req.method ?? 'GET', url.pathname, body));
  }

  // The client hanging up aborts the request, which ends `timeout` and `slow`.
  const abort = new AbortController();
  res.on('close', () => abort.abort());
  const request = new Request(url, {
    method: req.method,
    headers: toHeaders(req),
    body: body.length > 0 ? new Uint8Array(body) : undefined,
    signal: abort.signal,
  });

  let response: Response;
  try {
    response = await options.backend.transport(request);
  } catch (error) {
    if (abort.signal.aborted) return;
    // The `down` scenario: no HTTP answer at all, as a dead upstream gives.
    options.log?.(`${req.method} ${url.pathname} -> connection dropped (${errorText(error)})`);
    req.socket.destroy();
    return;
  }
  const payload = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(payload);
  options.log?.(`${req.method} ${url.pathname}${url.search} -> ${response.status} (${Math.round(performance.now() - started)} ms)`);
}

function control(backend: MockBackend, method: string, path: string, body: Buffer): [number, unknown] {
  const state = () => ({ scenario: backend.scenario, size: backend.size, seed: backend.seed, tasks: backend.store.activeTasks().length });
  if (method === 'GET' && path === '/__dojo/state') return [200, state()];
  if (method === 'POST' && path === '/__dojo/reset') {
    backend.reset();
    return [200, state()];
  }
  if (method === 'POST' && path === '/__dojo/scenario') {
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      return [400, { error: 'Body must be JSON, e.g. {"name":"flaky"}' }];
    }
    const parsed = ScenarioSettingsSchema.safeParse(json);
    if (!parsed.success) return [400, { error: 'Invalid scenario', issues: parsed.error.issues }];
    backend.setScenario(parsed.data);
    return [200, state()];
  }
  return [404, { error: `No control route ${method} ${path}` }];
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(value));
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const each of Array.isArray(value) ? value : [value]) headers.append(name, each);
  }
  return headers;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
