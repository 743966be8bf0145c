import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig, whereToSetToken } from '..';
import { FILE_TOKEN, SETTINGS_TOKEN, TOKEN, makeWorld, type World } from './world';

let world: World;
beforeEach(async () => {
  world = await makeWorld();
});
afterEach(() => world.cleanup());

const masked = (token: string) => `••••••••${token.slice(-4)}`;

describe('precedence: environment → config file → platform settings', () => {
  it('env only', async () => {
    const config = await resolveConfig(world.options({ TODOIST_API_TOKEN: TOKEN }));
    expect(config.todoistApiToken).toBe(TOKEN);
    expect(config.keys.todoistApiToken).toEqual({
      key: 'todoistApiToken',
      value: TOKEN,
      display: masked(TOKEN),
      source: 'environment',
      origin: 'TODOIST_API_TOKEN',
      shadowed: [],
    });
  });

  it('config file only', async () => {
    await world.write(world.localConfig, { todoistApiToken: FILE_TOKEN });
    const config = await resolveConfig(world.options());
    expect(config.todoistApiToken).toBe(FILE_TOKEN);
    expect(config.keys.todoistApiToken).toMatchObject({ source: 'config-file', origin: world.localConfig, shadowed: [] });
  });

  it('platform settings only', async () => {
    await world.write(world.settings, { todoistApiToken: SETTINGS_TOKEN });
    const config = await resolveConfig(world.options());
    expect(config.todoistApiToken).toBe(SETTINGS_TOKEN);
    expect(config.keys.todoistApiToken).toMatchObject({ source: 'platform-settings', origin: world.settings });
  });

  it('env beats the config file, which is reported as shadowed', async () => {
    await world.write(world.localConfig, { todoistApiToken: FILE_TOKEN });
    const config = await resolveConfig(world.options({ TODOIST_API_TOKEN: TOKEN }));
    expect(config.todoistApiToken).toBe(TOKEN);
    expect(config.keys.todoistApiToken.shadowed).toEqual([
      { source: 'config-file', origin: world.localConfig, display: masked(FILE_TOKEN) },
    ]);
  });

  it('the config file beats platform settings', async () => {
    await world.write(world.localConfig, { todoistApiBaseUrl: 'https://file.test/api/v1' });
    await world.write(world.settings, { todoistApiBaseUrl: 'https://settings.test/api/v1' });
    const config = await resolveConfig(world.options());
    expect(config.todoistApiBaseUrl).toBe('https://file.test/api/v1');
    expect(config.keys.todoistApiBaseUrl.shadowed).toEqual([
      { source: 'platform-settings', origin: world.settings, display: 'https://settings.test/api/v1' },
    ]);
  });

  it('env beats platform settings', async () => {
    await world.write(world.settings, { todoistApiToken: SETTINGS_TOKEN });
    const config = await resolveConfig(world.options({ TODOIST_API_TOKEN: TOKEN }));
    expect(config.todoistApiToken).toBe(TOKEN);
    expect(config.keys.todoistApiToken.shadowed).toEqual([
      { source: 'platform-settings', origin: world.settings, display: masked(SETTINGS_TOKEN) },
    ]);
  });

  it('all three: env wins and the other two are shadowed in precedence order', async () => {
    await world.write(world.localConfig, { todoistApiToken: FILE_TOKEN });
    await world.write(world.settings, { todoistApiToken: SETTINGS_TOKEN });
    const config = await resolveConfig(world.options({ TODOIST_API_TOKEN: TOKEN }));
    expect(config.keys.todoistApiToken.source).toBe('environment');
    expect(config.keys.todoistApiToken.shadowed.map((entry) => entry.source)).toEqual(['config-file', 'platform-settings']);
  });

  it('resolves each key on its own: the token from a file, the base URL from env', async () => {
    await world.write(world.settings, { todoistApiToken: SETTINGS_TOKEN });
    const config = await resolveConfig(world.options({ TODOIST_API_BASE_URL: 'http://127.0.0.1:4010/api/v1' }));
    expect(config.keys.todoistApiToken.source).toBe('platform-settings');
    expect(config.keys.todoistApiBaseUrl).toMatchObject({ source: 'environment', display: 'http://127.0.0.1:4010/api/v1' });
  });

  it('counts empty strings as unset, in the environment and in files', async () => {
    await world.write(world.localConfig, { todoistApiToken: '' });
    await world.write(world.settings, { todoistApiToken: SETTINGS_TOKEN });
    const config = await resolveConfig(world.options({ TODOIST_API_TOKEN: '', TODOIST_API_BASE_URL: '' }));
    expect(config.keys.todoistApiToken).toMatchObject({ source: 'platform-settings', shadowed: [] });
    expect(config.keys.todoistApiBaseUrl.source).toBe('default');
  });
});

describe('TODOIST_API_KEY, the official Todoist MCP server name', () => {
  it('is accepted on its own', async () => {
    const config = await resolveConfig(world.options({ TODOIST_API_KEY: TOKEN }));
    expect(config.todoistApiToken).toBe(TOKEN);
    expect(config.keys.todoistApiToken).toMatchObject({ source: 'environment', origin: 'TODOIST_API_KEY' });
  });

  it('loses to TODOIST_API_TOKEN, and the report says it was shadowed', async () => {
    const config = await resolveConfig(world.options({ TODOIST_API_TOKEN: TOKEN, TODOIST_API_KEY: FILE_TOKEN }));
    expect(config.todoistApiToken).toBe(TOKEN);
    expect(config.keys.todoistApiToken.origin).toBe('TODOIST_API_TOKEN');
    expect(config.keys.todoistApiToken.shadowed).toEqual([
      { source: 'environment', origin: 'TODOIST_API_KEY', display: masked(FILE_TOKEN) },
    ]);
  });
});

