import * as nodeFs from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig, type ConfigFs } from '..';
import { TOKEN, failure, makeWorld, type World } from './world';

let world: World;
beforeEach(async () => {
  world = await makeWorld();
});
afterEach(() => world.cleanup());

async function configError(env: Record<string, string> = {}, fs?: ConfigFs): Promise<ConfigError> {
  const error = await failure(resolveConfig(world.options(env, { fs })));
  expect(error).toBeInstanceOf(ConfigError);
  expect(error.message).not.toContain(TOKEN);
  return error as ConfigError;
}

describe('invalid config files are errors that name the file, the key and the fix', () => {
  it('bad JSON: says where it broke, without quoting the text (it may be the token)', async () => {
    await world.write(world.localConfig, '{\n  "todoistApiBaseUrl": "http://x",,\n}');
    const error = await configError();
    expect(error.message).toBe(
      `Config file ${world.localConfig} is not valid JSON (syntax error at line 2, column 35). Fix the JSON or remove the file.`,
    );
    expect(error).toMatchObject({ source: 'config-file', origin: world.localConfig });
    expect(error.cause).toBeUndefined();
  });

  it('an empty file', async () => {
    await world.write(world.localConfig, '');
    expect((await configError()).message).toContain('is not valid JSON (the file is empty)');
  });

  it('wrong type: names the key and the expected type', async () => {
    await world.write(world.localConfig, { todoistApiToken: 123 });
    const error = await configError();
    expect(error.message).toBe(
      `Config file ${world.localConfig}: "todoistApiToken" must be a string, got number. Fix the value or remove the key.`,
    );
    expect(error.key).toBe('todoistApiToken');
  });

  it('not an object', async () => {
    await world.write(world.localConfig, [TOKEN]);
    expect((await configError()).message).toContain('must hold a JSON object such as {"todoistApiToken": "…"}, got array');
  });

  it('unknown key: a typo is named, with the allowed keys, instead of being ignored', async () => {
    await world.write(world.localConfig, { todoistApiTokn: TOKEN });
    const error = await configError();
    expect(error.message).toBe(
      `Config file ${world.localConfig}: unknown key "todoistApiTokn" (allowed keys: "todoistApiToken", "todoistApiBaseUrl"). ` +
        'Fix the spelling or remove the key.',
    );
    expect(error.key).toBe('todoistApiTokn');
  });

  it('bad base URL in a file', async () => {
    await world.write(world.localConfig, { todoistApiBaseUrl: 'ftp://x' });
    const error = await configError();
    expect(error.message).toBe(
      `Config file ${world.localConfig}: "todoistApiBaseUrl" must be an http(s) URL, got "ftp://x". Fix the value or remove the key.`,
    );
    expect(error.key).toBe('todoistApiBaseUrl');
  });

  it('a broken platform settings file is labelled as such', async () => {
    await world.write(world.settings, '{');
    const error = await configError();
    expect(error.message).toMatch(new RegExp(`^Platform settings file ${world.settings} is not valid JSON`));
    expect(error.source).toBe('platform-settings');
  });

  it('a broken file is reported even when the environment overrides its keys', async () => {
    await world.write(world.localConfig, { todoistApiTokn: 'x' });
    await configError({ TODOIST_API_TOKEN: TOKEN });
  });
});

describe('unreadable files', () => {
  // Tests run as root in CI, and root reads any file: the denial is injected through ConfigFs.
  it('EACCES → says permission denied and how to fix it', async () => {
    const deniedFs: ConfigFs = {
      ...nodeFs,
      readFile: async (path) => {
        throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
      },
    };
    const error = await configError({}, deniedFs);
    expect(error.message).toBe(
      `Config file ${world.localConfig} cannot be read: permission denied (EACCES). ` +
        'Make it readable by the user running the server, or remove it.',
    );
    expect(error.origin).toBe(world.localConfig);
  });
});

describe('the environment', () => {
  it('DOJO_CONFIG pointing at a missing file is an error: the user asked for that file', async () => {
    const error = await configError({ DOJO_CONFIG: 'missing.json' });
    expect(error.message).toBe(
      `DOJO_CONFIG points to ${world.cwd}/missing.json, but there is no file there. Create it, fix the path, or unset DOJO_CONFIG.`,
    );
    expect(error).toMatchObject({ source: 'config-file', origin: 'DOJO_CONFIG' });
  });

  it('TODOIST_API_BASE_URL that is not a URL names the variable', async () => {
    const error = await configError({ TODOIST_API_BASE_URL: 'localhost:4010' });
    expect(error.message).toBe('TODOIST_API_BASE_URL must be an http(s) URL, got "localhost:4010". Fix or unset the variable.');
    expect(error).toMatchObject({ source: 'environment', origin: 'TODOIST_API_BASE_URL', key: 'todoistApiBaseUrl' });
  });
});
