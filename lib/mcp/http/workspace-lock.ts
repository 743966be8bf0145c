/**
 * One tool call at a time per workspace, across every instance.
 *
 * A call reads its workspace (mock data, breaker, cache), works, and stores
 * it back. Two calls for one workspace at once — two tabs, a retried
 * request, or a load balancer sending them to two instances — would each
 * store their own copy, and the later one would erase the other's write.
 * So a tool call holds the workspace's lock from before the workspace is
 * read until its answer has been sent (the answer may stream, and the
 * workspace is stored at its end). Reads that change nothing (tools/list,
 * resources, listen streams) take no lock.
 */
import type { Tenant } from '@/lib/identity/learner';
import { acquireLock, stateKey, type HeldLock, type StateStore } from '@/lib/state';

export function needsWorkspaceLock(tenant: Tenant, message: unknown): boolean {
  if (tenant.kind === 'anonymous') return false; // a throwaway workspace is never stored
  return typeof message === 'object' && message !== null && (message as { method?: unknown }).method === 'tools/call';
}

export function lockWorkspace(store: StateStore, tenant: Tenant, workspace: string): Promise<HeldLock> {
  return acquireLock(store, stateKey(tenant.key, workspace.replaceAll('/', '-'), 'lock'));
}

/** The response, with the lock released once its body has been sent, or the client went away. */
export function releaseWhenSent(response: Response, lock: HeldLock): Response {
  if (!response.body) {
    void lock.release();
    return response;
  }
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    pull: async (controller) => {
      const { done, value } = await reader.read();
      if (!done) return controller.enqueue(value);
      controller.close();
      await lock.release();
    },
    cancel: async (reason) => {
      await reader.cancel(reason);
      await lock.release();
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