describe('which config file', () => {
  it('DOJO_CONFIG wins over ./dojo.config.json and XDG, and is the only path looked at', async () => {
    const explicit = await world.write(`${world.cwd}/elsewhere/custom.json`, { todoistApiToken: 'explicit-token-000' });
    await world.write(world.localConfig, { todoistApiToken: FILE_TOKEN });
    await world.write(world.xdgConfig, { todoistApiToken: 'xdg-token-00000000' });
    const config = await resolveConfig(world.options({ DOJO_CONFIG: 'elsewhere/custom.json' }));
    expect(config.keys.todoistApiToken).toMatchObject({ value: 'explicit-token-000', origin: explicit });
    expect(config.lookedAt.filter((place) => place.source === 'config-file')).toEqual([
      { source: 'config-file', origin: explicit, found: true },
    ]);
  });

  it('./dojo.config.json wins over XDG, which is then not looked at', async () => {
    await world.write(world.localConfig, { todoistApiToken: FILE_TOKEN });
    await world.write(world.xdgConfig, { todoistApiToken: 'xdg-token-00000000' });
    const config = await resolveConfig(world.options());
    expect(config.todoistApiToken).toBe(FILE_TOKEN);
    expect(config.keys.todoistApiToken.shadowed).toEqual([]); // only the first existing file is read
    expect(config.lookedAt.filter((place) => place.source === 'config-file')).toEqual([
      { source: 'config-file', origin: world.localConfig, found: true },
    ]);
  });

  it('falls back to ~/.config/mcp-dojo/config.json', async () => {
    await world.write(world.xdgConfig, { todoistApiToken: FILE_TOKEN });
    const config = await resolveConfig(world.options());
    expect(config.keys.todoistApiToken.origin).toBe(world.xdgConfig);
    expect(config.lookedAt.filter((place) => place.source === 'config-file')).toEqual([
      { source: 'config-file', origin: world.localConfig, found: false },
      { source: 'config-file', origin: world.xdgConfig, found: true },
    ]);
  });

  it('uses $XDG_CONFIG_HOME when it is absolute, and ignores it when relative (XDG spec)', async () => {
    const custom = await world.write(`${world.homeDir}/xdg/mcp-dojo/config.json`, { todoistApiToken: FILE_TOKEN });
    const absolute = await resolveConfig(world.options({ XDG_CONFIG_HOME: `${world.homeDir}/xdg` }));
    expect(absolute.keys.todoistApiToken.origin).toBe(custom);
    const relative = await resolveConfig(world.options({ XDG_CONFIG_HOME: 'xdg' }));
    expect(relative.lookedAt.map((place) => place.origin)).toContain(world.xdgConfig);
  });
});

describe('platform settings path', () => {
  it('is ./.dojo/settings.json by default, DOJO_SETTINGS_PATH overrides it, the settingsPath option overrides both', async () => {
    const lookedAtSettings = async (env: Record<string, string>, settingsPath?: string) =>
      (await resolveConfig(world.options(env, { settingsPath }))).lookedAt.find((place) => place.source === 'platform-settings')
        ?.origin;
    expect(await lookedAtSettings({})).toBe(world.settings);
    expect(await lookedAtSettings({ DOJO_SETTINGS_PATH: 'data/s.json' })).toBe(`${world.cwd}/data/s.json`);
    expect(await lookedAtSettings({ DOJO_SETTINGS_PATH: 'data/s.json' }, '/srv/s.json')).toBe('/srv/s.json');
  });
});

describe('defaults and the report', () => {
  it('defaults the base URL to production Todoist, reported as source "default"', async () => {
    const config = await resolveConfig(world.options());
    expect(config.todoistApiBaseUrl).toBe('https://api.todoist.com/api/v1');
    expect(config.keys.todoistApiBaseUrl).toMatchObject({ source: 'default', display: 'https://api.todoist.com/api/v1', shadowed: [] });
  });

  it('reports a missing token as not set', async () => {
    const config = await resolveConfig(world.options());
    expect(config.todoistApiToken).toBeUndefined();
    expect(config.keys.todoistApiToken).toMatchObject({ value: undefined, display: '(not set)', source: undefined, origin: undefined });
  });

  it('lists every place looked at, in order', async () => {
    const config = await resolveConfig(world.options());
    expect(config.lookedAt).toEqual([
      { source: 'environment', origin: 'TODOIST_API_TOKEN', found: false },
      { source: 'environment', origin: 'TODOIST_API_KEY', found: false },
      { source: 'environment', origin: 'TODOIST_API_BASE_URL', found: false },
      { source: 'config-file', origin: world.localConfig, found: false },
      { source: 'config-file', origin: world.xdgConfig, found: false },
      { source: 'platform-settings', origin: world.settings, found: false },
    ]);
  });

  it('whereToSetToken names the three ways and the exact paths looked at', async () => {
    await world.write(world.localConfig, { todoistApiBaseUrl: 'http://127.0.0.1:4010/api/v1' });
    expect(whereToSetToken(await resolveConfig(world.options()))).toBe(
      'Provide a Todoist API token in one of three ways: ' +
        '(1) set the TODOIST_API_TOKEN environment variable (TODOIST_API_KEY also works); ' +
        '(2) add "todoistApiToken" to a config file: set DOJO_CONFIG to its path, ' +
        `or use one of the paths looked at: ${world.localConfig} (found); ` +
        `(3) save it on the settings page, which stores it in ${world.settings} (not found).`,
    );
  });
});
