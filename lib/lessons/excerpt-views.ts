/**
 * A lesson's excerpts travel in two parts. The page sends what the collapsed summary shows (title, file, lines,
 * note); the highlighted code — most of a lesson page's bytes, and sent twice, in the HTML and in the React
 * payload — comes from a static route only when the learner opens an excerpt
 * (app/lessons/[slug]/excerpts/[index]/route.ts).
 */
import { createHash } from 'node:crypto';
import { findLesson, getCatalogue } from './catalogue';
import { readExcerpt, type ExcerptCode } from './excerpt';
import { highlightCode, languageOfFile } from './highlight';
import type { SourceExcerpt } from './schema';

/** What the page shows of an excerpt before it is opened, and where its code is. */
export interface ExcerptSummary {
  title: string;
  note: string;
  file: string;
  /** 1-based, inclusive. */
  startLine: number;
  endLine: number;
  /** The excerpt's code as a small HTML page: see excerptCodeDocument. */
  codeUrl: string;
}

/** The lesson's excerpts, in order, without their code. A missing file or symbol throws, as the build should. */
export function readExcerptSummaries(slug: string, sources: readonly SourceExcerpt[]): Promise<ExcerptSummary[]> {
  return Promise.all(
    sources.map(async (source, index) => {
      const excerpt = await readExcerpt(source);
      return {
        title: source.title,
        note: source.note,
        file: excerpt.file,
        startLine: excerpt.startLine,
        endLine: excerpt.endLine,
        codeUrl: excerptCodeUrl(slug, index, excerpt),
      };
    }),
  );
}

/**
 * The route's address, with a digest of the code in the query (the route ignores it): an edited excerpt gets a new
 * address, so browsers may keep an answer for a year without ever showing code older than the page.
 */
export function excerptCodeUrl(slug: string, index: number, excerpt: ExcerptCode): string {
  const version = createHash('sha256').update(`${excerpt.startLine}\n${excerpt.code}`).digest('hex').slice(0, 12);
  return `/lessons/${slug}/excerpts/${index}?v=${version}`;
}

/** Every live lesson's excerpt positions, for the route's generateStaticParams. */
export function excerptRouteParams(): { slug: string; index: string }[] {
  return getCatalogue()
    .filter((entry) => entry.meta.status === 'live')
    .flatMap((entry) => entry.meta.sources.map((_source, index) => ({ slug: entry.meta.slug, index: String(index) })));
}

/** The excerpt at `index` (0-based, as in the lesson's meta.ts) of a live lesson, highlighted; undefined when there is none. */
export async function readHighlightedExcerpt(slug: string, index: string): Promise<(ExcerptCode & { title: string; html: string }) | undefined> {
  const entry = findLesson(slug);
  const source = /^\d+$/.test(index) && entry?.meta.status === 'live' ? entry.meta.sources[Number(index)] : undefined;
  if (!source) return undefined;
  const excerpt = await readExcerpt(source);
  return { ...excerpt, title: source.title, html: highlightCode(excerpt.code, languageOfFile(excerpt.file)) };
}

/**
 * The highlighted code as a page of its own: the lesson's script takes the `<code>` out of it, and without
 * JavaScript the learner follows a link to it and reads the plain code (no colours: the stylesheet is the app's).
 */
export function excerptCodeDocument(excerpt: ExcerptCode & { title: string; html: string }): string {
  const heading = `${excerpt.title} — ${excerpt.file}:${excerpt.startLine}–${excerpt.endLine}`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(heading)} · MCP Dojo</title>`,
    `<h1>${escapeHtml(heading)}</h1>`,
    `<pre><code>${excerpt.html}</code></pre>`,
    '</html>',
  ].join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
