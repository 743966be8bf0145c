/**
 * Grants, authorization codes and refresh tokens, all in the StateStore.
 *
 * A *grant* is one "yes" from one user to one client. Every refresh token
 * and access token descends from it, so revoking the grant ends the whole
 * family at once: the verifier looks the grant up on every call.
 *
 * Codes and refresh tokens are stored under their SHA-256 only. Both are
 * one-time: a second use is the signature of a stolen copy, and answers by
 * revoking the grant (RFC 6749 §4.1.2, OAuth 2.1 §4.3.1 refresh rotation).
 *
 * Both are *taken* from the store (an atomic get-and-delete), never read
 * and then marked: two redemptions racing, on one instance or two sharing
 * Redis, cannot both find the record unused. The winner puts it back marked
 * used, so a later replay is recognised and revokes the family. (A replay in
 * the instant between take and put-back finds nothing: refused as unknown,
 * not as reused — still refused.)
 */
import type { Tenant } from '@/lib/identity/learner';
import { stateKey, type StateStore } from '@/lib/state';
import { randomToken, sha256 } from './keys';

export const CODE_TTL_MS = 60_000;
/** How long a redeemed code is remembered, so its reuse can still be detected. */
const REDEEMED_CODE_MEMORY_MS = 10 * 60_000;
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60_000;

export interface Grant {
  id: string;
  clientId: string;
  tenant: Tenant;
  scopes: string[];
  resource: string;
  revoked: boolean;
  createdAt: number;
}

/** What an authorization code stands for, bound to everything the token request must repeat. */
export interface CodeBinding {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scopes: string[];
  resource: string;
  tenant: Tenant;
}

interface CodeRecord extends CodeBinding {
  expiresAt: number;
  /** Set at the first redemption attempt; the grant it produced, if any. */
  redeemed?: { grantId?: string };
}

interface RefreshRecord {
  grantId: string;
  used: boolean;
}

export type CodeRedemption =
  | { status: 'ok'; binding: CodeBinding; settle(grantId: string): Promise<void> }
  | { status: 'unknown' }
  | { status: 'reused'; binding: CodeBinding };

export type RefreshUse = { status: 'ok'; grant: Grant } | { status: 'unknown' } | { status: 'reused'; grant?: Grant };

export interface GrantStore {
  issueCode(binding: CodeBinding): Promise<string>;
  /** Marks the code used *before* the caller checks anything else, so a failed attempt burns it too. */
  redeemCode(code: string): Promise<CodeRedemption>;
  createGrant(fields: Omit<Grant, 'id' | 'revoked' | 'createdAt'>): Promise<Grant>;
  getGrant(grantId: string): Promise<Grant | undefined>;
  issueRefreshToken(grantId: string): Promise<string>;
  /** One use each: the second use of a refresh token revokes its family. */
  useRefreshToken(token: string): Promise<RefreshUse>;
  /** The grant a refresh token belongs to, without using it (revocation endpoint). */
  grantOfRefreshToken(token: string): Promise<Grant | undefined>;
  revokeGrant(grantId: string): Promise<void>;
  /** Revokes every grant of a tenant (disconnect); returns how many were live. */
  revokeTenant(tenantKey: string): Promise<number>;
}

const codeKey = (code: string) => stateKey('oauth', 'code', sha256(code));
const grantKey = (grantId: string) => stateKey('oauth', 'grant', grantId);
const refreshKey = (token: string) => stateKey('oauth', 'refresh', sha256(token));
/** Per tenant, the ids of its grants: what "disconnect" walks. */
const tenantGrantsKey = (tenantKey: string) => stateKey(tenantKey, 'auth', 'grants');

export function createGrantStore(store: StateStore, now: () => number): GrantStore {
  async function revokeGrant(grantId: string): Promise<void> {
    const grant = await store.get<Grant>(grantKey(grantId));
    if (!grant || grant.revoked) return;
    grant.revoked = true;
    // Kept (revoked) for as long as any token of the family could still be shown.
    await store.set(grantKey(grantId), grant, { ttlMs: REFRESH_TOKEN_TTL_MS });
  }

  return {
    async issueCode(binding) {
      const code = randomToken();
      const record: CodeRecord = { ...binding, expiresAt: now() + CODE_TTL_MS };
      await store.set(codeKey(code), record, { ttlMs: REDEEMED_CODE_MEMORY_MS });
      return code;
    },

    async redeemCode(code) {
      const key = codeKey(code);
      const record = await store.take<CodeRecord>(key);
      if (!record) return { status: 'unknown' };
      const { expiresAt, redeemed, ...binding } = record;
      // Put back, marked, so a replay of this code can be told from a code we never issued.
      const remember = (mark: { grantId?: string }) =>
        store.set<CodeRecord>(key, { ...record, redeemed: mark }, { ttlMs: REDEEMED_CODE_MEMORY_MS });
      if (redeemed) {
        await remember(redeemed);
        if (redeemed.grantId) await revokeGrant(redeemed.grantId);
        return { status: 'reused', binding };
      }
      await remember({});
      if (now() >= expiresAt) return { status: 'unknown' };
      return { status: 'ok', binding, settle: (grantId) => remember({ grantId }) };
    },

    async createGrant(fields) {
      const grant: Grant = { ...fields, id: randomToken(16), revoked: false, createdAt: now() };
      await store.set(grantKey(grant.id), grant, { ttlMs: REFRESH_TOKEN_TTL_MS });
      const indexKey = tenantGrantsKey(fields.tenant.key);
      const ids = (await store.get<string[]>(indexKey)) ?? [];
      // Drop ids whose grant has expired or was revoked, so the index stays small.
      const live: string[] = [];
      for (const id of ids) {
        const existing = await store.get<Grant>(grantKey(id));
        if (existing && !existing.revoked) live.push(id);
      }
      await store.set(indexKey, [...live, grant.id], { ttlMs: REFRESH_TOKEN_TTL_MS });
      return grant;
    },

    getGrant: (grantId) => store.get<Grant>(grantKey(grantId)),

    async issueRefreshToken(grantId) {
      const token = randomToken();
      await store.set<RefreshRecord>(refreshKey(token), { grantId, used: false }, { ttlMs: REFRESH_TOKEN_TTL_MS });
      return token;
    },

    async useRefreshToken(token) {
      const key = refreshKey(token);
      const record = await store.take<RefreshRecord>(key);
      if (!record) return { status: 'unknown' };
      // Put back used: replay detection and the revocation endpoint still need to find it.
      await store.set<RefreshRecord>(key, { ...record, used: true }, { ttlMs: REFRESH_TOKEN_TTL_MS });
      const grant = await store.get<Grant>(grantKey(record.grantId));
      if (record.used) {
        await revokeGrant(record.grantId);
        return { status: 'reused', grant };
      }
      if (!grant || grant.revoked) return { status: 'unknown' };
      return { status: 'ok', grant };
    },

    async grantOfRefreshToken(token) {
      const record = await store.get<RefreshRecord>(refreshKey(token));
      return record ? store.get<Grant>(grantKey(record.grantId)) : undefined;
    },

    revokeGrant,

    async revokeTenant(tenantKey) {
      const ids = (await store.get<string[]>(tenantGrantsKey(tenantKey))) ?? [];
      let live = 0;
      for (const id of ids) {
        const grant = await store.get<Grant>(grantKey(id));
        if (grant && !grant.revoked) live += 1;
        await revokeGrant(id);
      }
      await store.delete(tenantGrantsKey(tenantKey));
      return live;
    },
  };
}
