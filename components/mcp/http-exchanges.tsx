'use client';
/**
 * The HTTP under the JSON-RPC: one row per request — method, status, what
 * the answer was (JSON, a stream, nothing), bytes each way and time — with
 * the protocol's headers on demand.
 */
import { useId, useSyncExternalStore } from 'react';
import type { HttpExchange, HttpExchangeLog } from '@/lib/mcp/client/http-log';
import { formatBytes } from './format-bytes';

const NO_EXCHANGES: readonly HttpExchange[] = [];
const serverSnapshot = () => NO_EXCHANGES;

export function useHttpExchanges(log: HttpExchangeLog): readonly HttpExchange[] {
  return useSyncExternalStore(log.subscribe, log.snapshot, serverSnapshot);
}

export function HttpExchanges({ log }: { log: HttpExchangeLog }) {
  const exchanges = useHttpExchanges(log);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} data-testid="http-exchanges" className="rounded-lg border border-border">
      <h3 id={headingId} className="border-b border-border px-4 py-2 text-base font-semibold">
        HTTP requests <span className="font-normal text-muted">({exchanges.length})</span>
      </h3>
      {exchanges.length === 0 ? (
        <p className="px-4 py-3 text-sm text-muted">No HTTP requests yet.</p>
      ) : (
        <ol aria-label="HTTP requests" className="max-h-80 divide-y divide-border overflow-auto">
          {exchanges.map((exchange) => (
            <ExchangeRow key={exchange.seq} exchange={exchange} />
          ))}
        </ol>
      )}
    </section>
  );
}

function ExchangeRow({ exchange }: { exchange: HttpExchange }) {
  const failed = exchange.status === 0 || exchange.status >= 400;
  return (
    <li data-testid="http-exchange" data-method={exchange.method} data-status={exchange.status} data-mcp-method={exchange.requestHeaders['mcp-method']}>
      <details>
        <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-3 px-4 py-1.5 font-mono text-sm hover:bg-border/50">
          <span className="w-14 shrink-0 font-semibold">{exchange.method}</span>
          <span className={`w-10 shrink-0 ${failed ? 'font-bold text-red-600 dark:text-red-400' : ''}`}>{exchange.status || '—'}</span>
          <span className="min-w-0 flex-1 truncate text-muted">{answerKind(exchange)}</span>
          <span className="shrink-0 text-muted">
            ↑{formatBytes(exchange.requestBytes)} ↓{formatBytes(exchange.responseBytes)}
          </span>
          <span className="w-16 shrink-0 text-right text-muted">{Math.round(exchange.durationMs)} ms</span>
        </summary>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 bg-border/30 px-4 py-2 font-mono text-xs leading-relaxed">
          {headerRows('→', exchange.requestHeaders)}
          {headerRows('←', exchange.responseHeaders)}
          {exchange.error && (
            <div className="contents">
              <dt className="text-muted">error</dt>
              <dd>{exchange.error}</dd>
            </div>
          )}
        </dl>
      </details>
    </li>
  );
}

function headerRows(arrow: string, headers: Record<string, string>) {
  return Object.entries(headers).map(([name, value]) => (
    <div key={`${arrow}${name}`} className="contents">
      <dt className="text-muted">
        {arrow} {name}
      </dt>
      <dd className="break-all">{value}</dd>
    </div>
  ));
}

/** In words: what came back, e.g. "tools/call · event stream" or "405 — refused". */
function answerKind(exchange: HttpExchange): string {
  const what = exchange.requestHeaders['mcp-method'] ?? '';
  const answer =
    exchange.status === 0
      ? `no answer (${exchange.outcome})`
      : exchange.status === 202
        ? 'accepted, empty body'
        : exchange.status >= 400
          ? `refused${exchange.responseHeaders.allow ? ` (Allow: ${exchange.responseHeaders.allow})` : ''}`
          : exchange.streamed
            ? `event stream${exchange.outcome === 'aborted' ? ', closed by the client' : ''}`
            : 'JSON';
  return what ? `${what} · ${answer}` : answer;
}
