/**
 * The three sources, each read into the same shape: the values it sets
 * ("candidates") and the exact places it looked. Precedence is not decided here
 * (see resolve.ts); every source is read in full, so a broken file is reported
 * even when a higher source overrides it.
 */
import { isAbsolute, join, resolve } from 'node:path';
import { ConfigError } from './errors';
import { readConfigJson, type FileSource } from './json-file';
import { readEnv, type ConfigContext, type Env } from './options';
import { platformSettingsPath } from './platform-settings';
import { urlProblem, type StoredConfig } from './schema';
import { CONFIG_KEYS, type ConfigKey, type LookedAt, type SourceName } from './types';

export interface Candidate {
  key: ConfigKey;
  value: string;
  source: SourceName;
  origin: string;
}

export interface SourceReading {
  candidates: Candidate[];
  lookedAt: LookedAt[];
}

/** In precedence order within the environment. */
const ENV_VARS: ReadonlyArray<readonly [name: string, key: ConfigKey]> = [
  ['TODOIST_API_TOKEN', 'todoistApiToken'],
  // The official Todoist MCP server's name, accepted so one .env serves both. Second, so it loses to TODOIST_API_TOKEN.
  ['TODOIST_API_KEY', 'todoistApiToken'],
  ['TODOIST_API_BASE_URL', 'todoistApiBaseUrl'],
];

export function readEnvironment(env: Env): SourceReading {
  const reading: SourceReading = { candidates: [], lookedAt: [] };
  for (const [name, key] of ENV_VARS) {
    const value = readEnv(env, name);
    reading.lookedAt.push({ source: 'environment', origin: name, found: value !== undefined });
    if (value === undefined) continue;
    const badUrl = key === 'todoistApiBaseUrl' ? urlProblem(value) : undefined;
    if (badUrl) {
      const details = { source: 'environment', origin: name, key } as const;
      throw new ConfigError(`${name} ${badUrl}. Fix or unset the variable.`, details);
    }
    reading.candidates.push({ key, value, source: 'environment', origin: name });
  }
  return reading;
}

/**
 * $DOJO_CONFIG alone if set; else ./dojo.config.json, then $XDG_CONFIG_HOME/mcp-dojo/config.json.
 * Only the first file that exists is read.
 */
export async function readConfigFile({ env, cwd, homeDir, fs }: ConfigContext): Promise<SourceReading> {
  const explicit = readEnv(env, 'DOJO_CONFIG');
  const paths = explicit
    ? [resolve(cwd, explicit)]
    : [resolve(cwd, 'dojo.config.json'), xdgConfigPath(env, homeDir)];
  const lookedAt: LookedAt[] = [];
  for (const path of paths) {
    const config = await readConfigJson(fs, path, 'config-file');
    lookedAt.push({ source: 'config-file', origin: path, found: config !== undefined });
    if (config) return { candidates: candidatesFrom(config, 'config-file', path), lookedAt };
  }
  if (explicit) {
    // Asked for by name, so a missing file is a mistake, not "no config".
    throw new ConfigError(
      `DOJO_CONFIG points to ${paths[0]}, but there is no file there. Create it, fix the path, or unset DOJO_CONFIG.`,
      { source: 'config-file', origin: 'DOJO_CONFIG' },
    );
  }
  return { candidates: [], lookedAt };
}

export async function readPlatformSettingsSource(context: ConfigContext): Promise<SourceReading> {
  const path = platformSettingsPath(context);
  const settings = await readConfigJson(context.fs, path, 'platform-settings');
  return {
    candidates: candidatesFrom(settings ?? {}, 'platform-settings', path),
    lookedAt: [{ source: 'platform-settings', origin: path, found: settings !== undefined }],
  };
}

/** The XDG spec says a relative $XDG_CONFIG_HOME is invalid and must be ignored. */
function xdgConfigPath(env: Env, homeDir: string): string {
  const xdg = readEnv(env, 'XDG_CONFIG_HOME');
  const configHome = xdg && isAbsolute(xdg) ? xdg : join(homeDir, '.config');
  return join(configHome, 'mcp-dojo', 'config.json');
}

/** An empty string in a file counts as unset, as in the environment (e.g. a template's `"todoistApiToken": ""`). */
function candidatesFrom(config: StoredConfig, source: FileSource, origin: string): Candidate[] {
  return CONFIG_KEYS.flatMap((key) => {
    const value = config[key];
    return value ? [{ key, value, source, origin }] : [];
  });
}
