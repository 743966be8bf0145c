'use client';
/** While a call runs: the server's progress notifications (one per page it reads) and a way to stop. */
import type { Progress } from '@modelcontextprotocol/client';
import { REQUEST_TIMEOUT_MS } from '@/lib/mcp/client/constants';

export function RunProgress({ progress, onCancel }: { progress: Progress[]; onCancel: () => void }) {
  return (
    <div data-testid="run-progress" aria-busy className="space-y-2 rounded-md border border-border px-4 py-3">
      <div className="flex items-center justify-between gap-3">
        <p role="status" className="font-semibold">
          Running… {progress.length > 0 && <span className="font-normal text-muted">({progress.length} progress notification{progress.length === 1 ? '' : 's'})</span>}
        </p>
        <button type="button" onClick={onCancel} className="rounded-md border border-border px-3 py-1 text-sm hover:bg-border">
          Cancel
        </button>
      </div>
      <p className="text-sm text-muted">Gives up by itself after {REQUEST_TIMEOUT_MS / 1000} s without an answer.</p>
      {progress.length > 0 && (
        <ol aria-label="Progress notifications" className="max-h-32 space-y-0.5 overflow-auto font-mono text-sm text-muted">
          {progress.map((update, index) => (
            <li key={index}>
              {update.progress}
              {update.total !== undefined ? `/${update.total}` : ''} · {update.message ?? ''}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** After the run: the same notifications, folded away. */
export function ProgressRecap({ progress }: { progress: Progress[] }) {
  return (
    <details className="rounded-md border border-border">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-muted hover:text-foreground">
        {progress.length} progress notification{progress.length === 1 ? '' : 's'} while it ran
      </summary>
      <ol className="border-t border-border px-3 py-2 font-mono text-sm text-muted">
        {progress.map((update, index) => (
          <li key={index}>{update.message ?? `progress ${update.progress}`}</li>
        ))}
      </ol>
    </details>
  );
}
