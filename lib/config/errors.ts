/**
 * The one error of configuration discovery.
 *
 * `source` and `origin` say where the problem is (a file path or a variable), and
 * the message names the key and the fix. Messages describe a bad value but never
 * quote a secret: a token must not end up in a log because a file had a typo.
 */
import type { SourceName } from './types';

export interface ConfigErrorDetails {
  source: SourceName;
  /** The file path or environment variable at fault. */
  origin: string;
  /** The key at fault, as written — possibly an unknown one such as "todoistApiTokn". */
  key?: string;
  cause?: unknown;
}

export class ConfigError extends Error {
  readonly source: SourceName;
  readonly origin: string;
  readonly key: string | undefined;
  constructor(message: string, { source, origin, key, cause }: ConfigErrorDetails) {
    super(message, { cause });
    this.name = 'ConfigError';
    this.source = source;
    this.origin = origin;
    this.key = key;
  }
}

/** The code of a Node system error ("ENOENT", "EACCES", ...), if it is one. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
