/**
 * Where the token may be sent. The base URL decides where every real
 * request goes, with the token in its Authorization header; so a base URL
 * must come from a place at least as trusted as the token's: the same
 * source, or one of higher precedence (environment → config file → settings
 * page), or the built-in Todoist API. Otherwise whoever can save a setting
 * (the settings page, a config file) could send the operator's token from
 * the environment to a server of their choosing.
 */
import { whereFrom } from './server-mode';
import type { KeyResolution, SourceName } from './types';

/** Lower is stronger: the order in which sources are searched. */
const PRECEDENCE: Record<Exclude<SourceName, 'default'>, number> = { environment: 0, 'config-file': 1, 'platform-settings': 2 };

export type Placed = Pick<KeyResolution, 'source' | 'origin'>;

export interface DestinationProblem {
  /** What is wrong, naming both places. */
  problem: string;
  /** Where the base URL belongs instead. */
  fix: string;
}

/** Why the token must not be sent to this base URL, or `undefined` when it may. */
export function tokenDestinationProblem(token: Placed, baseUrl: Placed): DestinationProblem | undefined {
  if (token.source === undefined || token.source === 'default') return undefined; // no token to send
  if (baseUrl.source === undefined || baseUrl.source === 'default') return undefined; // the built-in Todoist API
  if (PRECEDENCE[baseUrl.source] <= PRECEDENCE[token.source]) return undefined;
  return {
    problem:
      `The Todoist API token comes from ${whereFrom(token)}, but the base URL comes from ${whereFrom(baseUrl)}, ` +
      'a place of lower precedence: the token is only sent to a base URL set in the same place as the token, or in one of higher precedence.',
    fix:
      token.source === 'environment'
        ? `Set TODOIST_API_BASE_URL beside ${token.origin}.`
        : `Set "todoistApiBaseUrl" in ${token.origin} (or TODOIST_API_BASE_URL).`,
  };
}
