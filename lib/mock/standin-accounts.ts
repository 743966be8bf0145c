/**
 * The stand-in's sample accounts, as an OAuth token reaches them: the token's
 * grant names one account, and every API request with it reads and writes
 * that account's data — nobody else's — within the scopes the person agreed to.
 *
 * An account is a mock workspace over its sample user's own dataset, kept in
 * the StateStore like any workspace. In the app, each learner gets their own
 * copy of each sample user (`alice-1a2b3c4d`), so two learners who both sign
 * in as Alice never see each other's changes; the CLI stand-in has no
 * learners, so there Alice is plain `alice`.
 */
import { sign } from '@/lib/identity/signature';
import { stateKey, type StateStore } from '@/lib/state';
import { API_ERRORS, apiErrorResponse } from './api-errors';
import { createMockBackend } from './backend';
import { jsonResponse } from './json-response';
import { findSampleUser, type SampleUser } from './sample-users';
import type { AccountGrant } from './standin-oauth-grants';
import { grantsAllow, scopesAllowing } from './standin-oauth-scopes';
import { newMockWorkspaceState, type MockWorkspaceState } from './workspace-state';

/**
 * The account a consent creates. The suffix is an HMAC of the learner key,
 * not a piece of it: the account id shows up in pages and tenant keys, and
 * must tell nothing about the learner id, which opens that learner's workspace.
 */
export function sampleAccountId(sample: SampleUser, learnerKey: string | undefined, secret: Buffer): string {
  if (!learnerKey) return sample.id;
  const suffix = Buffer.from(sign('standin-account', learnerKey, secret), 'base64url').toString('hex').slice(0, 8);
  return `${sample.id}-${suffix}`;
}

/** Answers an API request made with an OAuth token whose grant is `grant`. */
export async function answerForAccount(store: StateStore, grant: AccountGrant, request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  if (!grantsAllow(grant.scopes, request.method, path)) {
    return apiErrorResponse(API_ERRORS.insufficientScope, {
      message: `Insufficient token scope: this request needs one of ${scopesAllowing(request.method, path).join(', ')}`,
    });
  }
  const sample = findSampleUser(grant.sampleId);
  if (!sample) return apiErrorResponse(API_ERRORS.unauthorized, { message: 'Invalid token: its account no longer exists' });

  const key = stateKey(`standin-${grant.accountId}`, 'account', `${sample.size}-${sample.seed}`);
  const state = (await store.get<MockWorkspaceState>(key)) ?? newMockWorkspaceState();
  const backend = createMockBackend({ size: sample.size, seed: sample.seed, state });
  if (request.method === 'GET' && /\/api\/v1\/user\/?$/.test(path)) {
    // The dataset's user is everyone's "Alex Morgan"; the account says who signed in.
    const user = backend.store.base.user;
    return jsonResponse({ ...user, id: grant.accountId, full_name: sample.name, email: accountEmail(sample, grant.accountId) });
  }
  try {
    return await backend.transport(request);
  } finally {
    await store.set(key, state);
  }
}

/** alice@example.com, or alice+1a2b3c4d@example.com for one learner's copy. */
function accountEmail(sample: SampleUser, accountId: string): string {
  if (accountId === sample.id) return sample.email;
  const suffix = accountId.slice(sample.id.length + 1);
  return sample.email.replace('@', `+${suffix}@`);
}
