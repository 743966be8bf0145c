import { readFileSync } from 'node:fs';
import { highlight } from 'sugar-high';
import { describe, expect, it } from 'vitest';
import { compactTokens, highlightCode } from '../highlight';

const CODE = "export async function go(name: string) {\n  // say hello\n  return `hi ${name}`;\n}\n";

describe('highlightCode', () => {
  it('keeps every token’s kind as a short class, and every character of the code', () => {
    const html = highlightCode(CODE);
    expect(html).toContain('<span class="sh-keyword">export</span>');
    expect(html).toContain('<span class="sh-comment">');
    expect(html).not.toContain('style=');
    expect(html).not.toContain('sh__token--');
    const text = (markup: string) => markup.replace(/<[^>]+>/g, '');
    expect(text(html)).toBe(text(highlight(CODE)));
    expect(html.match(/class="sh__line"/g)).toHaveLength(highlight(CODE).match(/class="sh__line"/g)!.length);
  });

  it('is a fraction of sugar-high’s own markup', () => {
    const original = highlight(CODE);
    expect(compactTokens(original).length).toBeLessThan(original.length * 0.5);
  });

  it('covers every token kind the stylesheet colours (a new kind would stay uncoloured)', () => {
    const kinds = new Set([...highlight(CODE + "const a = <div className='x'>{1}</div>; class A {}\n").matchAll(/sh__token--([a-z]+)/g)].map((m) => m[1]));
    kinds.delete('space');
    const css = readFileSync('app/globals.css', 'utf8');
    for (const kind of kinds) expect(css, kind).toContain(`.sh-${kind} {`);
  });
});
