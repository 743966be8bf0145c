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
import { createMockBackend, type MockBackend } from './backend';
import { findSampleUser, type SampleUser } from './sample-users';
import type { AccountGrant } from './standin-oauth-grants';
import { grantsAllow, scopesAllowing } from './standin-oauth-scopes';
import type { DeliverWebhooks, WebhookRegistration } from './webhook-outbox';
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
export async function answerForAccount(
  store: StateStore,
  grant: AccountGrant,
  request: Request,
  deliverWebhooks?: DeliverWebhooks,
): Promise<Response> {
  const path = new URL(request.url).pathname;
  if (!grantsAllow(grant.scopes, request.method, path)) {
    return apiErrorResponse(API_ERRORS.insufficientScope, {
      message: `Insufficient token scope: this request needs one of ${scopesAllowing(request.method, path).join(', ')}`,
    });
  }
  const sample = findSampleUser(grant.sampleId);
  if (!sample) return apiErrorResponse(API_ERRORS.unauthorized, { message: 'Invalid token: its account no longer exists' });

  const key = accountStateKey(grant.accountId, sample);
  const state = (await store.get<MockWorkspaceState>(key)) ?? newMockWorkspaceState();
  const backend = accountBackend(grant.accountId, sample, state, grant.scopes);
  try {
    return await backend.transport(request);
  } finally {
    await store.set(key, state);
    // Only once the change is stored: the receiver's sync must find it.
    const pending = backend.takeWebhookOutbox();
    if (pending) deliverWebhooks?.(pending);
  }
}

/**
 * Registers (or, with `undefined`, removes) the webhook of a signed-in
 * account. For the server only: the callback URL is the server's choice,
 * never a request's. Returns the `user_id` its webhooks carry (the account id).
 */
export async function registerAccountWebhook(
  store: StateStore,
  grant: Pick<AccountGrant, 'accountId' | 'sampleId'>,
  registration: WebhookRegistration | undefined,
): Promise<string> {
  const sample = findSampleUser(grant.sampleId);
  if (!sample) throw new Error(`No sample user "${grant.sampleId}": the account cannot have a webhook`);
  const key = accountStateKey(grant.accountId, sample);
  const state = (await store.get<MockWorkspaceState>(key)) ?? newMockWorkspaceState();
  const backend = accountBackend(grant.accountId, sample, state);
  backend.setWebhook(registration);
  await store.set(key, state);
  return backend.userId;
}

function accountStateKey(accountId: string, sample: SampleUser): string {
  return stateKey(`standin-${accountId}`, 'account', `${sample.size}-${sample.seed}`);
}

function accountBackend(accountId: string, sample: SampleUser, state: MockWorkspaceState, scopes?: readonly string[]): MockBackend {
  return createMockBackend({
    size: sample.size,
    seed: sample.seed,
    state,
    // The dataset's user is everyone's "Alex Morgan"; the account says who signed in, in /user, Sync and every task.
    account: { id: accountId, full_name: sample.name, email: accountEmail(sample, accountId) },
    scopes,
  });
}

/** alice@example.com, or alice+1a2b3c4d@example.com for one learner's copy. */
function accountEmail(sample: SampleUser, accountId: string): string {
  if (accountId === sample.id) return sample.email;
  const suffix = accountId.slice(sample.id.length + 1);
  return sample.email.replace('@', `+${suffix}@`);
}
