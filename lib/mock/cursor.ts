/**
 * Opaque, tamper-evident cursors for the mock's list endpoints (and the same
 * signing for Sync's tokens, sync-token.ts).
 *
 * Like Todoist's, a cursor is bound to the parameters it was issued for (and to
 * the mock workspace, standing in for "the user"): sending it with other
 * parameters, editing it, or using another workspace's cursor is a 400. The
 * signature is a plain FNV-1a hash — enough to detect tampering in a mock,
 * not a security mechanism.
 */
export interface CursorState {
  offset: number;
}

export function encodeCursor(state: CursorState, binding: string, secret: string): string {
  return encodeSigned(`${state.offset}`, binding, secret);
}

/** Returns the state, or `undefined` if the cursor was not issued for this binding. */
export function decodeCursor(cursor: string, binding: string, secret: string): CursorState | undefined {
  const payload = decodeSigned(cursor, binding, secret);
  return payload !== undefined && /^\d+$/.test(payload) ? { offset: Number(payload) } : undefined;
}

/** An opaque token carrying `payload` (digits, letters, `:`, `-`, `_`), signed for `binding` under `secret`. */
export function encodeSigned(payload: string, binding: string, secret: string): string {
  return toBase64Url(`${payload}.${sign(`${secret}|${binding}|${payload}`)}`);
}

/** The payload of a token `encodeSigned` issued for this binding and secret; else `undefined`. */
export function decodeSigned(token: string, binding: string, secret: string): string | undefined {
  const decoded = fromBase64Url(token);
  const match = decoded === undefined ? null : /^([\w:-]+)\.([0-9a-f]{8})$/.exec(decoded);
  if (!match) return undefined;
  const [, payload = '', signature] = match;
  return sign(`${secret}|${binding}|${payload}`) === signature ? payload : undefined;
}

/** The request's parameters minus the cursor, in a stable order. */
export function cursorBinding(path: string, params: URLSearchParams): string {
  const entries = [...params.entries()].filter(([key]) => key !== 'cursor').sort(([a], [b]) => a.localeCompare(b));
  return `${path}?${new URLSearchParams(entries).toString()}`;
}

function sign(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function toBase64Url(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  try {
    return atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
}
