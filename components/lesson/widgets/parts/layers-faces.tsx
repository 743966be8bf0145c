'use client';
/**
 * "One call, three faces": list_projects through this page's HTTP session
 * and through the stdio server (run by GET /api/stdio-trace), side by side
 * in the same trace view. Same JSON-RPC methods, same order; only the
 * transport differs. The third face, the HTTP endpoint for Claude Code and
 * the Inspector, is the very one this page talks to.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { ProtocolTrace } from '@/components/mcp/protocol-trace';
import { ALERT_CLASSES } from '@/components/mcp/tool-result';
import { textOf } from '@/lib/lessons/observations';
import { compareSequences, methodNames, methodSequence, traceFromEntries } from '@/lib/lessons/widgets/layers-faces';
import type { PanelSettings } from '@/lib/lessons/schema';
import type { ProtocolTrace as ProtocolTraceStore, TraceEntry } from '@/lib/mcp/client/trace';
import type { StdioTrace } from '@/lib/mcp/stdio-trace';
import { PRIMARY_BUTTON } from '../../panel/buttons';
import { SessionSlot } from '../../panel/session-slot';
import { useHydrated } from '../../panel/use-hydrated';

/** The same server the stdio call starts: mock backend, small data (see lib/mcp/stdio-trace.ts). */
const HTTP_SETTINGS: PanelSettings = { backend: 'mock', strategy: 'production', scenario: 'faithful', size: 'small', token: 'configured' };
const CALL = { name: 'list_projects', arguments: { format: 'tree' } };

interface FacesRun {
  http: CallToolResult;
  /** The HTTP session's messages when the call ended (the live view may be cleared later). */
  httpEntries: readonly TraceEntry[];
  stdio: StdioTrace & { trace: ProtocolTraceStore };
}

async function fetchStdioTrace(): Promise<StdioTrace> {
  const response = await fetch('/api/stdio-trace');
  const body = (await response.json()) as StdioTrace | { error: string };
  if ('error' in body) throw new Error(body.error);
  return body;
}

export function LayersFaces() {
  const [slot] = useState(() => new SessionSlot());
  useEffect(() => () => slot.close(), [slot]);
  const hydrated = useHydrated();

  const faces = useMutation({
    mutationFn: async (): Promise<FacesRun> => {
      // A fresh session each time, so its trace shows the whole conversation: initialize, then the call.
      slot.close();
      const [http, stdio] = await Promise.all([
        slot.ensure(HTTP_SETTINGS).then(({ client }) => client.callTool(CALL) as Promise<CallToolResult>),
        fetchStdioTrace(),
      ]);
      return { http, httpEntries: slot.trace.snapshot(), stdio: { ...stdio, trace: traceFromEntries(stdio.entries) } };
    },
  });

  const run = faces.data;
  return (
    <section aria-labelledby="faces-heading" data-testid="layers-faces" className="space-y-4">
      <h3 id="faces-heading" className="text-xl font-semibold">
        One call, three faces
      </h3>
      <p className="text-base leading-relaxed">
        <code className="font-mono">list_projects</code> through this page&apos;s Streamable HTTP session, and through the stdio server — the
        process Claude Desktop launches. Claude Code and the MCP Inspector use the same HTTP endpoint as this page. Set them up on the{' '}
        <Link href="/connect" className="text-accent underline underline-offset-2">
          Connect page
        </Link>
        .
      </p>
      <button type="button" onClick={() => faces.mutate()} disabled={!hydrated || faces.isPending} className={PRIMARY_BUTTON}>
        Call list_projects over HTTP and stdio
      </button>
      {faces.isPending && (
        <p role="status" className="font-semibold">
          Running… (the stdio server starts a Node process: a second or two)
        </p>
      )}
      {faces.error && (
        <div role="alert" className={ALERT_CLASSES}>
          <p className="font-semibold">The call failed</p>
          <p className="mt-1 font-mono text-sm">{faces.error.message}</p>
        </div>
      )}
      {run && <FacesResult run={run} httpTrace={slot.trace} />}
    </section>
  );
}

function FacesResult({ run, httpTrace }: { run: FacesRun; httpTrace: ProtocolTraceStore }) {
  const http = methodSequence(run.httpEntries);
  const stdio = methodSequence(run.stdio.entries);
  const compared = compareSequences(http, stdio);
  return (
    <div className="space-y-4">
      <p
        data-testid="faces-verdict"
        data-same={compared.same}
        className={`rounded-md border-2 px-3 py-2 text-base font-semibold ${compared.same ? 'border-emerald-600 bg-emerald-50 text-emerald-950 dark:bg-emerald-950 dark:text-emerald-50' : 'border-amber-500 bg-amber-50 text-amber-950 dark:bg-amber-950 dark:text-amber-50'}`}
      >
        {compared.same
          ? `Same ${http.length} JSON-RPC messages, in the same order: ${methodNames(run.httpEntries).join(', ')}.`
          : `The messages differ from message ${(compared.firstDifference ?? 0) + 1}: ${http[compared.firstDifference ?? 0] ?? '(none)'} over HTTP, ${stdio[compared.firstDifference ?? 0] ?? '(none)'} over stdio.`}
      </p>
      <div className="grid gap-4 @4xl:grid-cols-2">
        <Face
          testId="face-http"
          title="HTTP — this web UI"
          detail={
            <>
              Streamable HTTP: <code className="font-mono">POST /api/mcp</code>, the session id in a header
            </>
          }
          firstLine={textOf(run.http).split('\n')[0] ?? ''}
          trace={httpTrace}
        />
        <Face
          testId="face-stdio"
          title="stdio — what Claude Desktop launches"
          detail={
            <>
              <code data-testid="stdio-command" className="font-mono break-all">
                {run.stdio.command}
              </code>{' '}
              — JSON-RPC on stdin/stdout ({Math.round(run.stdio.ms)} ms, process start included)
            </>
          }
          firstLine={textOf(run.stdio.result).split('\n')[0] ?? ''}
          trace={run.stdio.trace}
        />
      </div>
    </div>
  );
}

interface FaceProps {
  testId: string;
  title: string;
  detail: React.ReactNode;
  firstLine: string;
  trace: ProtocolTraceStore;
}

function Face({ testId, title, detail, firstLine, trace }: FaceProps) {
  return (
    <section aria-label={title} data-testid={testId} className="min-w-0 space-y-2">
      <h4 className="text-lg font-semibold">{title}</h4>
      <p className="text-sm leading-relaxed text-muted">{detail}</p>
      <p className="rounded-md border border-border bg-border/30 px-3 py-2 font-mono text-sm break-words">{firstLine}</p>
      <ProtocolTrace trace={trace} />
    </section>
  );
}
