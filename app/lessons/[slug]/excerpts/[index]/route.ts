/**
 * GET /lessons/<slug>/excerpts/<index> — one of a lesson's source excerpts, highlighted, as a small HTML page
 * (lib/lessons/excerpt-views.ts). The lesson page fetches it when the learner first opens the excerpt, so the
 * page itself carries only the summaries. Built once with the site: the code cannot change while it runs.
 */
import { excerptCodeDocument, excerptRouteParams, readHighlightedExcerpt } from '@/lib/lessons/excerpt-views';

export const dynamic = 'force-static';
// Only the excerpts built with the site: any other slug or index is a 404.
export const dynamicParams = false;

export function generateStaticParams() {
  return excerptRouteParams();
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; index: string }> }): Promise<Response> {
  const { slug, index } = await params;
  const excerpt = await readHighlightedExcerpt(slug, index);
  if (!excerpt) {
    return new Response(`No excerpt ${index} in lesson "${slug}".`, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  return new Response(excerptCodeDocument(excerpt), {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      // The page links here with a digest of the code in the query (excerptCodeUrl): a changed excerpt is a new address.
      'Cache-Control': 'public, max-age=31536000, immutable',
    },
  });
}
