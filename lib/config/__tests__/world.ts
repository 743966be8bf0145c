import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ConfigOptions } from '../options';

/** A hermetic world per test: a temp project dir and home dir, and only the env the test passes. */
export async function makeWorld() {
  const root = await mkdtemp(join(tmpdir(), 'dojo-config-'));
  const cwd = join(root, 'project');
  const homeDir = join(root, 'home');
  await mkdir(cwd);
  await mkdir(homeDir);
  return {
    cwd,
    homeDir,
    localConfig: join(cwd, 'dojo.config.json'),
    xdgConfig: join(homeDir, '.config', 'mcp-dojo', 'config.json'),
    settings: join(cwd, '.dojo', 'settings.json'),
    options: (env: Record<string, string> = {}, extra: ConfigOptions = {}): ConfigOptions => ({ env, cwd, homeDir, ...extra }),
    async write(path: string, content: unknown): Promise<string> {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
      return path;
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

export type World = Awaited<ReturnType<typeof makeWorld>>;

export async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

export const TOKEN = 'env-token-0123456789abcdef3f9a';
export const FILE_TOKEN = 'file-token-0123456789abcd1111';
export const SETTINGS_TOKEN = 'settings-token-0123456789ab2222';
