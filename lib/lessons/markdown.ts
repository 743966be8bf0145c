/**
 * Lesson text (lesson.md) to HTML, at build time. The markdown is ours and
 * reviewed like code, so the HTML is trusted; fenced code blocks get the same
 * highlighting as the source excerpts.
 */
import { Marked } from 'marked';
import { highlightCode } from './highlight';

const marked = new Marked({
  gfm: true,
  renderer: {
    code({ text, lang }) {
      const language = lang?.split(/\s/)[0] || 'plaintext';
      return `<pre class="code-block"><code>${highlightCode(text, language)}</code></pre>\n`;
    },
  },
});

export function renderMarkdown(markdown: string): string {
  return marked.parse(markdown, { async: false });
}
