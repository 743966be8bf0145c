/**
 * The app, as far as lesson 9's attack demos need it, over real HTTP on
 * loopback: the authorization server (stand-in upstream), the production MCP
 * endpoint, the stand-in's consent pages, and this area's routes — all on one
 * origin, one store, one secret. Plus the secrets a response must never carry.
 */
import { createAuthorizationServer, type AuthorizationServer } from '@/lib/auth/authorization-server';
import { standinUpstream } from '@/lib/auth/app-server';
import { signingKeyFrom } from '@/lib/auth/keys';
import { issueLearnerId } from '@/lib/identity/learner';
import { serveFetch, type RunningServer } from '@/lib/http/serve-fetch';
import type { OriginPolicy } from '@/lib/http/origin';
import { builtinStandinHandler, servedUnder, startBuiltinStandin } from '@/lib/mcp/http/builtin-standin';
import { createMcpEndpoint, type McpEndpointOptions } from '@/lib/mcp/http/endpoint';
import { endpointAuthFrom } from '@/lib/mcp/http/endpoint-auth';
import { STANDIN_MOUNT_PATH } from '@/lib/mock/standin-oauth-app';
import { MemoryStateStore } from '@/lib/state';
import { findSecrets, secretsOf, TOKEN_SHAPES } from '@/scripts/secret-exposure';
import { handleAttackRequest } from '../attack-endpoint';
import { CALENDAR_MCP_PATH, createCalendarMcpEndpoint } from '../calendar-mcp';
import { createNaiveMcpEndpoint } from '../naive-mcp';
import { handleOtherSiteRequest, NAIVE_MCP_PATH } from '../other-site';
import { OTHER_SITE_PATH } from '../report';

const DOJO_SECRET = 'lesson 9 attack demos test secret';
const CONFIGURED_TOKEN = 'no-configured-token-in-this-test';

export interface AttackApp {
  origin: string;
  as: AuthorizationServer;
  secret: Buffer;
  signingKey: Uint8Array;
  /** A learner's cookie header, as their browser sends it. */
  learnerCookie(): string;
  /** Headers of a same-origin fetch() from one of the app's pages. */
  ownPage(cookie: string): Record<string, string>;
  close(): Promise<void>;
}

export async function startAttackApp(): Promise<AttackApp> {
  const secret = Buffer.from(DOJO_SECRET);
  const store = new MemoryStateStore({ idleMs: 60 * 60_000, maxEntries: 10_000, sweepEveryMs: 0 });
  const policy: OriginPolicy = { origins: [], hosts: [] };
  const standin = await startBuiltinStandin(store, secret);
  const as = createAuthorizationServer({ store, secret, env: {}, upstream: async (origin) => standinUpstream(standin, origin) });
  const signingKey = signingKeyFrom(secret, {});
  const endpointOptions: McpEndpointOptions = {
    store,
    policy,
    secret,
    loadConfig: async () => ({ token: undefined, baseUrl: 'https://api.todoist.com/api/v1', whereToSetToken: 'Set TODOIST_API_TOKEN.' }),
    standin: async () => standin,
    auth: endpointAuthFrom(as, async () => standin.baseUrl),
  };
  const production = createMcpEndpoint(endpointOptions);
  const naive = createNaiveMcpEndpoint(endpointOptions);
  const calendar = createCalendarMcpEndpoint({ verifier: (url) => as.verifier(url), policy });
  const standinMount = servedUnder(STANDIN_MOUNT_PATH, builtinStandinHandler(store, secret, {}));
  const attackDeps = { as, secret, signingKey, standin: async () => standin, policy };

  const app: RunningServer = await serveFetch(async (request) => {
    const path = new URL(request.url).pathname;
    const answered = await as.fetch(request);
    if (answered) return answered;
    if (path.startsWith(`${STANDIN_MOUNT_PATH}/`)) return standinMount(request);
    if (path === NAIVE_MCP_PATH) return naive(request);
    if (path === OTHER_SITE_PATH) return handleOtherSiteRequest(request, policy);
    if (path === CALENDAR_MCP_PATH) return calendar(request);
    if (path === '/api/security/attacks/audience') return handleAttackRequest('audience', request, attackDeps);
    if (path === '/api/security/attacks/passthrough') return handleAttackRequest('passthrough', request, attackDeps);
    return production(request);
  });

  return {
    origin: app.origin,
    as,
    secret,
    signingKey,
    learnerCookie: () => `dojo-learner=${issueLearnerId(secret)}`,
    ownPage: (cookie) => ({ cookie, origin: app.origin, 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' }),
    close: async () => {
      await app.close();
      await standin.close();
      store.close();
    },
  };
}

/** A whole JWT (header.payload.signature): a demo shows ours redacted, never whole. */
const WHOLE_JWT = /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{20,}/;

/** The kinds of secret in `text`: the server secret, signing and vault keys, client secret, Todoist tokens, whole JWTs. */
export function secretsIn(text: string): string[] {
  const found = findSecrets(text, secretsOf(DOJO_SECRET, CONFIGURED_TOKEN, {}), TOKEN_SHAPES);
  return WHOLE_JWT.test(text) ? [...found, 'a whole access token (JWT)'] : found;
}
