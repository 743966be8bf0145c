/**
 * What the token-exposure check looks for, and how: the secrets of the e2e
 * apps (derived from their DOJO_SECRET with the app's own functions) in
 * every encoding a leak could take, and the shapes of the Todoist tokens the
 * stand-ins issue (random, so only their shape can be searched for).
 * Findings name the kind of secret, never its value: the report must not
 * become the leak.
 */
import { readFileSync } from 'node:fs';
import { authKeysFrom } from '@/lib/auth/keys';
import { standinOAuthApp } from '@/lib/mock/standin-oauth-app';

export interface Needle {
  kind: string;
  value: string;
}

export interface Shape {
  kind: string;
  pattern: RegExp;
}

/** Todoist tokens the stand-ins hand out; none may reach a page, a log or a client. */
export const TOKEN_SHAPES: Shape[] = [
  // lib/mock/standin-oauth-grants.ts: `standin_oauth_` + 20 random bytes in hex.
  { kind: 'a Todoist token (stand-in OAuth, standin_oauth_…)', pattern: /standin_oauth_[0-9a-f]{40}/ },
  // lib/mcp/http/builtin-standin.ts: `standin.<base64url account>.<base64url HMAC-SHA256>`.
  { kind: 'a Todoist token (built-in stand-in, standin.<account>.<signature>)', pattern: /standin\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/ },
];

/** Each way a key's bytes could be written out: hex (both cases), base64 and base64url (without padding). */
function encodings(kind: string, bytes: Uint8Array): Needle[] {
  const buffer = Buffer.from(bytes);
  const hex = buffer.toString('hex');
  return [
    { kind: `${kind} (hex)`, value: hex },
    { kind: `${kind} (hex)`, value: hex.toUpperCase() },
    { kind: `${kind} (base64)`, value: buffer.toString('base64').replace(/=+$/, '') },
    { kind: `${kind} (base64url)`, value: buffer.toString('base64url') },
  ];
}

/**
 * The secrets of an app started with `dojoSecret` (and `env`, as the app reads it), plus a configured Todoist
 * token. Derived with the app's own functions, so the check follows any change in how keys are made.
 */
export function secretsOf(dojoSecret: string, configuredToken: string, env: Record<string, string | undefined> = process.env): Needle[] {
  const secret = Buffer.from(dojoSecret);
  const keys = authKeysFrom(secret, env);
  const needles = [
    { kind: 'the server secret (DOJO_SECRET)', value: dojoSecret },
    { kind: 'the configured Todoist token (TODOIST_API_TOKEN)', value: configuredToken },
    { kind: "the stand-in OAuth app's client secret", value: standinOAuthApp(secret).clientSecret },
    ...encodings('the access-token signing key', keys.signing),
    ...encodings('the vault key', keys.vault),
  ];
  // A short needle would match by chance and make the check cry wolf.
  for (const { kind, value } of needles) if (value.length < 8) throw new Error(`${kind} is too short to search for`);
  return needles;
}

/** The kinds of secret in `text`, each once. */
export function findSecrets(text: string, needles: Needle[], shapes: Shape[] = TOKEN_SHAPES): string[] {
  const found = new Set<string>();
  for (const { kind, value } of needles) if (text.includes(value)) found.add(kind);
  for (const { kind, pattern } of shapes) if (pattern.test(text)) found.add(kind);
  return [...found];
}

/** Reads a file as bytes-as-characters (latin1): every secret is ASCII, and no byte sequence can fail to decode. */
export function findSecretsInFile(file: string, needles: Needle[], shapes?: Shape[]): { kinds: string[]; bytes: number } {
  const content = readFileSync(file);
  return { kinds: findSecrets(content.toString('latin1'), needles, shapes), bytes: content.length };
}
