export * from './types';
export { ConfigError } from './errors';
export type { ConfigOptions, ConfigFs } from './options';
export type { StoredConfig, SettingsPatch } from './schema';
export { maskSecret } from './mask';
export { resolveConfig } from './resolve';
export { describeForDisplay, whereToSetToken, type ConfigReport, type KeyReport } from './report';
export { readPlatformSettings, savePlatformSettings } from './platform-settings';
