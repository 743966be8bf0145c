/**
 * How the demos show a token: its first 6 characters and an ellipsis —
 * enough to tell its kind (our JWTs start "eyJhbG", the stand-in's tokens
 * "standi"), never enough to use it. For our JWTs, the claims that tell them
 * apart (audience, subject, scopes) are shown beside it, read without verifying.
 */
import { decodeJwt } from 'jose';
import type { TokenShown } from './report';

const SHOWN_CHARACTERS = 6;

export function redact(token: string): string {
  return `${token.slice(0, SHOWN_CHARACTERS)}…`;
}

/** `Bearer eyJhbG…` */
export function redactedBearer(token: string): string {
  return `Bearer ${redact(token)}`;
}

export function showAccessToken(token: string): TokenShown {
  const claims = decodeJwt(token);
  return {
    kind: 'mcp-access-token',
    redacted: redact(token),
    ...(typeof claims.aud === 'string' && { audience: claims.aud }),
    ...(typeof claims.sub === 'string' && { subject: claims.sub }),
    ...(typeof claims.scope === 'string' && { scopes: claims.scope.split(' ').filter(Boolean) }),
  };
}

export function showTodoistToken(token: string): TokenShown {
  return { kind: 'todoist-token', redacted: redact(token) };
}

/** Either kind, told apart by shape: ours are JWTs (three dot-separated parts, a JSON header). */
export function showToken(token: string): TokenShown {
  return looksLikeJwt(token) ? showAccessToken(token) : showTodoistToken(token);
}

function looksLikeJwt(token: string): boolean {
  try {
    decodeJwt(token);
    return true;
  } catch {
    return false;
  }
}
