/**
 * `subscriptions/listen` (2026-07-28), one tenant's events per stream.
 *
 * createMcpHandler feeds every listen stream it serves from its one `bus`,
 * and an event names only a URI that every tenant shares. So each listen
 * request is served by a handler of its own whose bus is the caller's
 * tenant's side of the TenantEventBus: that stream hears that tenant's events
 * and nobody else's. The tenant is the verified caller's (token or signed
 * learner id), never anything in the request body.
 *
 * The handler lives as long as its stream. When the client closes the
 * subscription or the connection drops, the SDK's router unsubscribes from
 * the bus and the tenant's slot is given back: nothing stays behind.
 */
import { createMcpHandler, type AuthInfo } from '@modelcontextprotocol/server';
import type { Tenant } from '@/lib/identity/learner';
import type { TenantEventBus } from '@/lib/realtime/bus';

type ServerFactory = Parameters<typeof createMcpHandler>[0];

export interface ListenRouteOptions {
  bus: TenantEventBus;
  /** The endpoint's own server factory: capabilities (resources.subscribe) and identity come from it. */
  factory: ServerFactory;
  /** Open listen streams one tenant may hold at once. */
  maxPerTenant: number;
  maxRequestBodySize: number;
}

export interface ListenRequest {
  jsonrpc: '2.0';
  id: string | number;
  method: 'subscriptions/listen';
  params?: { notifications?: { resourceSubscriptions?: unknown } };
}

/** Resource URIs one listen request may name: plenty for a client, and a bound on what each stream keeps. */
export const MAX_URIS_PER_LISTEN = 100;

export function isListenRequest(message: unknown): message is ListenRequest {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return false;
  const { method, id } = message as { method?: unknown; id?: unknown };
  return method === 'subscriptions/listen' && (typeof id === 'string' || typeof id === 'number');
}

export function createListenRoute(options: ListenRouteOptions) {
  const { bus, factory, maxPerTenant, maxRequestBodySize } = options;
  const openByTenant = new Map<string, number>();

  const release = (tenantKey: string) => {
    const open = (openByTenant.get(tenantKey) ?? 1) - 1;
    if (open > 0) openByTenant.set(tenantKey, open);
    else openByTenant.delete(tenantKey);
  };

  return async function serveListen(request: Request, tenant: Tenant, message: ListenRequest, authInfo: AuthInfo): Promise<Response> {
    if (tenant.kind === 'anonymous') {
      return listenError(
        message.id,
        -32600,
        'subscriptions/listen needs a learner id or a signed-in user: a caller without one gets a throwaway workspace for ' +
          'each request, so no change of its data could ever be announced. Send your learner id (cookie or ?learner=) or sign in.',
      );
    }
    const uris = message.params?.notifications?.resourceSubscriptions;
    if (Array.isArray(uris) && uris.length > MAX_URIS_PER_LISTEN) {
      return listenError(
        message.id,
        -32602,
        `Too many resource URIs: one subscriptions/listen request may name at most ${MAX_URIS_PER_LISTEN} (this one names ${uris.length}).`,
      );
    }
    const open = openByTenant.get(tenant.key) ?? 0;
    if (open >= maxPerTenant) {
      return listenError(
        message.id,
        -32000,
        `Too many open subscriptions: this account already holds ${open} subscriptions/listen streams, the most one account may. ` +
          'Close one you no longer need, or listen once for several URIs (resourceSubscriptions takes a list). Other accounts are not affected.',
      );
    }
    // Taken before the first await, so two requests at once cannot both pass the check.
    openByTenant.set(tenant.key, open + 1);
    let released = false;
    const releaseOnce = () => {
      if (released) return;
      released = true;
      release(tenant.key);
    };

    try {
      const handler = createMcpHandler(factory, {
        legacy: 'stateless', // a 2025 client naming this method gets the fallback's "method not found", as elsewhere
        bus: bus.forTenant(tenant.key),
        maxSubscriptions: 1,
        maxRequestBodySize,
      });
      const response = await handler.fetch(request, { authInfo, parsedBody: message });
      if (!response.body || !response.headers.get('content-type')?.startsWith('text/event-stream')) {
        releaseOnce(); // an error answer: no stream was opened
        return response;
      }
      request.signal.addEventListener('abort', releaseOnce, { once: true });
      return new Response(releasingWhenDone(response.body, releaseOnce), { status: response.status, headers: response.headers });
    } catch (error) {
      releaseOnce();
      throw error;
    }
  };
}

/** The same bytes; `done` is called once the stream ends, fails or is cancelled (the client went away). */
function releasingWhenDone(body: ReadableStream<Uint8Array>, done: () => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const chunk = await reader.read();
        if (chunk.done) {
          done();
          controller.close();
        } else {
          controller.enqueue(chunk.value);
        }
      } catch (error) {
        done();
        controller.error(error);
      }
    },
    cancel(reason) {
      done();
      return reader.cancel(reason);
    },
  });
}

/** A JSON-RPC error for the listen request's own id: the SDK client's listen() rejects with this message. */
function listenError(id: string | number, code: number, message: string): Response {
  return Response.json({ jsonrpc: '2.0', error: { code, message }, id });
}
