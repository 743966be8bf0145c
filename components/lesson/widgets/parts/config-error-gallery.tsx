'use client';
/**
 * "What a broken configuration says": the real messages of six broken inputs,
 * made on the server by running resolveConfig against throwaway files
 * (GET /api/config-examples, see lib/config/examples.ts).
 */
import { useQuery } from '@tanstack/react-query';
import type { ConfigErrorExample } from '@/lib/config/examples';
import { ErrorWithRetry } from '@/components/ui/error-with-retry';

async function fetchExamples(): Promise<ConfigErrorExample[]> {
  const response = await fetch('/api/config-examples', { cache: 'no-store' });
  const body = (await response.json().catch(() => ({}))) as { examples?: ConfigErrorExample[]; error?: string };
  if (!response.ok || !body.examples) throw new Error(body.error ?? `The server answered ${response.status}.`);
  return body.examples;
}

export function ConfigErrorGallery() {
  // The examples never change while the server runs: one fetch per page is enough.
  const examples = useQuery({ queryKey: ['config-examples'], queryFn: fetchExamples, staleTime: Infinity });

  if (examples.isPending) return <p className="text-muted">Breaking six configurations on the server…</p>;
  if (examples.isError) {
    return (
      <ErrorWithRetry
        title="The examples could not be made."
        detail={examples.error.message}
        retryLabel="Try again"
        onRetry={() => examples.refetch()}
        retrying={examples.isFetching}
      />
    );
  }
  return (
    <ol className="space-y-4" aria-label="Broken configurations and their error messages">
      {examples.data.map((example) => (
        <li key={example.title} data-testid="config-error-example" className="rounded-lg border border-border p-4">
          <h3 className="text-lg font-semibold">{example.title}</h3>
          <p className="mt-2 text-sm font-semibold text-muted">The input</p>
          <pre className="mt-1 overflow-x-auto rounded-md bg-surface px-3 py-2 font-mono text-sm leading-relaxed whitespace-pre-wrap">
            {example.input}
          </pre>
          <p className="mt-3 text-sm font-semibold text-muted">What the server says</p>
          <p data-testid="config-error-message" className="mt-1 rounded-md border-l-4 border-danger bg-surface px-3 py-2 font-mono text-sm leading-relaxed break-words">
            {example.message}
          </p>
        </li>
      ))}
    </ol>
  );
}
