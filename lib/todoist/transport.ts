/**
 * The transport seam: the Todoist client never calls `fetch` itself.
 *
 * It is handed a function from Request to Response. Real mode passes `fetch`;
 * mock mode passes MSW's handlers (see lib/mock/transport.ts). Because nothing
 * is patched globally, a mock and a real client can run side by side in one
 * process — which is exactly what the lessons' side-by-side views need.
 */
export type Transport = (request: Request) => Promise<Response>;

/** Todoist's production API. Override with TODOIST_API_BASE_URL (e.g. the local stand-in). */
export const DEFAULT_TODOIST_BASE_URL = 'https://api.todoist.com/api/v1';

export function createRealTransport(fetchImpl: typeof fetch = globalThis.fetch): Transport {
  return (request) => fetchImpl(request);
}
