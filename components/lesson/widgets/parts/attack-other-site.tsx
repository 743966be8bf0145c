'use client';
/**
 * Lesson 9, attack 1, in this very browser: a sandboxed frame is "another
 * site" (an opaque origin — its requests say `Origin: null`, and carry none of
 * our cookies). It calls the naive endpoint and the production one and tells
 * this page what it could read. Nothing is simulated: the browser's own CORS
 * rules decide what the other site sees.
 */
import { useEffect, useRef, useState } from 'react';
import { PRIMARY_BUTTON } from '@/components/ui/styles';
import { OTHER_SITE_MESSAGE_TYPE, OTHER_SITE_PATH, type OtherSiteAttempt, type OtherSiteReport } from '@/lib/security/attacks/report';
import { VerdictLine } from './attack-exchange';

const LABELS = { naive: 'Naive endpoint (no Origin check, CORS *)', production: 'Production endpoint (/api/mcp)' } as const;

export function OtherSiteAttack({ onReport }: { onReport(report: OtherSiteReport): void }) {
  const frame = useRef<HTMLIFrameElement>(null);
  // Each run is a fresh frame: a new page load is a new visit to the other site.
  const [run, setRun] = useState(0);
  const [report, setReport] = useState<OtherSiteReport>();

  useEffect(() => {
    const listen = (event: MessageEvent) => {
      // The frame's origin is opaque ("null"), so it is known by its window, never by event.origin.
      if (event.source !== frame.current?.contentWindow || (event.data as OtherSiteReport)?.type !== OTHER_SITE_MESSAGE_TYPE) return;
      const received = event.data as OtherSiteReport;
      setReport(received);
      onReport(received);
    };
    window.addEventListener('message', listen);
    return () => window.removeEventListener('message', listen);
  }, [onReport]);

  return (
    <section aria-label="Another site calls your MCP server" data-testid="attack-other-site" className="space-y-4 rounded-md border border-border p-4">
      <h3 className="text-xl font-semibold">Another site calls your MCP server</h3>
      <p className="text-base leading-relaxed">
        Any page you visit can make your browser send requests to <code>localhost</code>; with DNS rebinding, even under a name of its
        own. The frame below is such a page: sandboxed, so to the browser it is another site. It posts <code>tools/call list_tasks</code>{' '}
        to both endpoints and reports what it could read.
      </p>
      <button
        type="button"
        className={PRIMARY_BUTTON}
        onClick={() => {
          setReport(undefined);
          setRun((count) => count + 1);
        }}
      >
        {run === 0 ? 'Open the other site' : 'Visit it again'}
      </button>
      {run > 0 && (
        <iframe
          key={run}
          ref={frame}
          src={OTHER_SITE_PATH}
          sandbox="allow-scripts"
          title="Another site (a sandboxed frame)"
          className="h-24 w-full rounded-md border border-dashed border-border"
        />
      )}
      {run > 0 && !report && <p role="status">The other site is calling…</p>}
      {report && (
        <div className="grid gap-4 @4xl:grid-cols-2" data-testid="other-site-report">
          {report.attempts.map((attempt) => (
            <AttemptView key={attempt.target} attempt={attempt} />
          ))}
        </div>
      )}
    </section>
  );
}

function AttemptView({ attempt }: { attempt: OtherSiteAttempt }) {
  const { request, response } = attempt;
  const read = response.readable && (response.taskTitles?.length ?? 0) > 0;
  const verdict = read
    ? { attack: 'succeeded' as const, summary: `The other site read your tasks: ${response.taskTitles!.join(' · ')}.` }
    : {
        attack: 'refused' as const,
        summary: 'The other site read nothing: the server refused its Origin (403) and sent no CORS header, so the browser hid even that.',
      };
  return (
    <div className="min-w-0 space-y-2 text-sm">
      <h4 className="text-lg font-semibold">{LABELS[attempt.target]}</h4>
      <VerdictLine verdict={verdict} testId={`other-site-${attempt.target}`} />
      <p className="font-mono break-all">
        {request.method} {request.url}
        <br />
        Origin: {request.origin}
      </p>
      <p className="font-mono break-words">
        → {response.status ?? 'no answer the page may see'}
        {response.error && <> · {response.error}</>}
      </p>
    </div>
  );
}
