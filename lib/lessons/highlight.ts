/**
 * Syntax highlighting at build time: sugar-high turns code into HTML spans
 * coloured by CSS variables (--sh-keyword, …), so one stylesheet themes it
 * for light and dark, and the browser downloads no highlighter.
 */
import { highlight } from 'sugar-high';
import { lang as languageOf } from 'sugar-high/lang';

/** `language` is a file extension or a markdown fence name (ts, tsx, json, bash…); unknown ones stay plain. */
export function highlightCode(code: string, language = 'ts'): string {
  const name = languageOf(language) ?? 'plaintext';
  return highlight(code, { lang: name });
}

/** The extension of a path, as `highlightCode` takes it: "lib/mcp/tool.ts" → "ts". */
export function languageOfFile(file: string): string {
  return file.slice(file.lastIndexOf('.') + 1);
}
