/**
 * The endpoint's link to this app's authorization server (lib/auth): it
 * verifies the access tokens that server issued, and reads the Todoist token
 * it keeps for each signed-in user — decrypted for one call, never sent to
 * the client.
 */
import { getAuthorizationServer } from '@/lib/auth/app-server';
import type { AuthorizationServer } from '@/lib/auth/authorization-server';
import type { StateStore } from '@/lib/state';
import { builtinStandin } from './builtin-standin';
import type { EndpointAuth } from './endpoint';

export function endpointAuthFrom(server: AuthorizationServer, standinBaseUrl: () => Promise<string>): EndpointAuth {
  return {
    verifier: (resourceUrl) => server.verifier(resourceUrl),
    todoistAccess: async (tenant) => {
      const entry = await server.vault.get(tenant.key);
      if (!entry) return undefined;
      // The stand-in listens on a loopback port that changes with each start: ask where it is now.
      const apiBase = entry.upstream === 'standin' ? await standinBaseUrl() : entry.apiBase;
      return { token: entry.token, apiBase, upstream: entry.upstream };
    },
  };
}

export function defaultAuth(store: StateStore, secret: Buffer): EndpointAuth {
  return endpointAuthFrom(getAuthorizationServer(), async () => (await builtinStandin(store, secret)).baseUrl);
}
