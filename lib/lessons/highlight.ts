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
  return compactTokens(highlight(code, { lang: name }));
}

/**
 * sugar-high wraps every token, spaces included, in
 * `<span class="sh__token--keyword" style="color:var(--sh-keyword)">`: about 60 bytes per token, sent
 * twice (in the HTML and in the page's React payload). A lesson's excerpts made its page 750 KB. Spaces need
 * no colour, and a short class does what the inline style did (app/globals.css colours `.sh-keyword` …): a
 * third of the bytes, the same look.
 */
export function compactTokens(html: string): string {
  return html
    .replace(/<span class="sh__token--space" style="color:var\(--sh-space\)">([^<]*)<\/span>/g, '$1')
    .replace(/<span class="sh__token--([a-z]+)" style="color:var\(--sh-\1\)">/g, '<span class="sh-$1">');
}

/** The extension of a path, as `highlightCode` takes it: "lib/mcp/tool.ts" → "ts". */
export function languageOfFile(file: string): string {
  return file.slice(file.lastIndexOf('.') + 1);
}
