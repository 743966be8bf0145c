/**
 * How values are shown. Secrets are masked on the server, so the settings page and
 * the lessons only ever receive `display` strings, never the token itself.
 */
import { SECRET_KEYS, type ConfigKey } from './types';

export const NOT_SET = '(not set)';

const MASK = '••••••••';
/** Revealing the last 4 characters is only safe when at least 8 stay hidden. */
const MIN_LENGTH_TO_SHOW_TAIL = 12;

/** Always the same number of dots, so the mask does not reveal the secret's length. */
export function maskSecret(secret: string): string {
  return secret.length >= MIN_LENGTH_TO_SHOW_TAIL ? `${MASK}${secret.slice(-4)}` : MASK;
}

/** "https://ada:pw@host/x" → "https://••••••••@host/x": a URL's user name and password, whatever the URL's shape. */
export function maskUrlCredentials(url: string): string {
  return url.replace(/\/\/[^/?#\s]*@/, `//${MASK}@`);
}

export function displayValue(key: ConfigKey, value: string | undefined): string {
  if (value === undefined) return NOT_SET;
  // A base URL with credentials is refused wherever it is read; masked here too, so a report can never show one.
  return SECRET_KEYS.has(key) ? maskSecret(value) : maskUrlCredentials(value);
}
