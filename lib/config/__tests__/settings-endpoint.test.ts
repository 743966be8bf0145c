import * as nodeFs from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConfigFs } from '..';
import { countedBody } from '@/lib/http/__tests__/body-stream';
import { handleSettingsGet, handleSettingsPost, MAX_SETTINGS_BODY_BYTES, type SettingsEndpointOptions } from '../settings-endpoint';
import { SETTINGS_TOKEN, TOKEN, makeWorld, type World } from './world';

let world: World;
beforeEach(async () => {
  world = await makeWorld();
});
afterEach(() => world.cleanup());

const SITE = 'http://127.0.0.1:3000';
const SAME_ORIGIN = { host: '127.0.0.1:3000', origin: SITE, 'content-type': 'application/json' };

function options(env: Record<string, string> = {}, fs?: ConfigFs): SettingsEndpointOptions {
  return { config: world.options(env, { fs }), policy: { origins: [], hosts: [] } };
}

function post(body: unknown, headers: Record<string, string> = SAME_ORIGIN): Request {
  return new Request(`${SITE}/api/settings`, { method: 'POST', headers, body: JSON.stringify(body) });
}

/** What Chromium sends for the settings page's fetch('/api/settings'): no Origin on a same-origin GET. */
const FROM_OUR_PAGE = { host: '127.0.0.1:3000', 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' };

function get(headers: Record<string, string> = FROM_OUR_PAGE): Request {
  return new Request(`${SITE}/api/settings`, { headers });
}

const settingsFileExists = () =>
  nodeFs.access(world.settings).then(
    () => true,
    () => false,
  );

describe('POST /api/settings refuses requests that did not come from our own page', () => {
  it.each([
    ['a foreign Origin', { ...SAME_ORIGIN, origin: 'http://evil.example.com' }, 'Origin "http://evil.example.com" is not allowed'],
    ['another local app (loopback, other port)', { ...SAME_ORIGIN, origin: 'http://127.0.0.1:5173' }, 'Origin "http://127.0.0.1:5173" is not allowed'],
    ['no Origin', { host: SAME_ORIGIN.host, 'content-type': 'application/json' }, 'needs an Origin header'],
    ['text/plain (what a cross-site form can send)', { ...SAME_ORIGIN, 'content-type': 'text/plain' }, 'Content-Type: application/json'],
    ['form encoding', { ...SAME_ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, 'Content-Type: application/json'],
    ['a rebound DNS name (foreign Host)', { ...SAME_ORIGIN, host: 'evil.example.com' }, 'Host "evil.example.com" is not served here'],
  ])('%s → 403 with a reason, and nothing is written', async (_case, headers, reason) => {
    const response = await handleSettingsPost(post({ todoistApiToken: TOKEN }, headers), options());
    expect(response.status).toBe(403);
    expect((await response.json()).error).toContain(reason);
    expect(await settingsFileExists()).toBe(false);
  });

  it.each([
    ['a charset parameter on the JSON content type', { ...SAME_ORIGIN, 'content-type': 'application/json; charset=utf-8' }],
    ['IPv6 loopback', { ...SAME_ORIGIN, host: '[::1]:3000', origin: 'http://[::1]:3000' }],
    ['a deployed name behind a proxy (DOJO_PUBLIC_URL)', { ...SAME_ORIGIN, host: 'dojo.example.com', origin: 'https://dojo.example.com' }],
  ])('accepts %s', async (_case, headers) => {
    const policy = { origins: [], hosts: [], publicUrl: 'https://dojo.example.com' };
    const response = await handleSettingsPost(post({ todoistApiToken: TOKEN }, headers), { ...options(), policy });
    expect(response.status).toBe(200);
  });

  it('an allowed deployed origin posting to another allowed host is still refused', async () => {
    const policy = { origins: ['https://dojo.example.com'], hosts: [] };
    const headers = { ...SAME_ORIGIN, origin: 'https://dojo.example.com' };
    expect((await handleSettingsPost(post({ todoistApiToken: TOKEN }, headers), { ...options(), policy })).status).toBe(403);
  });
});

describe('POST /api/settings saves', () => {
  it('a same-origin save writes a private file with the token; the response holds only the masked value', async () => {
    const response = await handleSettingsPost(post({ todoistApiToken: TOKEN }), options());
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).not.toContain(TOKEN);
    expect(response.headers.get('cache-control')).toBe('no-store');

    expect((await nodeFs.stat(world.settings)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await nodeFs.readFile(world.settings, 'utf8'))).toEqual({ todoistApiToken: TOKEN });

    const body = JSON.parse(text);
    expect(body.realConfigured).toBe(true);
    expect(body.keys.todoistApiToken).toMatchObject({ display: '••••••••3f9a', source: 'platform-settings', origin: world.settings });
  });

  it('null removes a saved key', async () => {
    await handleSettingsPost(post({ todoistApiToken: TOKEN, todoistApiBaseUrl: 'http://127.0.0.1:4011/api/v1' }), options());
    const response = await handleSettingsPost(post({ todoistApiToken: null }), options());
    expect(response.status).toBe(200);
    expect(JSON.parse(await nodeFs.readFile(world.settings, 'utf8'))).toEqual({ todoistApiBaseUrl: 'http://127.0.0.1:4011/api/v1' });
    const body = await response.json();
    expect(body.realConfigured).toBe(false);
    expect(body.keys.todoistApiToken.display).toBe('(not set)');
    expect(body.keys.todoistApiToken.source).toBeUndefined();
  });

  it('a bad base URL → 400 with the reason, and nothing is written', async () => {
    const response = await handleSettingsPost(post({ todoistApiBaseUrl: 'ftp://x' }), options());
    expect(response.status).toBe(400);
    expect((await response.json()).error).toContain('"todoistApiBaseUrl" must be an http(s) URL');
    expect(await settingsFileExists()).toBe(false);
  });

  it('a pasted token with a line break → 400, and the message does not quote it', async () => {
    const response = await handleSettingsPost(post({ todoistApiToken: `${TOKEN}\n` }), options());
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(text).toContain('must not contain spaces or line breaks');
    expect(text).not.toContain(TOKEN);
  });

  it('an unknown key → 400', async () => {
    const response = await handleSettingsPost(post({ todoistApiTokn: TOKEN }), options());
    expect(response.status).toBe(400);
    expect((await response.json()).error).toContain('unknown key "todoistApiTokn"');
  });

  it('a body that is not JSON → 400, without quoting it', async () => {
    const request = new Request(`${SITE}/api/settings`, { method: 'POST', headers: SAME_ORIGIN, body: `{"todoistApiToken": ${TOKEN}` });
    const response = await handleSettingsPost(request, options());
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain(TOKEN);
  });

  it('10 saves at once, of both keys, keep both: 20 times over', async () => {
    for (let trial = 0; trial < 20; trial++) {
      await nodeFs.rm(world.settings, { force: true });
      const patches = Array.from({ length: 10 }, (_, i) =>
        i % 2 === 0 ? { todoistApiToken: `token-${trial}-${i}-0123456789` } : { todoistApiBaseUrl: `http://127.0.0.1:4011/api/v${i}` },
      );
      const responses = await Promise.all(patches.map((patch) => handleSettingsPost(post(patch), options())));
      expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
      // Requests sent at once have no order of their own: any of each key's values may be the last, but both keys stay.
      const saved = JSON.parse(await nodeFs.readFile(world.settings, 'utf8'));
      expect(Object.keys(saved).sort()).toEqual(['todoistApiBaseUrl', 'todoistApiToken']);
      expect(patches).toContainEqual({ todoistApiToken: saved.todoistApiToken });
      expect(patches).toContainEqual({ todoistApiBaseUrl: saved.todoistApiBaseUrl });
    }
  });

  it('a 16 MiB body → 413 naming the limit, after reading little more than the limit, and nothing is written', async () => {
    const huge = countedBody(16 * 1024 * 1024);
    const request = new Request(`${SITE}/api/settings`, { method: 'POST', headers: SAME_ORIGIN, ...huge.init });
    const response = await handleSettingsPost(request, options());
    expect(response.status).toBe(413);
    expect((await response.json()).error).toBe(
      `The request body is too large: a settings change takes at most ${MAX_SETTINGS_BODY_BYTES.toLocaleString('en-US')} bytes.`,
    );
    expect(huge.bytesRead()).toBeLessThan(MAX_SETTINGS_BODY_BYTES + 64 * 1024);
    expect(await settingsFileExists()).toBe(false);
  });

  it.each([
    ['a number for the token', { todoistApiToken: 12345 }, '"todoistApiToken" must be a string, got number'],
    ['an array for the base URL', { todoistApiBaseUrl: ['https://x'] }, '"todoistApiBaseUrl" must be a string, got array'],
    ['an array for the body', [], 'must hold a JSON object'],
  ])('%s → 400 naming the field, in words', async (_case, body, message) => {
    const response = await handleSettingsPost(post(body), options());
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error).toContain(message);
    expect(error).not.toMatch(/"code":|ZodError|\n\s+at /);
  });

  it('an unexpected failure → 500 with a plain sentence, no stack and no internal message', async () => {
    // An environment that cannot be read: nothing a request can cause, so nothing the page can be told about.
    const env = new Proxy({}, { get: () => { throw new TypeError('internal detail at /srv/x.js:1'); } });
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = { ...options(), config: { ...world.options(), env } };
    try {
      for (const response of [await handleSettingsPost(post({ todoistApiToken: TOKEN }), broken), await handleSettingsGet(get(), broken)]) {
        expect(response.status).toBe(500);
        expect((await response.json()).error).toMatch(/^The settings could not be (saved|read): an unexpected error on the server \(its log has the details\)\.$/);
      }
      expect(quiet).toHaveBeenCalledTimes(2);
    } finally {
      quiet.mockRestore();
    }
  });

  it('a file the server cannot write → 500 with the fix', async () => {
    const denied = Object.assign(new Error('EACCES'), { code: 'EACCES' });
    const fs: ConfigFs = { ...nodeFs, writeFile: () => Promise.reject(denied) };
    const response = await handleSettingsPost(post({ todoistApiToken: TOKEN }), options({}, fs));
    expect(response.status).toBe(500);
    expect((await response.json()).error).toContain('DOJO_SETTINGS_PATH');
  });
});

