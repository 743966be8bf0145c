/**
 * GET /api/config-examples (app/api/config-examples) as a plain Fetch
 * handler: the configuration lesson's gallery, made per request by running
 * resolveConfig against throwaway files (see examples.ts).
 *
 * It writes temp files, so only this app's pages may ask (Fetch Metadata and
 * Origin: a cross-site `<img>` sends no Origin), a few at once (others get
 * 503 at once), within a deadline; it takes no input.
 */
import { busyResponse, ConcurrencyLimit } from '@/lib/http/concurrency-limit';
import { refuseParameters } from '@/lib/http/no-parameters';
import { refuseForeignRequest, type OriginPolicy } from '@/lib/http/origin';
import { configErrorExamples } from './examples';

export const CONFIG_EXAMPLES_CONCURRENCY = 2;
/** A call takes about 50 ms; ten seconds means something is stuck (a hung file system). */
export const CONFIG_EXAMPLES_TIMEOUT_MS = 10_000;
const RETRY_AFTER_SECONDS = 1;

/** Shared by every request this server process handles. */
const processLimit = new ConcurrencyLimit(CONFIG_EXAMPLES_CONCURRENCY);

export interface ConfigExamplesEndpointOptions {
  /** Default: from the environment. */
  policy?: OriginPolicy;
  /** Default: the one this server process shares. */
  limit?: ConcurrencyLimit;
  timeoutMs?: number;
}

export async function handleConfigExamplesRequest(request: Request, options: ConfigExamplesEndpointOptions = {}): Promise<Response> {
  const refused = refuseForeignRequest(request, options.policy) ?? refuseParameters(request);
  if (refused) return refused;

  const limit = options.limit ?? processLimit;
  const release = limit.tryAcquire();
  if (!release) return busyResponse('the configuration examples (each writes temp files)', limit, RETRY_AFTER_SECONDS);
  const timeoutMs = options.timeoutMs ?? CONFIG_EXAMPLES_TIMEOUT_MS;
  const deadline = AbortSignal.timeout(timeoutMs);
  try {
    return json(200, { examples: await configErrorExamples(AbortSignal.any([request.signal, deadline])) });
  } catch (error) {
    if (deadline.aborted) return json(504, { error: `The examples took longer than ${timeoutMs / 1000} s and were stopped. Try again.` });
    // nginx's "client closed request": the caller is gone and reads no answer.
    if (request.signal.aborted) return json(499, { error: 'The request was aborted, so the examples were stopped.' });
    return json(500, { error: `The examples could not be made: ${(error as Error).message}` });
  } finally {
    release();
  }
}

function json(status: number, body: unknown): Response {
  // Made per request, by the code that is running: never a stale copy.
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}
