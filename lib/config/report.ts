/**
 * What may leave the server: the settings page and the lessons get these,
 * built from `display` strings only — never from values.
 */
import type { ConfigKey, KeyResolution, LookedAt, ResolvedConfig, SourceName } from './types';

export type KeyReport = Omit<KeyResolution, 'value'>;

/** JSON-safe and free of secrets. */
export interface ConfigReport {
  keys: Record<ConfigKey, KeyReport>;
  lookedAt: LookedAt[];
}

export function describeForDisplay(resolved: ResolvedConfig): ConfigReport {
  return {
    keys: {
      todoistApiToken: reportKey(resolved.keys.todoistApiToken),
      todoistApiBaseUrl: reportKey(resolved.keys.todoistApiBaseUrl),
    },
    lookedAt: resolved.lookedAt.map(({ source, origin, found }) => ({ source, origin, found })),
  };
}

/** Copies field by field, rather than deleting `value`, so a field added later cannot leak by default. */
function reportKey({ key, display, source, origin, shadowed }: KeyResolution): KeyReport {
  return {
    key,
    display,
    source,
    origin,
    shadowed: shadowed.map((entry) => ({ source: entry.source, origin: entry.origin, display: entry.display })),
  };
}

/** For the "no token in real mode" error: the three ways to provide one, and the exact places that were checked. */
export function whereToSetToken(resolved: ResolvedConfig): string {
  const places = (source: SourceName) =>
    resolved.lookedAt
      .filter((place) => place.source === source)
      .map((place) => `${place.origin} (${place.found ? 'found' : 'not found'})`)
      .join(', ');
  return (
    'Provide a Todoist API token in one of three ways: ' +
    '(1) set the TODOIST_API_TOKEN environment variable (TODOIST_API_KEY also works); ' +
    '(2) add "todoistApiToken" to a config file: set DOJO_CONFIG to its path, ' +
    `or use one of the paths looked at: ${places('config-file')}; ` +
    `(3) save it on the settings page, which stores it in ${places('platform-settings')}.`
  );
}
