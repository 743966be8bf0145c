/**
 * The vault: each signed-in user's upstream (Todoist) token, encrypted at
 * rest with AES-256-GCM. The MCP client never sees this token; only the
 * server, acting for that user, reads it back.
 *
 * The tenant key is the GCM "additional authenticated data": an entry copied
 * under another tenant's key fails to decrypt, so a mix-up in the store can
 * never hand one user another user's Todoist token.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { stateKey, type StateStore } from '@/lib/state';

export interface VaultEntry {
  /** The upstream access token. Never logged, never returned to a client. */
  token: string;
  /** Where the token is valid, e.g. https://api.todoist.com/api/v1. */
  apiBase: string;
  upstream: 'standin' | 'todoist';
  userId: string;
  userName: string;
  /** The Todoist scopes granted, e.g. ["data:read_write"]. */
  scopes: string[];
}

export interface Vault {
  get(tenantKey: string): Promise<VaultEntry | undefined>;
  put(tenantKey: string, entry: VaultEntry, options?: { ttlMs?: number }): Promise<void>;
  delete(tenantKey: string): Promise<void>;
}

/** What the store holds: only ciphertext, its nonce and its tag. */
interface SealedEntry {
  v: 1;
  iv: string;
  tag: string;
  data: string;
}

const ALGORITHM = 'aes-256-gcm';

export function vaultStateKey(tenantKey: string): string {
  return stateKey(tenantKey, 'auth', 'todoist-token');
}

export function openVault(store: StateStore, key: Buffer): Vault {
  if (key.length !== 32) throw new Error('The vault key must be 32 bytes (AES-256).');
  return {
    async get(tenantKey) {
      const sealed = await store.get<SealedEntry>(vaultStateKey(tenantKey));
      return sealed ? unseal(sealed, key, tenantKey) : undefined;
    },
    async put(tenantKey, entry, options) {
      await store.set(vaultStateKey(tenantKey), seal(entry, key, tenantKey), options);
    },
    async delete(tenantKey) {
      await store.delete(vaultStateKey(tenantKey));
    },
  };
}

function seal(entry: VaultEntry, key: Buffer, tenantKey: string): SealedEntry {
  // A fresh 96-bit nonce per write: GCM must never reuse one under the same key.
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: 16 });
  cipher.setAAD(Buffer.from(tenantKey));
  const data = Buffer.concat([cipher.update(JSON.stringify(entry), 'utf8'), cipher.final()]);
  return { v: 1, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** Tampered, moved to another tenant, or sealed with another key: treated as "no token" (reconnect). */
function unseal(sealed: SealedEntry, key: Buffer, tenantKey: string): VaultEntry | undefined {
  try {
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(sealed.iv, 'base64'), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(tenantKey));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const json = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
    return JSON.parse(json) as VaultEntry;
  } catch {
    return undefined;
  }
}
