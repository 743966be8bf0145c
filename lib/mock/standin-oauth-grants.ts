/**
 * The stand-in's authorization codes and access tokens, kept in the StateStore
 * so the loopback stand-in and the one mounted in the app (same process, same
 * store) honour each other's codes and tokens.
 *
 * Both are random and opaque, and only their SHA-256 is stored: a leaked
 * store (or a Redis dump) holds nothing that opens an account. Codes are
 * one-time and last 10 minutes; a code presented twice also revokes the token
 * it produced (RFC 6749 §4.1.2: someone else had the code).
 */
import { createHash, randomBytes } from 'node:crypto';
import { stateKey, type StateStore } from '@/lib/state';
import type { TodoistScope } from './standin-oauth-scopes';

export const CODE_TTL_MS = 10 * 60_000;
/** Todoist's classic tokens never expire; a bound keeps the stand-in's store from growing forever. */
export const TOKEN_TTL_MS = 30 * 24 * 60 * 60_000;
/** Lets the stand-in tell its OAuth tokens from the signed per-workspace ones (and a secret scanner find them). */
export const OAUTH_TOKEN_PREFIX = 'standin_oauth_';

/** What a token (and the code before it) stands for: whose account, how much of it, for which app. */
export interface AccountGrant {
  /** `alice`, or `alice-1a2b3c4d` for one learner's own copy of Alice. */
  accountId: string;
  /** Which sample user's dataset the account holds. */
  sampleId: string;
  scopes: TodoistScope[];
  clientId: string;
}

interface StoredCode extends AccountGrant {
  redirectUri: string;
  expiresAt: number;
  used: boolean;
  /** The token this code was exchanged for, to revoke it if the code comes back. */
  tokenHash?: string;
}

export type Redemption =
  | { ok: true; accessToken: string; grant: AccountGrant }
  | { ok: false; error: 'invalid_grant'; description: string };

export interface StandinGrants {
  issueCode(grant: AccountGrant & { redirectUri: string }): Promise<string>;
  /** Exchanges a code for a token once; `redirectUri`, when sent, must be the one the code was issued for. */
  redeemCode(code: string, check: { clientId: string; redirectUri?: string }): Promise<Redemption>;
  /** The grant behind a live token, or undefined (unknown, expired or revoked). */
  tokenGrant(accessToken: string): Promise<AccountGrant | undefined>;
  revokeToken(accessToken: string): Promise<void>;
}

export function standinGrants(store: StateStore, now: () => number = Date.now): StandinGrants {
  return {
    async issueCode(grant) {
      const code = randomBytes(20).toString('hex');
      const stored: StoredCode = { ...grant, expiresAt: now() + CODE_TTL_MS, used: false };
      await store.set(codeKey(code), stored, { ttlMs: CODE_TTL_MS });
      return code;
    },

    async redeemCode(code, check) {
      // Taken (atomic get-and-delete), so of two redemptions racing — one instance or two — only one finds it.
      const stored = await store.take<StoredCode>(codeKey(code));
      if (!stored || stored.expiresAt <= now()) return refused('The code is unknown or has expired');
      const remaining = { ttlMs: Math.max(1, stored.expiresAt - now()) };
      if (stored.used) {
        await store.set(codeKey(code), stored, remaining); // still remembered, for the next replay
        if (stored.tokenHash) await store.delete(tokenKeyOfHash(stored.tokenHash));
        return refused('The code was already used; the token issued for it is revoked');
      }
      // Spent at first sight, whatever follows: a code gets one try. It goes back marked used, so a replay is
      // recognised (one arriving between the take and this write finds nothing, and is refused as unknown).
      stored.used = true;
      if (stored.clientId !== check.clientId || (check.redirectUri !== undefined && check.redirectUri !== stored.redirectUri)) {
        await store.set(codeKey(code), stored, remaining);
        return refused('The code was issued to another client or redirect_uri');
      }
      const accessToken = `${OAUTH_TOKEN_PREFIX}${randomBytes(20).toString('hex')}`;
      const grant: AccountGrant = {
        accountId: stored.accountId,
        sampleId: stored.sampleId,
        scopes: stored.scopes,
        clientId: stored.clientId,
      };
      stored.tokenHash = sha256(accessToken);
      await store.set(codeKey(code), stored, remaining);
      await store.set(tokenKeyOfHash(stored.tokenHash), grant, { ttlMs: TOKEN_TTL_MS });
      return { ok: true, accessToken, grant };
    },

    async tokenGrant(accessToken) {
      if (!accessToken.startsWith(OAUTH_TOKEN_PREFIX)) return undefined;
      return store.get<AccountGrant>(tokenKeyOfHash(sha256(accessToken)));
    },

    async revokeToken(accessToken) {
      await store.delete(tokenKeyOfHash(sha256(accessToken)));
    },
  };
}

export function isStandinOAuthToken(token: string): boolean {
  return token.startsWith(OAUTH_TOKEN_PREFIX);
}

function refused(description: string): Redemption {
  return { ok: false, error: 'invalid_grant', description };
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

const codeKey = (code: string) => stateKey('standin-oauth', 'codes', sha256(code));
const tokenKeyOfHash = (hash: string) => stateKey('standin-oauth', 'tokens', hash);
