/**
 * The mock side of the transport seam: a `(Request) => Promise<Response>` that
 * answers from MSW handlers through `getResponse` — no global fetch patching,
 * so any number of mock backends (and the real one) can run side by side.
 *
 * It behaves like `fetch` where it matters to a client: a network error is a
 * thrown TypeError, an aborted request rejects with the abort reason, and an
 * unknown endpoint is an honest 501 naming the method and URL.
 */
import { getResponse, type RequestHandler } from 'msw';
import type { Transport } from '@/lib/todoist/transport';
import { API_ERRORS, apiErrorResponse } from './api-errors';

export function createMockTransport(handlers: RequestHandler[]): Transport {
  return async (request) => {
    const response = await abortable(getResponse(handlers, request), request.signal);
    if (!response) {
      return apiErrorResponse(API_ERRORS.notImplemented, {
        message: `The mock Todoist API has no handler for ${request.method} ${new URL(request.url).pathname}`,
        extra: { method: request.method, url: request.url },
      });
    }
    if (response.type === 'error') throw new TypeError('fetch failed (mock: network error)');
    return response;
  };
}

/** Rejects with the signal's reason as soon as it aborts, like fetch does. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
