/**
 * Whom the attack demos act for: the learner's own copy of a stand-in sample
 * user (Alice), never a real Todoist account.
 *
 * `connectSampleAccount` leaves the app as lesson 7's sign-in does: the
 * authorization server's vault holds a stand-in token for that account (one
 * already there is kept). `handTodoistToken` gets a second stand-in token for
 * the same account, the kind a client might be handed (pasted into its
 * config), for the passthrough demo — revoked when the demo ends.
 *
 * Both consent at the stand-in over HTTP, on loopback, as the learner (their
 * cookie makes the account their own copy).
 */
import { REFRESH_TOKEN_TTL_MS } from '@/lib/auth/grants';
import { randomToken } from '@/lib/auth/keys';
import { exchangeUpstreamCode, revokeUpstreamToken, type UpstreamOAuth } from '@/lib/auth/upstream';
import type { Vault } from '@/lib/auth/vault';
import { LEARNER_COOKIE, userTenant, type Tenant } from '@/lib/identity/learner';
import type { BuiltinStandin } from '@/lib/mcp/http/builtin-standin';
import { findSampleUser, type SampleUser } from '@/lib/mock/sample-users';
import { sampleAccountId } from '@/lib/mock/standin-accounts';

export const DEMO_SAMPLE_USER = 'alice';
const CONSENT_TIMEOUT_MS = 10_000;

export interface SampleAccountDeps {
  standin: BuiltinStandin;
  vault: Vault;
  secret: Buffer;
}

export interface SampleAccount {
  tenant: Tenant;
  id: string;
  name: string;
}

export async function connectSampleAccount(deps: SampleAccountDeps, learner: Tenant): Promise<SampleAccount> {
  const sample = demoSample();
  const id = sampleAccountId(sample, learner.key, deps.secret);
  const tenant = userTenant({ id, name: sample.name, upstream: 'standin' });
  const kept = await deps.vault.get(tenant.key);
  if (kept?.upstream !== 'standin') {
    const token = await consentAtStandin(deps.standin, learner, sample, 'data:read_write');
    const entry = { token, apiBase: deps.standin.baseUrl, upstream: 'standin' as const, userId: id, userName: sample.name, scopes: ['data:read_write'] };
    await deps.vault.put(tenant.key, entry, { ttlMs: REFRESH_TOKEN_TTL_MS });
  }
  return { tenant, id, name: sample.name };
}

export async function handTodoistToken(standin: BuiltinStandin, learner: Tenant): Promise<{ token: string; revoke(): Promise<void> }> {
  const token = await consentAtStandin(standin, learner, demoSample(), 'data:read');
  return { token, revoke: async () => void (await revokeUpstreamToken(upstreamOf(standin), token)) };
}

/** The learner at the stand-in's consent page choosing the sample user and Allow; then the code exchanged. */
async function consentAtStandin(standin: BuiltinStandin, learner: Tenant, sample: SampleUser, scope: string): Promise<string> {
  // Never followed: the code is read from the redirect.
  const redirectUri = `${standin.origin}/oauth/callback`;
  const form = new URLSearchParams({
    client_id: standin.oauth.clientId,
    redirect_uri: redirectUri,
    state: randomToken(16),
    scope,
    user: sample.id,
    decision: 'allow',
  });
  const decided = await fetch(standin.oauth.authorizeUrl, {
    method: 'POST',
    body: form,
    redirect: 'manual',
    signal: AbortSignal.timeout(CONSENT_TIMEOUT_MS),
    headers: learner.learnerId ? { cookie: `${LEARNER_COOKIE}=${learner.learnerId}` } : {},
  });
  const code = new URL(decided.headers.get('location') ?? 'about:blank').searchParams.get('code');
  if (!code) throw new DemoSetupError(`the stand-in's consent answered ${decided.status} without a code`);
  const exchanged = await exchangeUpstreamCode(upstreamOf(standin), code, redirectUri);
  if (!exchanged.ok) throw new DemoSetupError(`the stand-in's token exchange failed (${exchanged.detail})`);
  return exchanged.token;
}

function upstreamOf(standin: BuiltinStandin): UpstreamOAuth {
  return {
    kind: 'standin',
    authorizeUrl: standin.oauth.authorizeUrl,
    tokenUrl: standin.oauth.tokenUrl,
    revokeUrl: standin.oauth.revokeUrl,
    apiBase: standin.baseUrl,
    clientId: standin.oauth.clientId,
    clientSecret: standin.oauth.clientSecret,
  };
}

function demoSample(): SampleUser {
  return findSampleUser(DEMO_SAMPLE_USER)!;
}

/** A step before the attack failed; its message names the step, never a token or secret. */
export class DemoSetupError extends Error {
  override name = 'DemoSetupError';
}
