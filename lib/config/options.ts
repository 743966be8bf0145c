/**
 * Everything discovery reads from the outside world, injectable.
 *
 * Defaults are the real process values; tests pass their own environment, a temp
 * directory as `cwd` and `homeDir`, and sometimes a fake `fs` to simulate failures
 * the real one cannot produce on demand (EACCES when running as root).
 */
import * as nodeFs from 'node:fs/promises';
import { homedir } from 'node:os';

/** The file operations discovery uses — a subset of node:fs/promises. */
export interface ConfigFs {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  writeFile(path: string, data: string, options: { mode: number; flag: string }): Promise<void>;
  mkdir(path: string, options: { recursive: true; mode: number }): Promise<string | undefined>;
  rename(oldPath: string, newPath: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
}

export type Env = Readonly<Record<string, string | undefined>>;

export interface ConfigOptions {
  /** Default: process.env. */
  env?: Env;
  /** Where relative paths start (./dojo.config.json, ./.dojo/settings.json). Default: process.cwd(). */
  cwd?: string;
  /** Home of ~/.config. Default: os.homedir(). */
  homeDir?: string;
  /** The platform settings file. Default: $DOJO_SETTINGS_PATH, else ./.dojo/settings.json. */
  settingsPath?: string;
  /** Default: node:fs/promises. */
  fs?: ConfigFs;
}

export interface ConfigContext {
  env: Env;
  cwd: string;
  homeDir: string;
  settingsPath: string | undefined;
  fs: ConfigFs;
}

export function withDefaults(options: ConfigOptions = {}): ConfigContext {
  return {
    env: options.env ?? process.env,
    cwd: options.cwd ?? process.cwd(),
    homeDir: options.homeDir ?? homedir(),
    settingsPath: options.settingsPath,
    fs: options.fs ?? nodeFs,
  };
}

/** An empty variable counts as unset: `TODOIST_API_TOKEN=` in a .env file means "no token", not "the empty token". */
export function readEnv(env: Env, name: string): string | undefined {
  return env[name] || undefined;
}
