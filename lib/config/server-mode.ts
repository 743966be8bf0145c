/**
 * Single-user or multi-user: whose Todoist token a real-backend call uses.
 *
 * The server-wide token (environment, config file, or saved on the settings
 * page) stands in for every caller who has not signed in. That is right for
 * one person on their own machine and wrong anywhere shared: there, everyone
 * would read and write that one Todoist account. `DOJO_SERVER_WIDE_TOKEN=off`
 * switches it off (multi-user mode); then each person signs in through OAuth
 * and uses their own token. Signed-in callers use their own token in either mode.
 *
 * The switch itself is read by the MCP endpoint (serverWideTokenFromEnv in
 * lib/mcp/http/caller.ts; the settings endpoint asks the same function); this
 * module only puts the answer into words. It imports no server code, so the
 * settings page's client components can use it.
 */
import type { KeyResolution } from './types';

export type ServerMode = 'single-user' | 'multi-user';

/** The environment variable that switches the mode. */
export const SERVER_WIDE_TOKEN_SWITCH = 'DOJO_SERVER_WIDE_TOKEN';

export interface ServerModeReport {
  mode: ServerMode;
  /** Whose Todoist token a real call without a sign-in would use, in words (never the token). */
  withoutSignIn: string;
  /** A server-wide token is configured, but multi-user mode ignores it: worth saying, it looks like a leak otherwise. */
  ignoredServerWideToken: boolean;
}

/** Why the settings page cannot save a token in multi-user mode, and what to do instead. */
export const MULTI_USER_SAVE_REFUSAL =
  `This server is in multi-user mode (${SERVER_WIDE_TOKEN_SWITCH}=off): it uses no shared Todoist token, so the settings ` +
  'page does not save one. Sign in with your own Todoist account instead: through your MCP client (it opens the sign-in ' +
  'page when this server answers 401), or with the sign-in of lesson 7 in the browser.';

export function describeServerMode(mode: ServerMode, token: Pick<KeyResolution, 'source' | 'origin'>): ServerModeReport {
  const configured = token.source !== undefined;
  if (mode === 'multi-user') {
    return {
      mode,
      withoutSignIn: 'none: no shared token is used; a real Todoist call without a sign-in answers 401, and the MCP client signs the person in',
      ignoredServerWideToken: configured,
    };
  }
  return {
    mode,
    withoutSignIn: configured
      ? `the server-wide token from ${whereFrom(token)}`
      : 'none: no server-wide token is configured, so a real Todoist call without a sign-in answers with the missing-token error',
    ignoredServerWideToken: false,
  };
}

/** "the environment variable TODOIST_API_TOKEN", "the config file /…/dojo.config.json", … */
export function whereFrom({ source, origin }: Pick<KeyResolution, 'source' | 'origin'>): string {
  switch (source) {
    case 'environment':
      return `the environment variable ${origin}`;
    case 'config-file':
      return `the config file ${origin}`;
    case 'platform-settings':
      return `this settings page (saved in ${origin})`;
    default:
      return origin ?? 'an unknown source';
  }
}
