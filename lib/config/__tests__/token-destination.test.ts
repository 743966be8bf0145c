/**
 * Where the server-wide token may be sent. The base URL decides where every
 * real request goes, Authorization header included, so it must come from a
 * place at least as trusted as the token's: a base URL saved on the settings
 * page must not send the token from the environment to a logger of someone's
 * choosing. And the token travels over HTTPS, except on this machine; a URL
 * never carries credentials, and an error never shows a password.
 */
import * as nodeFs from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serveFetch } from '@/lib/http/serve-fetch';
import { createRealSource } from '@/lib/mcp/source';
import { loadRealConfig } from '@/lib/mcp/real-config';
import { ConfigError, resolveConfig } from '..';
import { handleSettingsGet, handleSettingsPost } from '../settings-endpoint';
import { FILE_TOKEN, SETTINGS_TOKEN, TOKEN, failure, makeWorld, type World } from './world';

let world: World;
beforeEach(async () => {
  world = await makeWorld();
});
afterEach(() => world.cleanup());

const LOOPBACK_URL = 'http://127.0.0.1:4799/api/v1';
const HTTPS_URL = 'https://todoist.example/api/v1';

describe('a token goes only to a base URL set beside it, or at a higher precedence', () => {
  it.each([
    ['environment token, environment base URL', { TODOIST_API_TOKEN: TOKEN, TODOIST_API_BASE_URL: LOOPBACK_URL }, {}, {}],
    ['config-file token, config-file base URL', {}, { todoistApiToken: FILE_TOKEN, todoistApiBaseUrl: HTTPS_URL }, {}],
    ['settings token, settings base URL', {}, {}, { todoistApiToken: SETTINGS_TOKEN, todoistApiBaseUrl: LOOPBACK_URL }],
    ['config-file token, environment base URL (higher)', { TODOIST_API_BASE_URL: LOOPBACK_URL }, { todoistApiToken: FILE_TOKEN }, {}],
    ['settings token, config-file base URL (higher)', {}, { todoistApiBaseUrl: HTTPS_URL }, { todoistApiToken: SETTINGS_TOKEN }],
    ['environment token, the built-in Todoist API', { TODOIST_API_TOKEN: TOKEN }, {}, {}],
    ['environment token and base URL, a saved base URL shadowed', { TODOIST_API_TOKEN: TOKEN, TODOIST_API_BASE_URL: HTTPS_URL }, {}, { todoistApiBaseUrl: LOOPBACK_URL }],
    ['no token at all, a saved base URL', {}, {}, { todoistApiBaseUrl: LOOPBACK_URL }],
  ])('%s: resolves', async (_case, env, configFile, settings) => {
    if (Object.keys(configFile).length) await world.write(world.localConfig, configFile);
    if (Object.keys(settings).length) await world.write(world.settings, settings);
    await expect(resolveConfig(world.options(env))).resolves.toBeDefined();
  });

  it('environment token, base URL saved on the settings page: a ConfigError that says where to set the base URL', async () => {
    await world.write(world.settings, { todoistApiBaseUrl: LOOPBACK_URL });
    const error = await failure(resolveConfig(world.options({ TODOIST_API_TOKEN: TOKEN })));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ source: 'platform-settings', origin: world.settings, key: 'todoistApiBaseUrl' });
    expect(error.message).toContain('the environment variable TODOIST_API_TOKEN');
    expect(error.message).toContain(`this settings page (saved in ${world.settings})`);
    expect(error.message).toContain('Set TODOIST_API_BASE_URL beside TODOIST_API_TOKEN');
    expect(error.message).toContain(`remove "todoistApiBaseUrl" from ${world.settings}`);
    expect(error.message).not.toContain(TOKEN);
  });

  it('environment token, base URL in the config file: refused too', async () => {
    await world.write(world.localConfig, { todoistApiBaseUrl: HTTPS_URL });
    const error = await failure(resolveConfig(world.options({ TODOIST_API_TOKEN: TOKEN })));
    expect(error.message).toContain(`the config file ${world.localConfig}`);
    expect(error.message).toContain('Set TODOIST_API_BASE_URL beside TODOIST_API_TOKEN');
  });

  it('config-file token, base URL saved on the settings page: refused, naming the config file as the place for it', async () => {
    await world.write(world.localConfig, { todoistApiToken: FILE_TOKEN });
    await world.write(world.settings, { todoistApiBaseUrl: LOOPBACK_URL });
    const error = await failure(resolveConfig(world.options()));
    expect(error.message).toContain(`Set "todoistApiBaseUrl" in ${world.localConfig}`);
  });

  it('the attack: a saved base URL pointing at a logger receives nothing, and the real backend answers with the config error', async () => {
    const received: string[] = [];
    const logger = await serveFetch(async (request) => {
      received.push(request.headers.get('authorization') ?? '(none)');
      return Response.json({ results: [], next_cursor: null });
    });
    try {
      const config = world.options({ TODOIST_API_TOKEN: TOKEN });
      const saved = await handleSettingsPost(
        new Request('http://127.0.0.1:3000/api/settings', {
          method: 'POST',
          headers: { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000', 'content-type': 'application/json' },
          body: JSON.stringify({ todoistApiBaseUrl: `${logger.origin}/api/v1` }),
        }),
        { config, policy: { origins: [], hosts: [] } },
      );
      expect(saved.status).toBe(400);
      expect((await saved.json()).error).toContain('Set TODOIST_API_BASE_URL beside TODOIST_API_TOKEN');
      await expect(nodeFs.access(world.settings)).rejects.toThrow();

      // Even written by hand, the file cannot redirect the token.
      await world.write(world.settings, { todoistApiBaseUrl: `${logger.origin}/api/v1` });
      const source = createRealSource({ loadConfig: () => loadRealConfig(config) });
      await expect(source.client({ requests: 0, bytes: 0 } as never)).rejects.toThrow(ConfigError);
      expect(received).toEqual([]);
    } finally {
      await logger.close();
    }
  });

  it('saving a base URL beside an environment base URL is allowed: it is shadowed, and says so', async () => {
    const config = world.options({ TODOIST_API_TOKEN: TOKEN, TODOIST_API_BASE_URL: HTTPS_URL });
    const saved = await handleSettingsPost(
      new Request('http://127.0.0.1:3000/api/settings', {
        method: 'POST',
        headers: { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000', 'content-type': 'application/json' },
        body: JSON.stringify({ todoistApiBaseUrl: LOOPBACK_URL }),
      }),
      { config, policy: { origins: [], hosts: [] } },
    );
    expect(saved.status).toBe(200);
    expect((await saved.json()).keys.todoistApiBaseUrl).toMatchObject({ source: 'environment', shadowed: [expect.objectContaining({ display: LOOPBACK_URL })] });
  });
});

