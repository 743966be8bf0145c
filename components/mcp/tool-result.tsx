/**
 * One tool call's outcome as a client sees it: progress, the text (what a
 * model reads), the structured content (what a program reads) and the
 * provenance from `_meta`.
 */
import type { CallToolResult, Progress } from '@modelcontextprotocol/client';
import { ALERT } from '@/components/ui/styles';
import { isCancelled } from '@/lib/mcp/client/cancel';
import { JsonView } from './json-view';
import { ProvenanceBadge } from './provenance-badge';

interface ToolResultProps {
  toolName: string;
  result: CallToolResult | undefined;
  error: Error | null;
  progress: Progress[];
  pending: boolean;
}

export function ToolResult({ toolName, result, error, progress, pending }: ToolResultProps) {
  if (!result && !error && !pending) return null;
  return (
    <section data-testid="tool-result" aria-label={`Result of ${toolName}`} aria-busy={pending} className="space-y-3">
      <h3 className="text-lg font-semibold">
        Result <span className="font-mono text-base font-normal text-muted">{toolName}</span>
      </h3>
      {progress.length > 0 && <ProgressList progress={progress} />}
      {pending && <p className="text-muted">Waiting for the server…</p>}
      {error && isCancelled(error) && <p className="text-muted">Cancelled: the client stopped waiting and aborted the request.</p>}
      {error && !isCancelled(error) && (
        <div role="alert" className={ALERT}>
          <p className="font-semibold">The call failed: no result came back</p>
          <p className="mt-1 font-mono text-sm">{error.message}</p>
        </div>
      )}
      {result && <ResultBody result={result} />}
    </section>
  );
}

function ResultBody({ result }: { result: CallToolResult }) {
  const text = result.content
    .map((part) => (part.type === 'text' ? part.text : `[${part.type} content]`))
    .join('\n');
  return (
    <>
      <ProvenanceBadge meta={result._meta} />
      {result.isError && (
        <div role="alert" className={ALERT}>
          <p className="font-semibold">The tool reported an error (isError: true)</p>
          <p className="mt-1 text-sm">The server answered, but the tool failed; its message is below.</p>
        </div>
      )}
      <pre
        data-testid="tool-result-text"
        aria-label="Result text"
        className="max-h-[28rem] overflow-auto rounded-md border border-border px-4 py-3 font-mono text-sm leading-relaxed whitespace-pre-wrap"
      >
        {text}
      </pre>
      {result.structuredContent !== undefined && <JsonView label="structuredContent" value={result.structuredContent} />}
      {result._meta !== undefined && <JsonView label="_meta" value={result._meta} />}
    </>
  );
}

function ProgressList({ progress }: { progress: Progress[] }) {
  return (
    <ol aria-label="Progress notifications" className="space-y-0.5 text-sm text-muted">
      {progress.map((update, index) => (
        <li key={index} className="font-mono">
          progress {update.progress}
          {update.total !== undefined ? `/${update.total}` : ''} · {update.message ?? ''}
        </li>
      ))}
    </ol>
  );
}
