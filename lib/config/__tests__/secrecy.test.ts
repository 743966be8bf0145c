import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, describeForDisplay, maskSecret, resolveConfig, savePlatformSettings, whereToSetToken } from '..';
import { FILE_TOKEN, SETTINGS_TOKEN, TOKEN, failure, makeWorld, type World } from './world';

let world: World;
beforeEach(async () => {
  world = await makeWorld();
});
afterEach(() => world.cleanup());

describe('maskSecret', () => {
  it('shows the last 4 characters only when at least 8 stay hidden', () => {
    expect(maskSecret('0123456789ab3f9a')).toBe('••••••••3f9a');
    expect(maskSecret('01234567893f')).toBe('••••••••893f');
    expect(maskSecret('0123456789a')).toBe('••••••••');
  });

  it('does not reveal the length of a short secret', () => {
    expect(maskSecret('abc')).toBe(maskSecret('abcdefghijk'));
  });
});

describe('no secret leaves the server', () => {
  it('describeForDisplay holds display strings only, for the winner and every shadowed value', async () => {
    await world.write(world.localConfig, { todoistApiToken: FILE_TOKEN });
    await world.write(world.settings, { todoistApiToken: SETTINGS_TOKEN });
    const resolved = await resolveConfig(world.options({ TODOIST_API_TOKEN: TOKEN, TODOIST_API_KEY: 'alias-token-00000000' }));
    const report = describeForDisplay(resolved);
    const json = JSON.stringify(report);
    for (const secret of [TOKEN, FILE_TOKEN, SETTINGS_TOKEN, 'alias-token-00000000']) expect(json).not.toContain(secret);
    expect(report.keys.todoistApiToken).not.toHaveProperty('value');
    expect(report.keys.todoistApiToken.display).toBe('••••••••3f9a');
    expect(report.keys.todoistApiToken.shadowed).toHaveLength(3);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(report))); // JSON-safe
  });

  it('whereToSetToken does not quote a token', async () => {
    await world.write(world.settings, { todoistApiToken: SETTINGS_TOKEN });
    expect(whereToSetToken(await resolveConfig(world.options()))).not.toContain(SETTINGS_TOKEN);
  });

  it.each([
    ['bad JSON', { [`dojo.config.json`]: `{"todoistApiToken": "${TOKEN}",}` }],
    ['bad JSON, token unquoted', { [`dojo.config.json`]: `{"todoistApiToken": ${TOKEN}}` }],
    ['unknown key holding the token', { [`dojo.config.json`]: JSON.stringify({ todoistApiTokn: TOKEN }) }],
    ['a wrong type next to the token', { [`dojo.config.json`]: JSON.stringify({ todoistApiBaseUrl: 7, todoistApiToken: TOKEN }) }],
    ['broken settings file', { [`.dojo/settings.json`]: `{"todoistApiToken": "${TOKEN}"` }],
  ])('no error message or cause contains the token: %s', async (_case, files) => {
    for (const [name, content] of Object.entries(files)) await world.write(`${world.cwd}/${name}`, content);
    const error = await failure(resolveConfig(world.options()));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).not.toContain(TOKEN);
    expect(String(error.cause ?? '')).not.toContain(TOKEN);
  });

  it('a rejected token is not in the save error', async () => {
    const error = await failure(savePlatformSettings({ todoistApiToken: `${TOKEN}\n` }, world.options()));
    expect(error.message).not.toContain(TOKEN);
  });
});
