/**
 * Reads one JSON config file — the config file or the platform settings — strictly.
 *
 * A missing file is not an error (`undefined`): most setups have none. Anything
 * else wrong is an error that names the file and the fix, because a file that is
 * silently skipped comes back later as a puzzling "no token" or 401.
 */
import { ConfigError, errnoCode } from './errors';
import type { ConfigFs } from './options';
import { StoredConfigSchema, describeFirstIssue, urlProblem, type StoredConfig } from './schema';

export type FileSource = 'config-file' | 'platform-settings';

const LABELS: Record<FileSource, string> = {
  'config-file': 'Config file',
  'platform-settings': 'Platform settings file',
};

/** ENOTDIR: a parent on the path is a file, so this file cannot exist either. */
const MISSING_CODES = new Set(['ENOENT', 'ENOTDIR']);

export async function readConfigJson(
  fs: ConfigFs,
  path: string,
  source: FileSource,
): Promise<StoredConfig | undefined> {
  const where = `${LABELS[source]} ${path}`;
  const fail = (message: string, key?: string, cause?: unknown) =>
    new ConfigError(message, { source, origin: path, key, cause });

  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (error) {
    const code = errnoCode(error);
    if (code !== undefined && MISSING_CODES.has(code)) return undefined;
    const reason = code === 'EACCES' || code === 'EPERM' ? `permission denied (${code})` : (code ?? 'read failed');
    const fix = 'Make it readable by the user running the server, or remove it.';
    throw fail(`${where} cannot be read: ${reason}. ${fix}`, undefined, error);
  }

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // No `cause`: newer JSON.parse messages quote the text around the error, which may be the token.
    throw fail(`${where} is not valid JSON (${whereJsonBroke(error, text)}). Fix the JSON or remove the file.`);
  }

  const parsed = StoredConfigSchema.safeParse(json);
  if (!parsed.success) {
    const problem = describeFirstIssue(parsed.error, json);
    throw fail(`${where}: ${problem.text}. ${problem.fix}`, problem.key);
  }
  const badUrl = parsed.data.todoistApiBaseUrl && urlProblem(parsed.data.todoistApiBaseUrl);
  if (badUrl) {
    throw fail(`${where}: "todoistApiBaseUrl" ${badUrl}. Fix the value or remove the key.`, 'todoistApiBaseUrl');
  }
  return parsed.data;
}

/** Where the JSON broke, as line and column — never what was written there. */
function whereJsonBroke(error: unknown, text: string): string {
  if (text.trim() === '') return 'the file is empty';
  const message = error instanceof Error ? error.message : '';
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position === undefined) return /end of JSON input/.test(message) ? 'it ends too early' : 'syntax error';
  const lines = text.slice(0, Number(position)).split('\n');
  return `syntax error at line ${lines.length}, column ${(lines.at(-1) ?? '').length + 1}`;
}
