/**
 * The vocabulary of configuration discovery: which keys exist, where a value can
 * come from, and the report that says, for each key, which source won and why.
 */

export const CONFIG_KEYS = ['todoistApiToken', 'todoistApiBaseUrl'] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];

/** Keys whose values are shown masked, everywhere. */
export const SECRET_KEYS: ReadonlySet<ConfigKey> = new Set(['todoistApiToken']);

/** Where a value came from. The first three are searched in this order; "default" is the built-in fallback. */
export type SourceName = 'environment' | 'config-file' | 'platform-settings' | 'default';

/** A value a source set, as it may be shown: `display` is masked for secrets. */
export interface SourceEntry {
  source: SourceName;
  /** The variable or absolute file path, e.g. "TODOIST_API_TOKEN" or "/app/dojo.config.json". */
  origin: string;
  display: string;
}

export interface KeyResolution {
  key: ConfigKey;
  /** The real value. Server only: never send it to a browser or a log. */
  value: string | undefined;
  /** What to show: masked for secrets ("••••••••3f9a"), the value otherwise, or "(not set)". */
  display: string;
  source: SourceName | undefined;
  origin: string | undefined;
  /** Values other sources also set, which lost to the winner — the usual answer to "why is my change ignored?". */
  shadowed: SourceEntry[];
}

/** One place that was checked, whether or not anything was there. */
export interface LookedAt {
  source: SourceName;
  origin: string;
  found: boolean;
}

/** The outcome of discovery. Holds the token: keep it on the server (see describeForDisplay). */
export interface ResolvedConfig {
  todoistApiToken?: string;
  todoistApiBaseUrl: string;
  keys: Record<ConfigKey, KeyResolution>;
  lookedAt: LookedAt[];
}
