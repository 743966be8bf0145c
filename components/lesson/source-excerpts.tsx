/**
 * The real source files behind the lesson, cut at build time (lib/lessons/excerpt.ts)
 * and highlighted on the server: each one collapsed to its title, file and why it matters.
 */
import type { CSSProperties } from 'react';

export interface ExcerptView {
  title: string;
  note: string;
  file: string;
  startLine: number;
  endLine: number;
  /** Highlighted HTML from our own source files (lib/lessons/highlight.ts). */
  html: string;
}

export function SourceExcerpts({ excerpts }: { excerpts: ExcerptView[] }) {
  return (
    <section aria-labelledby="code-heading">
      <h2 id="code-heading" className="text-2xl font-bold tracking-tight">
        The code
      </h2>
      <p className="mt-2 text-muted">Cut from this app&apos;s source when the site was built — the code that runs in the panel.</p>
      <div className="mt-5 space-y-3">
        {excerpts.map((excerpt) => (
          <details key={excerpt.title} data-testid="excerpt" className="group rounded-xl border border-border bg-background open:shadow-sm">
            <summary className="flex cursor-pointer list-none items-start gap-3 rounded-xl p-4 hover:bg-surface [&::-webkit-details-marker]:hidden">
              <svg
                aria-hidden="true"
                viewBox="0 0 20 20"
                width="20"
                height="20"
                className="mt-1 shrink-0 text-muted transition-transform group-open:rotate-90"
              >
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
            <div className="border-t border-border p-3">
              <pre
                className="code-block"
                style={{ '--first-line': excerpt.startLine - 1 } as CSSProperties}
                // A scrollable region must be reachable by keyboard, to scroll long lines.
                tabIndex={0}
              >
                <code dangerouslySetInnerHTML={{ __html: excerpt.html }} />
              </pre>
            </div>
          </details>
        ))}
      </div>
    </section>
  );
}