describe('a base URL is HTTPS (plain HTTP on loopback only) and holds no credentials', () => {
  it.each(['http://localhost:4010/api/v1', 'http://127.0.0.1:4010/api/v1', 'http://127.1.2.3/api/v1', 'http://[::1]:4010/api/v1', HTTPS_URL])(
    '%s is accepted',
    async (url) => {
      await expect(resolveConfig(world.options({ TODOIST_API_TOKEN: TOKEN, TODOIST_API_BASE_URL: url }))).resolves.toBeDefined();
    },
  );

  it.each(['http://todoist.example/api/v1', 'http://10.0.0.5:4010/api/v1', 'http://localhost.evil.example/api/v1'])(
    '%s (plain HTTP off this machine) is refused, saying why',
    async (url) => {
      const error = await failure(resolveConfig(world.options({ TODOIST_API_BASE_URL: url })));
      expect(error.message).toContain('TODOIST_API_BASE_URL must use https://');
      expect(error.message).toContain('only on this machine');
    },
  );

  it.each([
    ['the environment', async () => failure(resolveConfig(world.options({ TODOIST_API_BASE_URL: 'https://ada:s3cret-pass@todoist.example/api/v1' })))],
    ['the config file', async () => {
      await world.write(world.localConfig, { todoistApiBaseUrl: 'https://ada:s3cret-pass@todoist.example/api/v1' });
      return failure(resolveConfig(world.options()));
    }],
    ['a non-http URL', async () => failure(resolveConfig(world.options({ TODOIST_API_BASE_URL: 'ftp://ada:s3cret-pass@todoist.example/' })))],
  ])('user:password@ in %s is refused, and the password is never shown', async (_case, attempt) => {
    const error = await attempt();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).not.toContain('s3cret-pass');
    expect(error.message).not.toContain('ada:');
  });

  it('user:password@ from the settings page → 400 that names the field, shows no password, and nothing is written', async () => {
    const response = await handleSettingsPost(
      new Request('http://127.0.0.1:3000/api/settings', {
        method: 'POST',
        headers: { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000', 'content-type': 'application/json' },
        body: JSON.stringify({ todoistApiBaseUrl: 'https://ada:s3cret-pass@todoist.example/api/v1' }),
      }),
      { config: world.options(), policy: { origins: [], hosts: [] } },
    );
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(JSON.parse(text).error).toContain('"todoistApiBaseUrl" must not hold a user name or password');
    expect(text).not.toContain('s3cret-pass');
    await expect(nodeFs.access(world.settings)).rejects.toThrow();
  });

  it('the settings report never shows one either', async () => {
    const text = await (await handleSettingsGet(new Request('http://127.0.0.1:3000/api/settings', { headers: { host: '127.0.0.1:3000' } }), {
      config: world.options({ TODOIST_API_BASE_URL: 'https://ada:s3cret-pass@todoist.example/api/v1' }),
      policy: { origins: [], hosts: [] },
    })).text();
    expect(text).not.toContain('s3cret-pass');
  });
});
