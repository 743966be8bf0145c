/**
 * Serves a Fetch-style handler `(Request) => Promise<Response>` over node:http.
 *
 * Used by the Todoist stand-in and by tests that need real HTTP. Two details
 * matter: the client hanging up aborts the Request's signal (so slow handlers
 * stop), and a handler that *throws* drops the connection — the closest thing
 * to "the network failed" a server can produce.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';

export type FetchHandler = (request: Request) => Promise<Response>;

export interface RunningServer {
  /** e.g. http://127.0.0.1:4010 */
  origin: string;
  server: Server;
  close(): Promise<void>;
}

export interface ServeOptions {
  port?: number;
  host?: string;
  /** Called when the handler throws (the connection is then dropped). */
  onError?: (error: unknown, request: Request) => void;
}

export async function serveFetch(handler: FetchHandler, options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => void respond(handler, req, res, options));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function respond(handler: FetchHandler, req: IncomingMessage, res: ServerResponse, options: ServeOptions) {
  const abort = new AbortController();
  res.on('close', () => abort.abort());
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
  const request = new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`), {
    method: req.method,
    headers: toHeaders(req),
    body: body && body.length > 0 ? new Uint8Array(body) : undefined,
    signal: abort.signal,
  });
  let response: Response;
  try {
    response = await handler(request);
  } catch (error) {
    if (!abort.signal.aborted) options.onError?.(error, request);
    req.socket.destroy();
    return;
  }
  res.writeHead(response.status, response.statusText, headerPairs(response.headers));
  if (!response.body) {
    res.end();
    return;
  }
  // Stream (SSE responses stay open); stop reading when the client leaves.
  const stream = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
  abort.signal.addEventListener('abort', () => stream.destroy(), { once: true });
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function headerPairs(headers: Headers): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  headers.forEach((value, name) => pairs.push([name, value]));
  return pairs;
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
