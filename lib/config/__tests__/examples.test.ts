import { access, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../errors';
import { BROKEN_CONFIGURATIONS, FAKE_TOKEN, configErrorExamples, errorFor } from '../examples';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dojo-examples-test-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('each broken configuration', () => {
  for (const [index, broken] of BROKEN_CONFIGURATIONS.entries()) {
    it(`${broken.title}: a ConfigError naming ${broken.names}, without the token`, async () => {
      const error = await errorFor(broken, join(dir, String(index)));
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message).toContain(broken.names);
      expect(error.message).not.toContain(FAKE_TOKEN);
    });
  }
});

describe('configErrorExamples', () => {
  it('returns the six real messages, in order', async () => {
    const examples = await configErrorExamples();
    expect(examples.map((example) => example.title)).toEqual(BROKEN_CONFIGURATIONS.map((broken) => broken.title));
    const [badJson, wrongType, typo, badUrl, missing, unreadable] = examples.map((example) => example.message);
    expect(badJson).toMatch(/dojo\.config\.json is not valid JSON \(syntax error at line 3, column 1\)/);
    expect(wrongType).toContain('"todoistApiToken" must be a string, got number');
    expect(typo).toContain('unknown key "todoistApiTokn" (allowed keys: "todoistApiToken", "todoistApiBaseUrl")');
    expect(badUrl).toBe('TODOIST_API_BASE_URL must be an http(s) URL, got "ftp://todoist.example/api/v1". Fix or unset the variable.');
    expect(missing).toMatch(/^DOJO_CONFIG points to \/.*config\/dojo\.json, but there is no file there/);
    expect(unreadable).toMatch(/dojo\.config\.json cannot be read: permission denied \(EACCES\)/);
    for (const example of examples) expect(example.message).not.toContain(FAKE_TOKEN);
  });

  it('leaves no temp directory behind', async () => {
    const before = new Set(await readdir(tmpdir()));
    await configErrorExamples();
    const left = (await readdir(tmpdir())).filter((name) => name.startsWith('dojo-config-examples-') && !before.has(name));
    expect(left).toEqual([]);
  });

  it('never reads this machine’s configuration (a real DOJO_CONFIG would change the messages)', async () => {
    const previous = process.env.DOJO_CONFIG;
    process.env.DOJO_CONFIG = join(dir, 'nowhere.json');
    try {
      const examples = await configErrorExamples();
      expect(examples.some((example) => example.message.includes('nowhere.json'))).toBe(false);
    } finally {
      if (previous === undefined) delete process.env.DOJO_CONFIG;
      else process.env.DOJO_CONFIG = previous;
    }
    await expect(access(join(dir, 'nowhere.json'))).rejects.toThrow();
  });
});
