/**
 * The authorization server's keys and the two hashing/randomness helpers
 * everything else uses. Keys come from the environment when an operator
 * sets them (several instances must share them), else they are derived from
 * the server secret with HKDF: one secret, a separate key per purpose, so a
 * leak of one derived key tells nothing about the other.
 */
import { createHash, hkdfSync, randomBytes } from 'node:crypto';

export interface AuthKeys {
  /** HS256 key for this server's access tokens (JWTs). */
  signing: Uint8Array;
  /** AES-256 key for the vault of upstream (Todoist) tokens. */
  vault: Buffer;
}

export function authKeysFrom(secret: Buffer, env: Record<string, string | undefined> = process.env): AuthKeys {
  return { signing: signingKeyFrom(secret, env), vault: vaultKeyFrom(secret, env) };
}

/** DOJO_SIGNING_KEY (at least 32 bytes of text) else HKDF(server secret). */
export function signingKeyFrom(secret: Buffer, env: Record<string, string | undefined> = process.env): Uint8Array {
  if (env.DOJO_SIGNING_KEY) {
    const key = Buffer.from(env.DOJO_SIGNING_KEY);
    // HS256 is only as strong as its key: refuse a short one rather than sign with it.
    if (key.length < 32) throw new Error('DOJO_SIGNING_KEY must be at least 32 bytes long.');
    return new Uint8Array(key);
  }
  return new Uint8Array(derive(secret, 'mcp-dojo access-token signing v1'));
}

/** DOJO_VAULT_KEY (base64, exactly 32 bytes) else HKDF(server secret). */
export function vaultKeyFrom(secret: Buffer, env: Record<string, string | undefined> = process.env): Buffer {
  if (env.DOJO_VAULT_KEY) {
    const key = Buffer.from(env.DOJO_VAULT_KEY, 'base64');
    // The message names the variable, never its value.
    if (key.length !== 32) throw new Error('DOJO_VAULT_KEY must be 32 bytes, base64-encoded.');
    return key;
  }
  return derive(secret, 'mcp-dojo vault aes-256-gcm v1');
}

function derive(secret: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), purpose, 32));
}

/** An unguessable opaque value (codes, refresh tokens, states): 256 bits, URL-safe. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * What we store instead of a code or refresh token: a copy of the store
 * (a backup, a Redis dump) then holds nothing a thief could redeem. Plain
 * SHA-256 suffices because the values are 256 random bits, not passwords.
 */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}
