/**
 * Precedence: environment → config file → platform settings → default.
 * For each key the first source that sets it wins; the others are kept as
 * `shadowed`, so the report can explain why a value elsewhere has no effect.
 * The token goes only to a base URL from its own source or a stronger one
 * (token-destination.ts).
 */
import { DEFAULT_TODOIST_BASE_URL } from '../todoist/transport';
import { ConfigError } from './errors';
import { displayValue } from './mask';
import { withDefaults, type ConfigOptions } from './options';
import { readConfigFile, readEnvironment, readPlatformSettingsSource, type Candidate } from './sources';
import { tokenDestinationProblem } from './token-destination';
import type { ConfigKey, KeyResolution, ResolvedConfig } from './types';

const DEFAULTS: Partial<Record<ConfigKey, string>> = {
  todoistApiBaseUrl: DEFAULT_TODOIST_BASE_URL,
};

/** Reads every source now — call it per request, so a newly saved setting takes effect without a restart. */
export async function resolveConfig(options?: ConfigOptions): Promise<ResolvedConfig> {
  const context = withDefaults(options);
  const readings = [
    readEnvironment(context.env),
    await readConfigFile(context),
    await readPlatformSettingsSource(context),
  ];
  const candidates = readings.flatMap((reading) => reading.candidates);
  const keys = {
    todoistApiToken: resolveKey('todoistApiToken', candidates),
    todoistApiBaseUrl: resolveKey('todoistApiBaseUrl', candidates),
  };
  refuseRedirectedToken(keys.todoistApiToken, keys.todoistApiBaseUrl);
  return {
    todoistApiToken: keys.todoistApiToken.value,
    todoistApiBaseUrl: keys.todoistApiBaseUrl.value ?? DEFAULT_TODOIST_BASE_URL,
    keys,
    lookedAt: readings.flatMap((reading) => reading.lookedAt),
  };
}

/** A base URL from a weaker source than the token's would decide where the token goes: a configuration error. */
function refuseRedirectedToken(token: KeyResolution, baseUrl: KeyResolution): void {
  const refusal = tokenDestinationProblem(token, baseUrl);
  if (!refusal || baseUrl.source === undefined) return;
  throw new ConfigError(`${refusal.problem} ${refusal.fix} Or remove "todoistApiBaseUrl" from ${baseUrl.origin}.`, {
    source: baseUrl.source,
    origin: baseUrl.origin ?? '',
    key: 'todoistApiBaseUrl',
  });
}

function resolveKey(key: ConfigKey, candidates: Candidate[]): KeyResolution {
  // The default is used only when no source sets the key, so it is never listed as shadowed.
  const [winner = defaultFor(key), ...shadowed] = candidates.filter((candidate) => candidate.key === key);
  return {
    key,
    value: winner?.value,
    display: displayValue(key, winner?.value),
    source: winner?.source,
    origin: winner?.origin,
    shadowed: shadowed.map(({ source, origin, value }) => ({ source, origin, display: displayValue(key, value) })),
  };
}

function defaultFor(key: ConfigKey): Candidate | undefined {
  const value = DEFAULTS[key];
  return value === undefined ? undefined : { key, value, source: 'default', origin: 'built-in default' };
}
