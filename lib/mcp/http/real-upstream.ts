/**
 * Which real Todoist a request talks to — always over real HTTP:
 * - a signed-in user: the Todoist (or stand-in) account they connected, with
 *   the token this server keeps for them — never a token the client sent;
 * - `todoist`: the configured token and base URL (no token: the honest missing-token error);
 * - `standin`: this app's Todoist stand-in, a sample account of the caller's own;
 * - `auto`: the configured API when a token is configured, else the stand-in.
 * Outside clients default to `todoist`, so a person who forgot their token is
 * told so, and never handed sample tasks in place of theirs.
 *
 * The naive strategy is the story's bug (first page only, canned todos on any
 * failure): it runs only against the stand-in's sample accounts, never a real one.
 */
import type { Tenant } from '@/lib/identity/learner';
import type { RealConfig } from '../source';
import type { BuiltinStandin } from './builtin-standin';
import type { SessionSettings } from './session-settings';

export interface RealUpstreamDeps {
  /** Configuration discovery (environment → config file → settings page), read at call time. */
  loadConfig: () => Promise<RealConfig>;
  standin: () => Promise<BuiltinStandin>;
  /** The Todoist token kept for a signed-in user (the vault). */
  userAccess?: (tenant: Tenant) => Promise<UserTodoistAccess | undefined>;
}

/** A signed-in user's connection to Todoist, as the authorization server keeps it. */
export interface UserTodoistAccess {
  token: string;
  apiBase: string;
  upstream: 'standin' | 'todoist';
}

const RECONNECT =
  'You are signed in, but this server holds no Todoist token for you any more (you disconnected, or it was revoked). ' +
  'Sign in to this server again from your MCP client to reconnect Todoist.';

/**
 * Why a request may not run the naive strategy on the real backend, or `undefined` when it may.
 * `auto` is safe (it picks the stand-in for naive, see realConfigFor); signed-in users are checked
 * against the account they connected, by the caller.
 */
export function naiveStrategyRefusal(settings: Pick<SessionSettings, 'backend' | 'strategy' | 'upstream'>): string | undefined {
  if (settings.backend !== 'real' || settings.strategy !== 'naive' || settings.upstream !== 'todoist') return undefined;
  return NAIVE_ON_REAL_ACCOUNT;
}

export const NAIVE_ON_REAL_ACCOUNT =
  "strategy=naive is the story's bug (canned todos on any failure, first page only) and never runs against a real Todoist account. " +
  'Use upstream=standin to watch it fail on sample data, or strategy=production for your own tasks.';

export function realConfigFor(
  settings: Pick<SessionSettings, 'upstream' | 'token' | 'workspace'> & Partial<Pick<SessionSettings, 'strategy'>>,
  tenant: Tenant,
  deps: RealUpstreamDeps,
): () => Promise<RealConfig> {
  if (tenant.kind === 'user') return () => userConfig(tenant, deps);
  return async () => {
    const configured = await deps.loadConfig();
    const useStandin =
      settings.upstream === 'standin' ||
      (settings.upstream === 'auto' && (!configured.token || settings.strategy === 'naive'));
    if (!useStandin) return withSimulatedToken({ ...configured, upstream: 'todoist' }, settings.token);
    const standin = await deps.standin();
    const sample: RealConfig = {
      token: standin.tokenFor(tenant, settings.workspace),
      baseUrl: standin.baseUrl,
      upstream: 'standin',
      whereToSetToken: configured.whereToSetToken,
    };
    return withSimulatedToken(sample, settings.token);
  };
}

async function userConfig(tenant: Tenant, deps: RealUpstreamDeps): Promise<RealConfig> {
  const access = await deps.userAccess?.(tenant);
  if (!access) return { token: undefined, baseUrl: '', upstream: tenant.user?.upstream, whereToSetToken: RECONNECT };
  return { token: access.token, baseUrl: access.apiBase, upstream: access.upstream, whereToSetToken: RECONNECT };
}

/** A deliberately wrong token: the API answers 401 to it, as to a revoked one. */
export const WRONG_TOKEN = 'dojo-simulated-wrong-token';

function withSimulatedToken(config: RealConfig, token: SessionSettings['token']): RealConfig {
  if (token === 'missing') return { ...config, token: undefined };
  if (token === 'wrong') return { ...config, token: WRONG_TOKEN };
  return config;
}
