/**
 * The real source files behind the lesson, cut at build time (lib/lessons/excerpt.ts): each one collapsed to its
 * title, file and why it matters. The highlighted code is not in the page: each excerpt fetches its own when first
 * opened (source-excerpt.tsx), which keeps a lesson page a fraction of its size.
 */
import type { ExcerptSummary } from '@/lib/lessons/excerpt-views';
import { SourceExcerpt } from './source-excerpt';

export function SourceExcerpts({ excerpts }: { excerpts: ExcerptSummary[] }) {
  return (
    <section aria-labelledby="code-heading">
      <h2 id="code-heading" className="text-2xl font-bold tracking-tight">
        The code
      </h2>
      <p className="mt-2 text-muted">Cut from this app&apos;s source when the site was built — the code that runs in the panel.</p>
      <div className="mt-5 space-y-3">
        {excerpts.map((excerpt) => (
          <SourceExcerpt key={excerpt.title} codeUrl={excerpt.codeUrl} startLine={excerpt.startLine} summary={<CollapsedSummary excerpt={excerpt} />} />
        ))}
      </div>
    </section>
  );
}

function CollapsedSummary({ excerpt }: { excerpt: ExcerptSummary }) {
  return (
    <summary className="flex cursor-pointer list-none items-start gap-3 rounded-xl p-4 hover:bg-surface [&::-webkit-details-marker]:hidden">
      <svg aria-hidden="true" viewBox="0 0 20 20" width="20" height="20" className="mt-1 shrink-0 text-muted transition-transform group-open:rotate-90">
        <path d="M7 5l5 5-5 5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span className="min-w-0 flex-1">
        <span className="block font-semibold">{excerpt.title}</span>
        <span className="mt-0.5 block font-mono text-sm break-all text-muted">
          {excerpt.file}:{excerpt.startLine}–{excerpt.endLine}
        </span>
        <span className="mt-2 block leading-relaxed text-muted">{excerpt.note}</span>
      </span>
    </summary>
  );
}