describe('GET /api/settings', () => {
  it('never contains a token, from the environment or saved, and says which one wins', async () => {
    await world.write(world.settings, { todoistApiToken: SETTINGS_TOKEN });
    const response = await handleSettingsGet(get(), options({ TODOIST_API_TOKEN: TOKEN }));
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(SETTINGS_TOKEN);

    const body = JSON.parse(text);
    expect(body.realConfigured).toBe(true);
    expect(body.keys.todoistApiToken).toMatchObject({ source: 'environment', origin: 'TODOIST_API_TOKEN' });
    expect(body.keys.todoistApiToken.shadowed).toEqual([{ source: 'platform-settings', origin: world.settings, display: '••••••••2222' }]);
    expect(body.whereToSetToken).toContain('TODOIST_API_TOKEN');
  });

  it('with nothing configured: not configured, and the default base URL', async () => {
    const body = await (await handleSettingsGet(get(), options())).json();
    expect(body.realConfigured).toBe(false);
    expect(body.keys.todoistApiBaseUrl).toMatchObject({ display: 'https://api.todoist.com/api/v1', source: 'default' });
  });

  it('a broken config file → 200 with the error to show', async () => {
    await world.write(world.localConfig, `{"todoistApiToken": "${TOKEN}",}`);
    const response = await handleSettingsGet(get(), options());
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(TOKEN);
    expect(JSON.parse(text)).toEqual({ error: expect.stringContaining(`Config file ${world.localConfig} is not valid JSON`) });
  });

  describe('absolute server paths: only for pages of this app', () => {
    async function bodyFor(headers: Record<string, string>, env: Record<string, string> = {}): Promise<string> {
      await world.write(world.settings, { todoistApiToken: SETTINGS_TOKEN });
      await world.write(world.xdgConfig, { todoistApiBaseUrl: 'https://todoist.example/api/v1' });
      const response = await handleSettingsGet(get(headers), options(env));
      expect(response.status).toBe(200);
      return response.text();
    }

    it.each([
      ['the page’s fetch (Sec-Fetch-Site: same-origin)', FROM_OUR_PAGE],
      ['an older browser’s request with our own Origin', { host: '127.0.0.1:3000', origin: SITE }],
    ])('%s sees them', async (_case, headers) => {
      const text = await bodyFor(headers);
      expect(text).toContain(world.settings);
      expect(text).toContain(world.xdgConfig);
    });

    it.each([
      ['curl (no Origin, no Sec-Fetch-Site)', { host: '127.0.0.1:3000' }],
      ['the user opening the URL (Sec-Fetch-Site: none)', { host: '127.0.0.1:3000', 'sec-fetch-site': 'none' }],
      ['another site (Sec-Fetch-Site: cross-site)', { host: '127.0.0.1:3000', 'sec-fetch-site': 'cross-site' }],
      ['our Origin but a cross-site fetch', { host: '127.0.0.1:3000', origin: SITE, 'sec-fetch-site': 'cross-site' }],
    ])('%s gets them relative to the project (./) and home (~/), nothing absolute', async (_case, headers) => {
      const text = await bodyFor(headers);
      expect(text).not.toContain(world.cwd);
      expect(text).not.toContain(world.homeDir);
      const body = JSON.parse(text);
      expect(body.keys.todoistApiToken.origin).toBe('./.dojo/settings.json');
      expect(body.keys.todoistApiBaseUrl).toMatchObject({ origin: '~/.config/mcp-dojo/config.json', display: 'https://todoist.example/api/v1' });
      expect(body.lookedAt.map((place: { origin: string }) => place.origin)).toEqual([
        'TODOIST_API_TOKEN',
        'TODOIST_API_KEY',
        'TODOIST_API_BASE_URL',
        './dojo.config.json',
        '~/.config/mcp-dojo/config.json',
        './.dojo/settings.json',
      ]);
      expect(body.serverMode.withoutSignIn).toBe('the server-wide token from this settings page (saved in ./.dojo/settings.json)');
      expect(body.whereToSetToken).toContain('./.dojo/settings.json (found)');
    });

    it('a path outside the project and home is shown by its file name only', async () => {
      const elsewhere = await world.write(`${world.cwd}-elsewhere/etc/dojo.json`, { todoistApiToken: TOKEN });
      const text = await (await handleSettingsGet(get({ host: '127.0.0.1:3000' }), options({ DOJO_CONFIG: elsewhere }))).text();
      expect(text).not.toContain(elsewhere);
      expect(JSON.parse(text).keys.todoistApiToken.origin).toBe('…/dojo.json');
    });

    it('a configuration error is shown without them too', async () => {
      await world.write(world.localConfig, '{"todoistApiToken": 1,}');
      const body = await (await handleSettingsGet(get({ host: '127.0.0.1:3000' }), options())).json();
      expect(body.error).toMatch(/^Config file \.\/dojo\.config\.json is not valid JSON/);
    });
  });

  it('a rebound DNS name (foreign Host) → 403', async () => {
    const response = await handleSettingsGet(get({ host: 'evil.example.com' }), options());
    expect(response.status).toBe(403);
  });
});

