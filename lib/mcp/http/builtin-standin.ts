/**
 * The app's own Todoist stand-in, for the real backend when no token is
 * configured: the mock's handlers served over real HTTP on loopback, started
 * with the app on first use (no second command). The real code path — fetch,
 * status codes, JSON bodies, pagination over HTTP — runs for a newcomer with
 * no token and no network, and provenance says it is sample data.
 *
 * Each caller gets their own sample account: the token the app sends is
 * signed for one tenant and workspace, and the stand-in keeps that account's
 * data in the StateStore like any other workspace state.
 */
import { serverSecret, type Tenant } from '@/lib/identity/learner';
import { hasValidSignature, sign } from '@/lib/identity/signature';
import { serveFetch } from '@/lib/http/serve-fetch';
import { API_ERRORS, apiErrorResponse } from '@/lib/mock/api-errors';
import { createMockBackend } from '@/lib/mock/backend';
import { newMockWorkspaceState, type MockWorkspaceState } from '@/lib/mock/workspace-state';
import { stateKey, type StateStore } from '@/lib/state';

/** The stand-in's sample accounts: the `small` dataset (180 tasks over 4 pages of 50). */
const SAMPLE = { size: 'small', seed: 1 } as const;

export interface BuiltinStandin {
  /** e.g. http://127.0.0.1:41234/api/v1 */
  baseUrl: string;
  /** The token that opens this caller's sample account. */
  tokenFor(tenant: Tenant, workspace: string): string;
}

const globalForStandin = globalThis as typeof globalThis & { dojoBuiltinStandin?: Promise<BuiltinStandin> };

/** The stand-in of this process, started on first use. */
export function builtinStandin(store: StateStore, secret: Buffer = serverSecret()): Promise<BuiltinStandin> {
  globalForStandin.dojoBuiltinStandin ??= startBuiltinStandin(store, secret).catch((error: unknown) => {
    globalForStandin.dojoBuiltinStandin = undefined; // let the next call try again
    throw error;
  });
  return globalForStandin.dojoBuiltinStandin;
}

export async function startBuiltinStandin(store: StateStore, secret: Buffer): Promise<BuiltinStandin & { close(): Promise<void> }> {
  const running = await serveFetch((request) => answer(store, secret, request), { host: '127.0.0.1', port: 0 });
  // Never keep a process alive just for the stand-in.
  running.server.unref();
  return {
    baseUrl: `${running.origin}/api/v1`,
    tokenFor: (tenant, workspace) => signToken(`${tenant.key}/${workspace}`, secret),
    close: running.close,
  };
}

async function answer(store: StateStore, secret: Buffer, request: Request): Promise<Response> {
  const account = verifyToken(request.headers.get('authorization'), secret);
  if (!account) return apiErrorResponse(API_ERRORS.unauthorized, { message: 'Invalid token: not one this stand-in issued' });
  const [tenantKey, workspace] = account.split('/') as [string, string];
  const key = stateKey(tenantKey, workspace, `standin-${SAMPLE.size}-${SAMPLE.seed}`);
  const state = (await store.get<MockWorkspaceState>(key)) ?? newMockWorkspaceState();
  const backend = createMockBackend({ ...SAMPLE, state });
  try {
    return await backend.transport(request);
  } finally {
    // Anonymous callers' accounts are throwaway, like their workspaces.
    if (!tenantKey.startsWith('anon-')) await store.set(key, state);
  }
}

function signToken(account: string, secret: Buffer): string {
  const payload = Buffer.from(account).toString('base64url');
  return `standin.${payload}.${sign('standin', payload, secret)}`;
}

function verifyToken(header: string | null, secret: Buffer): string | undefined {
  const [scheme, token] = (header ?? '').split(' ');
  if (scheme !== 'Bearer' || !token) return undefined;
  const [prefix, payload, signature] = token.split('.');
  if (prefix !== 'standin' || !payload || !signature) return undefined;
  if (!hasValidSignature('standin', payload, signature, secret)) return undefined;
  return Buffer.from(payload, 'base64url').toString();
}
