/**
 * Reading the settings report for the page: names for the sources, and where
 * the value saved on this page stands against the environment and config file.
 */
import type { ConfigReport, KeyReport, SourceEntry, SourceName } from '@/lib/config';
import type { SettingsBody, SettingsReport } from '@/lib/config/settings-endpoint';

export const SOURCE_LABELS: Record<SourceName, string> = {
  environment: 'Environment',
  'config-file': 'Config file',
  'platform-settings': 'Settings page',
  default: 'Built-in default',
};

/** The GET body is either a report or the configuration error to show. */
export function isReport(body: SettingsBody): body is SettingsReport {
  return !('error' in body);
}

/** The winner of a key as an entry, or undefined when no source sets it. */
export function winningEntry(key: KeyReport): SourceEntry | undefined {
  if (!key.source || !key.origin) return undefined;
  return { source: key.source, origin: key.origin, display: key.display };
}

/** The value saved on this page, whether it is in effect or shadowed by a higher source. */
export function savedOnThisPage(key: KeyReport): SourceEntry | undefined {
  const winner = winningEntry(key);
  if (winner?.source === 'platform-settings') return winner;
  return key.shadowed.find((entry) => entry.source === 'platform-settings');
}

/** The environment variable or config file that wins over anything saved on this page, if one does. */
export function overridingEntry(key: KeyReport): SourceEntry | undefined {
  const winner = winningEntry(key);
  return winner?.source === 'environment' || winner?.source === 'config-file' ? winner : undefined;
}

/** The file this page saves to, as the server reported it. */
export function settingsFilePath(report: ConfigReport): string | undefined {
  return report.lookedAt.find((place) => place.source === 'platform-settings')?.origin;
}