describe('which mode the server is in (DOJO_SERVER_WIDE_TOKEN)', () => {
  const MULTI_USER = { DOJO_SERVER_WIDE_TOKEN: 'off' };

  it('single-user by default: GET names the server-wide token every caller without a sign-in would use', async () => {
    const body = await (await handleSettingsGet(get(), options({ TODOIST_API_TOKEN: TOKEN }))).json();
    expect(body.serverMode).toEqual({
      mode: 'single-user',
      withoutSignIn: 'the server-wide token from the environment variable TODOIST_API_TOKEN',
      ignoredServerWideToken: false,
    });
  });

  it('single-user with a token saved on the page: names the file it is saved in', async () => {
    await world.write(world.settings, { todoistApiToken: SETTINGS_TOKEN });
    const body = await (await handleSettingsGet(get(), options())).json();
    expect(body.serverMode.withoutSignIn).toBe(`the server-wide token from this settings page (saved in ${world.settings})`);
  });

  it('single-user with no token anywhere: nobody’s, and says what happens instead', async () => {
    const body = await (await handleSettingsGet(get(), options())).json();
    expect(body.serverMode.mode).toBe('single-user');
    expect(body.serverMode.withoutSignIn).toMatch(/^none: no server-wide token is configured/);
  });

  it.each(['off', 'false', '0', 'no', ' OFF '])('DOJO_SERVER_WIDE_TOKEN=%j → multi-user: no shared token, and a configured one is flagged as ignored', async (value) => {
    const body = await (await handleSettingsGet(get(), options({ DOJO_SERVER_WIDE_TOKEN: value, TODOIST_API_TOKEN: TOKEN }))).json();
    expect(body.serverMode).toMatchObject({ mode: 'multi-user', ignoredServerWideToken: true });
    expect(body.serverMode.withoutSignIn).toMatch(/^none: no shared token is used/);
  });

  it('multi-user: saving a token → 403 that says why and what to do instead, and nothing is written', async () => {
    const response = await handleSettingsPost(post({ todoistApiToken: TOKEN }), options(MULTI_USER));
    const text = await response.text();
    expect(response.status).toBe(403);
    expect(text).not.toContain(TOKEN);
    const { error } = JSON.parse(text);
    expect(error).toContain('multi-user mode (DOJO_SERVER_WIDE_TOKEN=off)');
    expect(error).toContain('Sign in with your own Todoist account');
    expect(error).toContain('MCP client');
    expect(error).toContain('lesson 7');
    expect(await settingsFileExists()).toBe(false);
  });

  it('multi-user: a token saved before the switch can still be removed, and the base URL saved', async () => {
    await world.write(world.settings, { todoistApiToken: SETTINGS_TOKEN });
    const removed = await handleSettingsPost(post({ todoistApiToken: null }), options(MULTI_USER));
    expect(removed.status).toBe(200);
    expect((await removed.json()).serverMode).toMatchObject({ mode: 'multi-user', ignoredServerWideToken: false });

    const baseUrl = await handleSettingsPost(post({ todoistApiBaseUrl: 'http://127.0.0.1:4011/api/v1' }), options(MULTI_USER));
    expect(baseUrl.status).toBe(200);
    expect(JSON.parse(await nodeFs.readFile(world.settings, 'utf8'))).toEqual({ todoistApiBaseUrl: 'http://127.0.0.1:4011/api/v1' });
  });

  it('the cross-site check still comes first in multi-user mode', async () => {
    const headers = { ...SAME_ORIGIN, origin: 'http://evil.example.com' };
    const response = await handleSettingsPost(post({ todoistApiToken: TOKEN }, headers), options(MULTI_USER));
    expect(response.status).toBe(403);
    expect((await response.json()).error).toContain('is not allowed');
  });
});
