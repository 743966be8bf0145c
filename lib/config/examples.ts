/**
 * The configuration lesson's gallery of errors: real messages, produced by
 * running `resolveConfig` — the code this server uses — against throwaway
 * fixtures in a temp directory, with an injected environment (and, for the
 * unreadable file, an injected fs: as root, chmod cannot make a file unreadable).
 *
 * The fixtures hold an obviously fake token, so nothing needs masking beyond
 * what the messages already do; the test checks that it never appears in one.
 */
import * as nodeFs from 'node:fs/promises';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError } from './errors';
import type { ConfigFs } from './options';
import { resolveConfig } from './resolve';

export const FAKE_TOKEN = 'fake-token-for-the-example';

export interface ConfigErrorExample {
  /** What is wrong, in a few words. */
  title: string;
  /** The broken input, as a learner would write it. */
  input: string;
  /** The ConfigError's message, word for word. */
  message: string;
}

export interface BrokenConfiguration {
  title: string;
  input: string;
  /** Files to write, relative to the fixture's project directory. */
  files?: Record<string, string>;
  env?: Record<string, string>;
  /** A file (relative to the project directory) whose read fails with EACCES. */
  unreadable?: string;
  /** What the message must name, so the reader knows where to look: a file, a key or a variable. */
  names: string;
}

const CONFIG_FILE = 'dojo.config.json';

export const BROKEN_CONFIGURATIONS: readonly BrokenConfiguration[] = [
  {
    title: 'Not valid JSON (a trailing comma)',
    input: `${CONFIG_FILE}:\n{\n  "todoistApiToken": "${FAKE_TOKEN}",\n}`,
    files: { [CONFIG_FILE]: `{\n  "todoistApiToken": "${FAKE_TOKEN}",\n}\n` },
    names: CONFIG_FILE,
  },
  {
    title: 'A value of the wrong type',
    input: `${CONFIG_FILE}:\n{ "todoistApiToken": 12345 }`,
    files: { [CONFIG_FILE]: '{ "todoistApiToken": 12345 }\n' },
    names: 'todoistApiToken',
  },
  {
    title: 'An unknown key (a typo)',
    input: `${CONFIG_FILE}:\n{ "todoistApiTokn": "${FAKE_TOKEN}" }`,
    files: { [CONFIG_FILE]: `{ "todoistApiTokn": "${FAKE_TOKEN}" }\n` },
    names: 'todoistApiTokn',
  },
  {
    title: 'A base URL that is not http(s), in the environment',
    input: 'TODOIST_API_BASE_URL=ftp://todoist.example/api/v1',
    env: { TODOIST_API_BASE_URL: 'ftp://todoist.example/api/v1' },
    names: 'TODOIST_API_BASE_URL',
  },
  {
    title: 'DOJO_CONFIG names a file that does not exist',
    input: 'DOJO_CONFIG=./config/dojo.json  (no such file)',
    env: { DOJO_CONFIG: './config/dojo.json' },
    names: 'DOJO_CONFIG',
  },
  {
    title: 'A config file the server may not read',
    input: `${CONFIG_FILE}, owned by another user (reading it fails with EACCES)`,
    files: { [CONFIG_FILE]: `{ "todoistApiToken": "${FAKE_TOKEN}" }\n` },
    unreadable: CONFIG_FILE,
    names: CONFIG_FILE,
  },
];

/**
 * Runs every broken configuration and returns its real error message; the temp files are removed after.
 * Aborting `signal` stops it between two examples (the request went away, or ran out of time).
 */
export async function configErrorExamples(signal?: AbortSignal): Promise<ConfigErrorExample[]> {
  signal?.throwIfAborted();
  const root = await mkdtemp(join(tmpdir(), 'dojo-config-examples-'));
  try {
    const examples: ConfigErrorExample[] = [];
    // One after another, each in its own folder: the messages name their own paths.
    for (const [index, broken] of BROKEN_CONFIGURATIONS.entries()) {
      signal?.throwIfAborted();
      const error = await errorFor(broken, join(root, `example-${index + 1}`));
      examples.push({ title: broken.title, input: broken.input, message: error.message });
    }
    return examples;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** The ConfigError `broken` produces, resolved in `dir` with nothing from this machine's real configuration. */
export async function errorFor(broken: BrokenConfiguration, dir: string): Promise<ConfigError> {
  const cwd = join(dir, 'project');
  const homeDir = join(dir, 'home');
  await mkdir(cwd, { recursive: true });
  await mkdir(homeDir, { recursive: true });
  for (const [name, text] of Object.entries(broken.files ?? {})) await writeFile(join(cwd, name), text);

  try {
    // Only the fixture's env: not process.env, so this server's own token and files stay out of it.
    await resolveConfig({
      env: broken.env ?? {},
      cwd,
      homeDir,
      ...(broken.unreadable && { fs: refusingToRead(resolve(cwd, broken.unreadable)) }),
    });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`The example "${broken.title}" did not produce a ConfigError.`);
}

/** node:fs, except that reading `path` fails as it does for a file owned by someone else. */
function refusingToRead(path: string): ConfigFs {
  return {
    ...nodeFs,
    readFile: async (file, encoding) => {
      if (file === path) throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
      return nodeFs.readFile(file, encoding);
    },
  };
}
