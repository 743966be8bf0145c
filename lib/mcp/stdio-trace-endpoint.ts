/**
 * GET /api/stdio-trace (app/api/stdio-trace) as a plain Fetch handler: one
 * list_projects call through the stdio server, for the architecture lesson.
 *
 * Each call starts a Node process, so the endpoint is guarded like a process
 * launcher: only this app's pages (Fetch Metadata and Origin: a cross-site
 * `<img>` would otherwise start one per page view), at most
 * STDIO_TRACE_CONCURRENCY at once (others get 503 at once, not a queue), a
 * deadline, and the child killed when the request goes away. It takes no
 * input: the command, the tool and its arguments are fixed here.
 */
import { busyResponse, ConcurrencyLimit } from '@/lib/http/concurrency-limit';
import { refuseParameters } from '@/lib/http/no-parameters';
import { refuseForeignRequest, type OriginPolicy } from '@/lib/http/origin';
import { traceStdioCall, type StdioTrace } from './stdio-trace';

export const STDIO_TRACE_CONCURRENCY = 2;
/** About ten times a trace on a quiet machine (1–2 s, most of it Node and tsx starting). */
export const STDIO_TRACE_TIMEOUT_MS = 20_000;
const RETRY_AFTER_SECONDS = 3;

/** Shared by every request this server process handles. */
const processLimit = new ConcurrencyLimit(STDIO_TRACE_CONCURRENCY);

export interface StdioTraceEndpointOptions {
  /** Default: from the environment. */
  policy?: OriginPolicy;
  /** Default: the one this server process shares. */
  limit?: ConcurrencyLimit;
  timeoutMs?: number;
  /** The call; it gets a signal and nothing else from the request. Default: list_projects as a tree. */
  run?: (signal: AbortSignal) => Promise<StdioTrace>;
}

const listProjects = (signal: AbortSignal) => traceStdioCall('list_projects', { format: 'tree' }, { signal });

export async function handleStdioTraceRequest(request: Request, options: StdioTraceEndpointOptions = {}): Promise<Response> {
  const refused = refuseForeignRequest(request, options.policy);
  if (refused) return refused;
  const withParameters = refuseParameters(request);
  if (withParameters) return withParameters;

  const limit = options.limit ?? processLimit;
  const release = limit.tryAcquire();
  if (!release) return busyResponse('the stdio trace (each starts a Node process)', limit, RETRY_AFTER_SECONDS);
  const timeoutMs = options.timeoutMs ?? STDIO_TRACE_TIMEOUT_MS;
  const deadline = AbortSignal.timeout(timeoutMs);
  try {
    return json(200, await (options.run ?? listProjects)(AbortSignal.any([request.signal, deadline])));
  } catch (error) {
    if (deadline.aborted) {
      return json(504, { error: `The stdio trace took longer than ${timeoutMs / 1000} s, so its process was stopped. Try again.` });
    }
    // nginx's "client closed request": the caller is gone and reads no answer; its process was killed.
    if (request.signal.aborted) return json(499, { error: 'The request was aborted, so its process was stopped.' });
    return json(500, { error: `The stdio server could not be run: ${(error as Error).message}` });
  } finally {
    release();
  }
}

function json(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}
