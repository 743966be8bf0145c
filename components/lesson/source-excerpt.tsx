'use client';
/**
 * One source excerpt, collapsed to the summary the server rendered. Its highlighted code is fetched the first
 * time the learner opens it (lib/lessons/excerpt-views.ts says why); without JavaScript, a link leads to it.
 */
import { useCallback, useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { ErrorWithRetry } from '@/components/ui/error-with-retry';

type Code = { state: 'not asked' } | { state: 'loading' } | { state: 'loaded'; html: string } | { state: 'failed'; reason: string };

interface SourceExcerptProps {
  /** The `<summary>`, rendered on the server. */
  summary: ReactNode;
  codeUrl: string;
  startLine: number;
}

export function SourceExcerpt({ summary, codeUrl, startLine }: SourceExcerptProps) {
  const details = useRef<HTMLDetailsElement>(null);
  const [code, setCode] = useState<Code>({ state: 'not asked' });
  const asked = useRef(false);

  const load = useCallback(() => {
    asked.current = true;
    setCode({ state: 'loading' });
    fetchExcerptCode(codeUrl).then(
      (html) => setCode({ state: 'loaded', html }),
      (error: unknown) => setCode({ state: 'failed', reason: reasonOf(error) }),
    );
  }, [codeUrl]);

  const loadOnFirstOpen = useCallback(() => {
    if (details.current?.open && !asked.current) load();
  }, [load]);

  // Opened before the page hydrated, its toggle event went unheard: load now.
  useEffect(loadOnFirstOpen, [loadOnFirstOpen]);

  return (
    <details
      ref={details}
      onToggle={loadOnFirstOpen}
      data-testid="excerpt"
      className="group rounded-xl border border-border bg-background open:shadow-sm"
    >
      {summary}
      <div className="border-t border-border p-3">
        {code.state === 'loaded' ? (
          <pre
            className="code-block"
            style={{ '--first-line': startLine - 1 } as CSSProperties}
            // A scrollable region must be reachable by keyboard, to scroll long lines.
            tabIndex={0}
          >
            <code dangerouslySetInnerHTML={{ __html: code.html }} />
          </pre>
        ) : code.state === 'failed' ? (
          <ErrorWithRetry title="The code could not be loaded." detail={code.reason} retryLabel="Try again" onRetry={load} />
        ) : code.state === 'loading' ? (
          <p role="status" className="px-1 text-muted">
            Loading…
          </p>
        ) : (
          // What a page without JavaScript shows: the code's own page, plain.
          <a href={codeUrl} className="inline-block px-1 text-accent underline underline-offset-4">
            View the code
          </a>
        )}
      </div>
    </details>
  );
}

/** The highlighted lines of the excerpt's page (app/lessons/[slug]/excerpts/[index]/route.ts). */
async function fetchExcerptCode(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The app answered HTTP ${response.status}.`);
  const code = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('pre > code');
  if (!code) throw new Error('The answer held no code.');
  return code.innerHTML;
}

function reasonOf(error: unknown): string {
  // fetch rejects with a TypeError when no answer came at all.
  if (error instanceof TypeError) return 'No answer from the app: is it still running?';
  return error instanceof Error ? error.message : String(error);
}
