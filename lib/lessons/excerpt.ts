/**
 * Code shown in a lesson is cut from the real source file when the site is
 * built — never pasted — so prose and code cannot drift apart. An excerpt
 * whose symbol or lines no longer exist fails the build.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SourceExcerpt } from './schema';

export interface ExcerptCode {
  file: string;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  code: string;
}

export class ExcerptError extends Error {
  override name = 'ExcerptError';
}

export async function readExcerpt(excerpt: SourceExcerpt, root: string = process.cwd()): Promise<ExcerptCode> {
  // Read at build time; turbopackIgnore keeps the bundler from tracing the whole project into the server output.
  const source = await readFile(path.join(/*turbopackIgnore: true*/ root, excerpt.file), 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new ExcerptError(`Excerpt "${excerpt.title}": cannot read ${excerpt.file} (${error.code ?? error.message})`);
  });
  const lines = source.split('\n');
  const [start, end] = excerpt.symbol
    ? findSymbol(lines, excerpt.symbol, excerpt.file)
    : excerpt.lines ?? [1, lines.length];
  if (end > lines.length || start > end) {
    throw new ExcerptError(`Excerpt "${excerpt.title}": lines ${start}-${end} are outside ${excerpt.file} (${lines.length} lines)`);
  }
  return { file: excerpt.file, startLine: start, endLine: end, code: lines.slice(start - 1, end).join('\n') };
}

/**
 * Finds a top-level declaration (function, class, const, interface, type) and
 * returns its lines, including the doc comment right above it. The end is the
 * first line that closes it at column 0 — the shape of this repo's code.
 */
export function findSymbol(lines: string[], symbol: string, file = 'source'): [number, number] {
  const declaration = new RegExp(
    `^(export\\s+)?(default\\s+)?(async\\s+)?(function\\*?|class|const|let|interface|type|abstract\\s+class)\\s+${escape(symbol)}\\b`,
  );
  const index = lines.findIndex((line) => declaration.test(line));
  if (index === -1) throw new ExcerptError(`Excerpt: symbol "${symbol}" is not declared at the top level of ${file}`);
  let first = index;
  while (first > 0 && /^\s*(\/\*\*|\*|\*\/|\/\/)/.test(lines[first - 1] ?? '')) first -= 1;
  let last = index;
  const opensBlock = /[{(\[]\s*$/.test(lines[index] ?? '') || !/;\s*$/.test(lines[index] ?? '');
  if (opensBlock) {
    // `}` or `]` at column 0 closes it; a `)` only when alone (not `): Type {` of a long signature).
    while (last < lines.length - 1 && !/^([}\]]|\);?\s*$)/.test(lines[last] ?? '')) last += 1;
  }
  return [first + 1, last + 1];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
