import * as nodeFs from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, readPlatformSettings, resolveConfig, savePlatformSettings, type SettingsPatch } from '..';
import { TOKEN, failure, makeWorld, type World } from './world';

let world: World;
beforeEach(async () => {
  world = await makeWorld();
});
afterEach(() => world.cleanup());

const mode = async (path: string) => (await nodeFs.stat(path)).mode & 0o777;

describe('savePlatformSettings', () => {
  it('writes a private file (0600) in a private directory (0700), read back by readPlatformSettings', async () => {
    await savePlatformSettings({ todoistApiToken: TOKEN }, world.options());
    expect(await mode(world.settings)).toBe(0o600);
    expect(await mode(`${world.cwd}/.dojo`)).toBe(0o700);
    expect(await readPlatformSettings(world.options())).toEqual({ todoistApiToken: TOKEN });
  });

  it('leaves no temp file behind', async () => {
    await savePlatformSettings({ todoistApiToken: TOKEN }, world.options());
    expect(await nodeFs.readdir(`${world.cwd}/.dojo`)).toEqual(['settings.json']);
  });

  it('tightens an existing file that was too open (the rename replaces it)', async () => {
    await world.write(world.settings, {});
    await nodeFs.chmod(world.settings, 0o644);
    await savePlatformSettings({ todoistApiToken: TOKEN }, world.options());
    expect(await mode(world.settings)).toBe(0o600);
  });

  it('merges, and null removes a key', async () => {
    await savePlatformSettings({ todoistApiToken: TOKEN }, world.options());
    await savePlatformSettings({ todoistApiBaseUrl: 'http://127.0.0.1:4010/api/v1' }, world.options());
    expect(await readPlatformSettings(world.options())).toEqual({
      todoistApiToken: TOKEN,
      todoistApiBaseUrl: 'http://127.0.0.1:4010/api/v1',
    });
    await savePlatformSettings({ todoistApiToken: null }, world.options());
    expect(await readPlatformSettings(world.options())).toEqual({ todoistApiBaseUrl: 'http://127.0.0.1:4010/api/v1' });
  });

  it('is picked up by resolveConfig on the next call', async () => {
    await savePlatformSettings({ todoistApiToken: TOKEN }, world.options());
    const config = await resolveConfig(world.options());
    expect(config.keys.todoistApiToken).toMatchObject({ value: TOKEN, source: 'platform-settings', origin: world.settings });
  });

  it('honours DOJO_SETTINGS_PATH', async () => {
    await savePlatformSettings({ todoistApiToken: TOKEN }, world.options({ DOJO_SETTINGS_PATH: 'state/s.json' }));
    expect(await mode(`${world.cwd}/state/s.json`)).toBe(0o600);
  });

  it.each([
    ['whitespace', `${TOKEN} \n`, 'must not contain spaces or line breaks'],
    ['an inner space', `${TOKEN.slice(0, 10)} ${TOKEN.slice(10)}`, 'must not contain spaces or line breaks'],
    ['too long', TOKEN.repeat(10), 'must be at most 200 characters'],
    ['empty', '', 'must not be empty'],
  ])('rejects a token with %s, without quoting it, and writes nothing', async (_case, token, expected) => {
    const error = await failure(savePlatformSettings({ todoistApiToken: token }, world.options()));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain(`"todoistApiToken" ${expected}`);
    expect(error.message).not.toContain(TOKEN);
    expect(error.message).not.toContain(TOKEN.slice(0, 10));
    await expect(nodeFs.stat(world.settings)).rejects.toThrow(/ENOENT/);
  });

  it('rejects a base URL that is not http(s)', async () => {
    const error = await failure(savePlatformSettings({ todoistApiBaseUrl: 'ftp://x' }, world.options()));
    expect(error.message).toBe('Cannot save platform settings: "todoistApiBaseUrl" must be an http(s) URL, got "ftp://x".');
  });

  it('rejects unknown keys and wrong types, which a form can send whatever the static type says', async () => {
    const typo = { todoistApiTokn: TOKEN } as unknown as SettingsPatch;
    expect((await failure(savePlatformSettings(typo, world.options()))).message).toContain('unknown key "todoistApiTokn"');
    const wrongType = { todoistApiToken: 42 } as unknown as SettingsPatch;
    expect((await failure(savePlatformSettings(wrongType, world.options()))).message).toContain(
      '"todoistApiToken" must be a string, got number',
    );
  });

  it('reports a failed write with the path and the fix, and cleans up the temp file', async () => {
    const removed: string[] = [];
    const fs = {
      ...nodeFs,
      rename: async () => {
        throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
      },
      rm: async (path: string) => {
        removed.push(path);
        await nodeFs.rm(path, { force: true });
      },
    };
    const error = await failure(savePlatformSettings({ todoistApiToken: TOKEN }, world.options({}, { fs })));
    expect(error.message).toBe(
      `Platform settings could not be saved to ${world.settings} (EROFS). ` +
        'Make sure the server can write there, or set DOJO_SETTINGS_PATH to a writable path.',
    );
    expect(removed).toHaveLength(1);
    expect(await nodeFs.readdir(`${world.cwd}/.dojo`)).toEqual([]);
  });
});

describe('readPlatformSettings', () => {
  it('is empty when nothing was saved yet', async () => {
    expect(await readPlatformSettings(world.options())).toEqual({});
  });
});

describe('concurrent saves (the settings page saves the token and the base URL separately)', () => {
  /** Ten saves at once, alternating keys: save i sets the token to token-i or the base URL to …/i. */
  const tenSaves = () =>
    Array.from({ length: 10 }, (_, i): SettingsPatch =>
      i % 2 === 0 ? { todoistApiToken: `token-${i}-0123456789` } : { todoistApiBaseUrl: `http://127.0.0.1:4010/api/v${i}` },
    );
  const lastOfEach = { todoistApiToken: 'token-8-0123456789', todoistApiBaseUrl: 'http://127.0.0.1:4010/api/v9' };

  it('keep every key, and the last save of each wins, even when every read is slow', async () => {
    // Each read waits a little, so without a lock every save reads the file before any has written it.
    const slowReads = { ...nodeFs, readFile: async (path: string, encoding: 'utf8') => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return nodeFs.readFile(path, encoding);
    } };
    await Promise.all(tenSaves().map((patch) => savePlatformSettings(patch, world.options({}, { fs: slowReads }))));
    expect(await readPlatformSettings(world.options())).toEqual(lastOfEach);
  });

  it('keep every key, 50 times over on the real file system, and leave no temp file', async () => {
    for (let trial = 0; trial < 50; trial++) {
      await nodeFs.rm(world.settings, { force: true });
      await Promise.all(tenSaves().map((patch) => savePlatformSettings(patch, world.options())));
      expect(await readPlatformSettings(world.options())).toEqual(lastOfEach);
    }
    expect(await nodeFs.readdir(`${world.cwd}/.dojo`)).toEqual(['settings.json']);
  });

  it('a failed save does not block the next one', async () => {
    const denied = Object.assign(new Error('EACCES'), { code: 'EACCES' });
    const failing = savePlatformSettings({ todoistApiToken: TOKEN }, world.options({}, { fs: { ...nodeFs, writeFile: () => Promise.reject(denied) } }));
    const next = savePlatformSettings({ todoistApiBaseUrl: 'http://127.0.0.1:4010/api/v1' }, world.options());
    await expect(failing).rejects.toThrow(ConfigError);
    await next;
    expect(await readPlatformSettings(world.options())).toEqual({ todoistApiBaseUrl: 'http://127.0.0.1:4010/api/v1' });
  });
});
