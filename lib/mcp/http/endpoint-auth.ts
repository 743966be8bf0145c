/**
 * The endpoint's link to this app's authorization server (lib/auth): it
 * verifies the access tokens that server issued and reads the Todoist token
 * it keeps for each signed-in user.
 */
import { OAuthError, OAuthErrorCode } from '@modelcontextprotocol/server';
import type { StateStore } from '@/lib/state';
import type { EndpointAuth } from './endpoint';

export function defaultAuth(_store: StateStore, _secret: Buffer): EndpointAuth {
  return {
    verifier: () => ({
      verifyAccessToken: async () => {
        throw new OAuthError(OAuthErrorCode.InvalidToken, 'No authorization server is wired to this endpoint');
      },
    }),
    todoistAccess: async () => undefined,
  };
}
