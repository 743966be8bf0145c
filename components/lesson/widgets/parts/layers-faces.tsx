'use client';
/**
 * "One call, three faces": list_projects through the HTTP endpoint as a
 * 2026-07-28 client (this web UI), through the same endpoint as a 2025-11-25
 * client (older Claude and Inspector versions), and through the stdio server
 * (run by GET /api/stdio-trace) — side by side in the same trace view. The
 * call itself is the same message on every face; the transport differs, and
 * the 2025 client shakes hands first.
 */
import type { CallToolResult } from '@modelcontextprotocol/client';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { ProtocolTrace } from '@/components/mcp/protocol-trace';
import { ALERT, PRIMARY_BUTTON } from '@/components/ui/styles';
import { textOf } from '@/lib/lessons/observations';
import { beforeTheCall, compareSequences, fromTheCall, methodSequence, traceFromEntries } from '@/lib/lessons/widgets/layers-faces';
import type { ProtocolChoice } from '@/lib/mcp/client/constants';
import { runOnConnection } from '@/lib/mcp/client/run-on-demand';
import { ProtocolTrace as ProtocolTraceStore, type TraceEntry } from '@/lib/mcp/client/trace';
import type { StdioTrace } from '@/lib/mcp/stdio-trace';
import { useHydrated } from '../../panel/use-hydrated';

/** The same server the stdio call starts: mock backend, small data (see lib/mcp/stdio-trace.ts). */
const HTTP_SETTINGS = { backend: 'mock', strategy: 'production', scenario: 'faithful', size: 'small', workspace: 'layers-faces' } as const;
const CALL = { name: 'list_projects', arguments: { format: 'tree' } };
const CLIENT_INFO = { name: 'mcp-dojo-layers', version: '0.2.0' };

interface FaceRun {
  result: CallToolResult;
  /** The messages when the call ended. */
  entries: readonly TraceEntry[];
  trace: ProtocolTraceStore;
}

interface FacesRun {
  modern: FaceRun;
  legacy: FaceRun;
  stdio: FaceRun & { command: string; ms: number };
}

async function overHttp(protocol: ProtocolChoice): Promise<FaceRun> {
  const trace = new ProtocolTraceStore();
  const result = await runOnConnection(
    { endpoint: '/api/mcp', settings: HTTP_SETTINGS, protocol, trace, clientInfo: CLIENT_INFO },
    ({ client, request }) => client.callTool(CALL, request) as Promise<CallToolResult>,
  );
  return { result, entries: trace.snapshot(), trace };
}

async function overStdio(): Promise<FacesRun['stdio']> {
  const response = await fetch('/api/stdio-trace');
  const body = (await response.json()) as StdioTrace | { error: string };
  if ('error' in body) throw new Error(body.error);
  return { result: body.result, entries: body.entries, trace: traceFromEntries(body.entries), command: body.command, ms: body.ms };
}

export function LayersFaces() {
  const hydrated = useHydrated();
  const [run, setRun] = useState<FacesRun>();
  const faces = useMutation({
    mutationFn: async (): Promise<FacesRun> => {
      const [modern, legacy, stdio] = await Promise.all([overHttp('2026-07-28'), overHttp('2025-11-25'), overStdio()]);
      return { modern, legacy, stdio };
    },
    onSuccess: setRun,
  });

  return (
    <section aria-labelledby="faces-heading" data-testid="layers-faces" className="space-y-4">
      <h3 id="faces-heading" className="text-xl font-semibold">
        One call, three faces
      </h3>
      <p className="text-base leading-relaxed">
        <code className="font-mono">list_projects</code> through the HTTP endpoint as a 2026-07-28 client (this page, and current Claude
        Code), through the same endpoint as a 2025-11-25 client (older Claude versions, the Inspector in legacy mode), and through the stdio
        server — the process Claude Desktop launches. Set them up on the{' '}
        <Link href="/connect" className="text-accent underline underline-offset-2">
          Connect page
        </Link>
        .
      </p>
      <button type="button" onClick={() => faces.mutate()} disabled={!hydrated || faces.isPending} className={PRIMARY_BUTTON}>
        Call list_projects on all three faces
      </button>
      {faces.isPending && (
        <p role="status" className="font-semibold">
          Running… (the stdio server starts a Node process: a second or two)
        </p>
      )}
      {faces.error && (
        <div role="alert" className={ALERT}>
          <p className="font-semibold">The call failed</p>
          <p className="mt-1 font-mono text-sm">{faces.error.message}</p>
        </div>
      )}
      {run && <FacesResult run={run} />}
    </section>
  );
}

function FacesResult({ run }: { run: FacesRun }) {
  const sequences = {
    modern: methodSequence(run.modern.entries),
    legacy: methodSequence(run.legacy.entries),
    stdio: methodSequence(run.stdio.entries),
  };
  const calls = Object.values(sequences).map(fromTheCall);
  const sameCall = calls.every((call) => call.length > 0 && compareSequences(call, calls[0]!).same);
  const handshake = beforeTheCall(sequences.legacy);
  return (
    <div className="space-y-4">
      <p
        data-testid="faces-verdict"
        data-same={sameCall}
        className={`rounded-md border-2 px-3 py-2 text-base font-semibold ${sameCall ? 'border-emerald-600 bg-emerald-50 text-emerald-950 dark:bg-emerald-950 dark:text-emerald-50' : 'border-amber-500 bg-amber-50 text-amber-950 dark:bg-amber-950 dark:text-amber-50'}`}
      >
        {sameCall
          ? `The same call on all three faces: ${calls[0]!.join(', ')}. Only the 2025-11-25 client sends something first: ${handshake.length ? handshake.join(', ') : 'nothing'}.`
          : 'The call differs between the faces: compare the traces below.'}
      </p>
      <div className="grid gap-4 @5xl:grid-cols-3">
        <Face
          testId="face-http"
          title="HTTP, 2026-07-28 — this web UI"
          detail={
            <>
              <code className="font-mono">POST /api/mcp</code> per request; no session, the envelope in each request&apos;s{' '}
              <code className="font-mono">_meta</code>
            </>
          }
          run={run.modern}
        />
        <Face
          testId="face-http-legacy"
          title="HTTP, 2025-11-25 — 2025-era clients"
          detail={
            <>
              The same endpoint: <code className="font-mono">initialize</code> first; served statelessly, so no session id comes back
            </>
          }
          run={run.legacy}
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
          run={run.stdio}
        />
      </div>
    </div>
  );
}

interface FaceProps {
  testId: string;
  title: string;
  detail: React.ReactNode;
  run: FaceRun;
}

function Face({ testId, title, detail, run }: FaceProps) {
  return (
    <section aria-label={title} data-testid={testId} className="min-w-0 space-y-2">
      <h4 className="text-lg font-semibold">{title}</h4>
      <p className="text-sm leading-relaxed text-muted">{detail}</p>
      <p className="rounded-md border border-border bg-border/30 px-3 py-2 font-mono text-sm break-words">{textOf(run.result).split('\n')[0] ?? ''}</p>
      <ProtocolTrace trace={run.trace} />
    </section>
  );
}
