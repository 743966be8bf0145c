/**
 * Platform settings: what the user saved on the app's settings page.
 *
 * Stored on the server as JSON, in the same shape as the config file. Because the
 * file holds the token it is private to the server's user (file 0600, directory
 * 0700), and it is replaced atomically (temp file + rename) so a crash mid-write
 * leaves the old settings or the new ones, never half a file; saves take turns
 * (file-lock.ts), so two at once both keep their change.
 */
import { randomUUID } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { ConfigError, errnoCode } from './errors';
import { withFileLock } from './file-lock';
import { readConfigJson } from './json-file';
import { readEnv, withDefaults, type ConfigContext, type ConfigFs, type ConfigOptions } from './options';
import {
  SettingsPatchSchema,
  describeFirstIssue,
  tokenProblem,
  urlProblem,
  type SettingsPatch,
  type StoredConfig,
} from './schema';
import { CONFIG_KEYS } from './types';

const DEFAULT_SETTINGS_PATH = '.dojo/settings.json';

/** The `settingsPath` option, else $DOJO_SETTINGS_PATH, else ./.dojo/settings.json — relative to cwd. */
export function platformSettingsPath(context: Pick<ConfigContext, 'env' | 'cwd' | 'settingsPath'>): string {
  const chosen = context.settingsPath ?? readEnv(context.env, 'DOJO_SETTINGS_PATH') ?? DEFAULT_SETTINGS_PATH;
  return resolve(context.cwd, chosen);
}

/** The saved settings; `{}` when nothing was saved yet. */
export async function readPlatformSettings(options?: ConfigOptions): Promise<StoredConfig> {
  const context = withDefaults(options);
  return (await readConfigJson(context.fs, platformSettingsPath(context), 'platform-settings')) ?? {};
}

/** Merges `patch` into the saved settings: a string sets a key, `null` removes it, an absent key is kept. */
export async function savePlatformSettings(patch: SettingsPatch, options?: ConfigOptions): Promise<void> {
  const context = withDefaults(options);
  const path = platformSettingsPath(context);
  // Checked at run time too: the patch arrives from a form, whatever its static type says.
  const checked = checkPatch(patch, path);
  // Read, merge and write as one step: two saves at once must not both merge into the same old file.
  await withFileLock(path, async () => {
    const current = (await readConfigJson(context.fs, path, 'platform-settings')) ?? {};
    await writePrivateFile(context.fs, path, `${JSON.stringify(applyPatch(current, checked), null, 2)}\n`);
  });
}

/** The patch as zod reads it, or a ConfigError naming the key at fault (and never quoting its value). */
export function checkPatch(patch: unknown, path: string): SettingsPatch {
  const fail = (problem: string, key?: string) =>
    new ConfigError(`Cannot save platform settings: ${problem}`, { source: 'platform-settings', origin: path, key });
  const parsed = SettingsPatchSchema.safeParse(patch);
  if (!parsed.success) {
    const problem = describeFirstIssue(parsed.error, patch);
    throw fail(`${problem.text}.`, problem.key);
  }
  const { todoistApiToken: token, todoistApiBaseUrl: baseUrl } = parsed.data;
  const badToken = typeof token === 'string' ? tokenProblem(token) : undefined;
  if (badToken) throw fail(`"todoistApiToken" ${badToken}. Paste only the token.`, 'todoistApiToken');
  const badUrl = typeof baseUrl === 'string' ? urlProblem(baseUrl) : undefined;
  if (badUrl) throw fail(`"todoistApiBaseUrl" ${badUrl}.`, 'todoistApiBaseUrl');
  return parsed.data;
}

function applyPatch(current: StoredConfig, patch: SettingsPatch): StoredConfig {
  const next = { ...current };
  for (const key of CONFIG_KEYS) {
    const value = patch[key];
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return next;
}

async function writePrivateFile(fs: ConfigFs, path: string, text: string): Promise<void> {
  const temp = `${path}.${randomUUID()}.tmp`;
  try {
    // Creates missing directories private; an existing directory is the user's and is left as it is.
    await fs.mkdir(dirname(path), { recursive: true, mode: 0o700 });
    // The umask can only narrow 0600, never widen it. 'wx' never reuses an existing file or symlink.
    await fs.writeFile(temp, text, { mode: 0o600, flag: 'wx' });
    // Same directory, so rename is atomic: readers see the old file or the new one.
    await fs.rename(temp, path);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined); // best effort: the original error matters
    throw new ConfigError(
      `Platform settings could not be saved to ${path} (${errnoCode(error) ?? 'write failed'}). ` +
        'Make sure the server can write there, or set DOJO_SETTINGS_PATH to a writable path.',
      { source: 'platform-settings', origin: path, cause: error },
    );
  }
}
