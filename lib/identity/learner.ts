/**
 * Who is calling, until accounts exist: a learner id the app issues.
 *
 * The id is a random value plus an HMAC of it under the server's secret, so
 * only ids this server issued are accepted: nobody can pick another
 * learner's id, and guessing one is as hard as guessing 128 random bits. It
 * travels as an httpOnly cookie (the browser) or in the endpoint URL
 * (outside clients such as Claude Code), never in a header a client makes up
 * or a tool argument.
 */
import { randomBytes } from 'node:crypto';
import { hasValidSignature, sign } from './signature';

export const LEARNER_COOKIE = 'dojo-learner';
export const LEARNER_QUERY = 'learner';

/**
 * Whose state a request may touch: a signed-in user (from a verified access
 * token), a local learner (a signed id), or an anonymous caller, who gets a
 * throwaway workspace.
 */
export interface Tenant {
  /** The key every store uses: `user-<upstream>-<todoist user id>`, `learner-<random part>` or `anon-<uuid>`. */
  key: string;
  kind: 'user' | 'learner' | 'anonymous';
  /** The full signed id, to hand back to the browser as a cookie. */
  learnerId?: string;
  /** A signed-in user: who they are at Todoist (or the stand-in), as the upstream told us. */
  user?: TenantUser;
}

export interface TenantUser {
  id: string;
  name: string;
  upstream: 'standin' | 'todoist';
}

/** The tenant of a user who signed in through Todoist's OAuth (or the stand-in's). */
export function userTenant(user: TenantUser): Tenant {
  return { key: `user-${user.upstream}-${user.id}`, kind: 'user', user };
}

export function issueLearnerId(secret: Buffer = serverSecret()): string {
  const random = randomBytes(16).toString('base64url');
  return `${random}.${sign('learner', random, secret)}`;
}

/** The tenant for a signed id, or `undefined` if it is not one this server issued. */
export function verifyLearnerId(value: string | null | undefined, secret: Buffer = serverSecret()): Tenant | undefined {
  if (!value) return undefined;
  const [random, signature, ...rest] = value.split('.');
  if (!random || !signature || rest.length || !/^[\w-]{22}$/.test(random)) return undefined;
  if (!hasValidSignature('learner', random, signature, secret)) return undefined;
  return { key: `learner-${random}`, kind: 'learner', learnerId: value };
}

export function anonymousTenant(): Tenant {
  return { key: `anon-${crypto.randomUUID()}`, kind: 'anonymous' };
}

/** The learner id from the endpoint URL (outside clients) or the cookie (the browser). */
export function learnerFromRequest(request: Request, secret?: Buffer): Tenant | undefined {
  const fromUrl = new URL(request.url).searchParams.get(LEARNER_QUERY);
  return verifyLearnerId(fromUrl, secret) ?? verifyLearnerId(cookieValue(request, LEARNER_COOKIE), secret);
}

export function learnerCookie(learnerId: string): string {
  // A year: the workspace itself idles out long before; the id only names it.
  return `${LEARNER_COOKIE}=${learnerId}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000`;
}

function cookieValue(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

const globalForSecret = globalThis as typeof globalThis & { dojoServerSecret?: Buffer };

/**
 * DOJO_SECRET when set (several instances must share it), else a random
 * secret for this process: ids then last as long as the in-memory state they name.
 */
export function serverSecret(env: Record<string, string | undefined> = process.env): Buffer {
  if (env.DOJO_SECRET) return Buffer.from(env.DOJO_SECRET);
  globalForSecret.dojoServerSecret ??= randomBytes(32);
  return globalForSecret.dojoServerSecret;
}
