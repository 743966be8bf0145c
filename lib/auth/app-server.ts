/**
 * The app's authorization server: one per process (on globalThis, so
 * `next dev` reloads and every route share it), over the process's store
 * and secret. The upstream is the real Todoist when its OAuth app is
 * configured (TODOIST_CLIENT_ID, TODOIST_CLIENT_SECRET), else the built-in
 * stand-in: the browser sees its consent page on our own origin under
 * /standin, while this server talks to it on loopback.
 */
import { serverSecret } from '@/lib/identity/learner';
import { builtinStandin, type BuiltinStandin } from '@/lib/mcp/http/builtin-standin';
import { getStateStore, type StateStore } from '@/lib/state';
import { createAuthorizationServer, type AuthorizationServer } from './authorization-server';
import { todoistUpstreamFromEnv, type UpstreamOAuth } from './upstream';

/** The stand-in as an upstream for a request under `publicOrigin`. */
export function standinUpstream(standin: BuiltinStandin, publicOrigin: string): UpstreamOAuth {
  return {
    kind: 'standin',
    authorizeUrl: `${new URL(publicOrigin).origin}${standin.oauth.browserAuthorizePath}`,
    tokenUrl: standin.oauth.tokenUrl,
    revokeUrl: standin.oauth.revokeUrl,
    apiBase: standin.baseUrl,
    clientId: standin.oauth.clientId,
    clientSecret: standin.oauth.clientSecret,
  };
}

/** Todoist when configured, else the built-in stand-in (started on first use). */
export function upstreamFromEnv(
  store: StateStore,
  secret: Buffer,
  env: Record<string, string | undefined> = process.env,
): (publicOrigin: string) => Promise<UpstreamOAuth> {
  const todoist = todoistUpstreamFromEnv(env);
  if (todoist) return async () => todoist;
  return async (publicOrigin) => standinUpstream(await builtinStandin(store, secret), publicOrigin);
}

const globalForAuth = globalThis as typeof globalThis & { dojoAuthorizationServer?: AuthorizationServer };

export function getAuthorizationServer(env: Record<string, string | undefined> = process.env): AuthorizationServer {
  if (!globalForAuth.dojoAuthorizationServer) {
    const store = getStateStore(env);
    const secret = serverSecret(env);
    globalForAuth.dojoAuthorizationServer = createAuthorizationServer({ store, secret, env, upstream: upstreamFromEnv(store, secret, env) });
  }
  return globalForAuth.dojoAuthorizationServer;
}
