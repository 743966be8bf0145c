/**
 * GET /lessons/<slug>/excerpts/<index>: the highlighted code a lesson page fetches when an excerpt is opened,
 * and the summaries the page sends instead of it.
 */
import { describe, expect, it } from 'vitest';
import { GET, generateStaticParams } from '@/app/lessons/[slug]/excerpts/[index]/route';
import { findLesson, getCatalogue } from '../catalogue';
import { readExcerpt } from '../excerpt';
import { excerptCodeUrl, readExcerptSummaries } from '../excerpt-views';
import { highlightCode } from '../highlight';

const excerptOf = (slug: string, index: string) =>
  GET(new Request(`http://127.0.0.1:3000/lessons/${slug}/excerpts/${index}`), { params: Promise.resolve({ slug, index }) });

const mockThatLied = findLesson('mock-that-lied')!.meta;

describe('GET /lessons/<slug>/excerpts/<index>', () => {
  it('answers the excerpt highlighted, in a page of its own that names it', async () => {
    const response = await excerptOf('mock-that-lied', '1');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('max-age=31536000');
    const page = await response.text();
    const { code } = await readExcerpt(mockThatLied.sources[1]!);
    expect(page).toContain(`<pre><code>${highlightCode(code)}</code></pre>`);
    expect(page).toContain('<span class="sh-keyword">function</span>');
    expect(page).toMatch(/<title>The fix: a first line a model cannot misread — lib\/mcp\/provenance\.ts:\d+–\d+ · MCP Dojo<\/title>/);
  });

  it.each([
    ['an index past the last excerpt', 'mock-that-lied', String(mockThatLied.sources.length)],
    ['an index that is not a number', 'mock-that-lied', '1e0'],
    ['a negative index', 'mock-that-lied', '-1'],
    ['an unknown lesson', 'no-such-lesson', '0'],
  ])('%s → 404', async (_case, slug, index) => {
    const response = await excerptOf(slug, index);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(`No excerpt ${index} in lesson "${slug}".`);
  });

  it('is built for every excerpt of every live lesson, and only those', () => {
    const live = getCatalogue().filter((entry) => entry.meta.status === 'live');
    const params = generateStaticParams();
    expect(params).toHaveLength(live.reduce((count, entry) => count + entry.meta.sources.length, 0));
    expect(params).toContainEqual({ slug: 'mock-that-lied', index: '0' });
    expect(params).not.toContainEqual({ slug: 'mock-that-lied', index: String(mockThatLied.sources.length) });
  });
});

describe('the excerpt summaries a lesson page sends', () => {
  it('name the lines and link to the code, without the code', async () => {
    const [first] = await readExcerptSummaries('mock-that-lied', mockThatLied.sources);
    const excerpt = await readExcerpt(mockThatLied.sources[0]!);
    expect(first).toEqual({
      title: mockThatLied.sources[0]!.title,
      note: mockThatLied.sources[0]!.note,
      file: 'lib/mcp/tool.ts',
      startLine: excerpt.startLine,
      endLine: excerpt.endLine,
      codeUrl: expect.stringMatching(/^\/lessons\/mock-that-lied\/excerpts\/0\?v=[0-9a-f]{12}$/),
    });
  });

  it('get a new address when the code changes, so a year-long cache never shows old code', async () => {
    const excerpt = await readExcerpt(mockThatLied.sources[0]!);
    const url = excerptCodeUrl('mock-that-lied', 0, excerpt);
    expect(excerptCodeUrl('mock-that-lied', 0, { ...excerpt })).toBe(url);
    expect(excerptCodeUrl('mock-that-lied', 0, { ...excerpt, code: `${excerpt.code}\n// edited` })).not.toBe(url);
    expect(excerptCodeUrl('mock-that-lied', 0, { ...excerpt, startLine: excerpt.startLine + 1 })).not.toBe(url);
  });
});
