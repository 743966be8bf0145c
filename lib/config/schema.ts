/**
 * The shape of the config file and of the platform settings file (they are the
 * same), and the checks on individual values.
 *
 * Objects are strict: an unknown key is an error, because a typo such as
 * "todoistApiTokn" would otherwise be ignored and the token silently missing.
 * Problems are described in words that name the key but never quote a value,
 * since the value may be the token.
 */
import { z } from 'zod';
import { maskUrlCredentials } from './mask';
import { CONFIG_KEYS } from './types';

export const StoredConfigSchema = z.strictObject({
  todoistApiToken: z.string().optional(),
  todoistApiBaseUrl: z.string().optional(),
});
export type StoredConfig = z.infer<typeof StoredConfigSchema>;

/** A change from the settings page: a new value, `null` to remove the key, or absent to keep it. */
export const SettingsPatchSchema = z.strictObject({
  todoistApiToken: z.string().nullable().optional(),
  todoistApiBaseUrl: z.string().nullable().optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export interface Problem {
  /** e.g. `"todoistApiToken" must be a string, got number` */
  text: string;
  /** e.g. `Fix the value or remove the key.` */
  fix: string;
  key?: string;
}

/** Puts zod's first issue into words. */
export function describeFirstIssue(error: z.ZodError, input: unknown): Problem {
  const issue = error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const noun = issue.keys.length === 1 ? 'unknown key' : 'unknown keys';
    return {
      text: `${noun} ${quoted(issue.keys)} (allowed keys: ${quoted(CONFIG_KEYS)})`,
      fix: 'Fix the spelling or remove the key.',
      key: issue.keys[0],
    };
  }
  const key = issue?.path[0];
  if (issue?.code === 'invalid_type' && typeof key === 'string') {
    const value = (input as Record<string, unknown>)[key];
    return {
      text: `"${key}" must be a ${issue.expected}, got ${jsonType(value)}`,
      fix: 'Fix the value or remove the key.',
      key,
    };
  }
  return {
    text: `must hold a JSON object such as {"todoistApiToken": "…"}, got ${jsonType(input)}`,
    fix: 'Write a JSON object with the allowed keys.',
  };
}

/**
 * Why `value` cannot be a base URL, or undefined when it can. Every real request goes there with the token in
 * its Authorization header: so HTTPS, except to this machine, and no credentials of its own in the URL.
 * The value is quoted with any user name and password masked.
 */
export function urlProblem(value: string): string | undefined {
  const shown = JSON.stringify(maskUrlCredentials(value));
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') return `must be an http(s) URL, got ${shown}`;
  if (url.username || url.password) {
    return `must not hold a user name or password (user:password@), got ${shown}: the Todoist token is the only credential, and it is sent in a header`;
  }
  if (url.protocol === 'http:' && !isLoopbackHostname(url.hostname)) {
    return `must use https:// (plain http:// only on this machine: localhost, 127.0.0.1, [::1]), got ${shown}: the token travels with every request`;
  }
  return undefined;
}

/** localhost, 127.0.0.0/8 and [::1]: plain HTTP there never leaves the machine. */
function isLoopbackHostname(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

const MAX_TOKEN_LENGTH = 200;

/**
 * Why `token` cannot be a Todoist token, or undefined when it looks plausible.
 * Catches paste accidents when saving, instead of as a 401 later. Never quotes the token.
 */
export function tokenProblem(token: string): string | undefined {
  if (token === '') return 'must not be empty (send null to remove the token)';
  if (/\s/.test(token)) return 'must not contain spaces or line breaks (often a copy-paste accident)';
  if (token.length > MAX_TOKEN_LENGTH) return `must be at most ${MAX_TOKEN_LENGTH} characters`;
  return undefined;
}

function quoted(keys: readonly string[]): string {
  return keys.map((key) => `"${key}"`).join(', ');
}

/** The JSON name of a value's type — safe to print, unlike the value. */
function jsonType(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}
