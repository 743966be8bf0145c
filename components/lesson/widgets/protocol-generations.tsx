'use client';
/**
 * Lesson 6, "Two generations of the protocol": the same tools/call over
 * 2025-11-25 and over 2026-07-28, each on a connection of its own, side by
 * side — the JSON-RPC messages, the HTTP requests with their headers and
 * bytes, and what a load balancer in front of several instances must know.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { HttpExchanges } from '@/components/mcp/http-exchanges';
import { ProtocolTrace } from '@/components/mcp/protocol-trace';
import { WireSummary } from '@/components/mcp/wire-summary';
import { ALERT, PRIMARY_BUTTON } from '@/components/ui/styles';
import { describeGenerations, loadBalancerNeeds, measureGeneration, type GenerationMeasure } from '@/lib/lessons/widgets/protocol-generations';
import type { ProtocolChoice } from '@/lib/mcp/client/constants';
import { HttpExchangeLog } from '@/lib/mcp/client/http-log';
import { runOnConnection } from '@/lib/mcp/client/run-on-demand';
import { ProtocolTrace as ProtocolTraceStore } from '@/lib/mcp/client/trace';
import { useHydrated } from '../panel/use-hydrated';
import { useObservations } from '../panel/use-observations';

const CALL = { name: 'list_projects', arguments: { format: 'tree' } };
// Mock data, so the comparison is about the protocol and works with no token and no network.
const SETTINGS = { backend: 'mock', strategy: 'production', scenario: 'faithful', size: 'small', workspace: 'protocol-generations' } as const;
const CLIENT_INFO = { name: 'mcp-dojo-protocol-generations', version: '0.2.0' };

const GENERATIONS: ReadonlyArray<{ protocol: ProtocolChoice; title: string; detail: string }> = [
  {
    protocol: '2025-11-25',
    title: '2025-11-25 — a handshake, then a session',
    detail: 'initialize, notifications/initialized, then the call. A sessionful server answers with an Mcp-Session-Id and remembers the client.',
  },
  {
    protocol: '2026-07-28',
    title: '2026-07-28 — every request stands alone',
    detail: 'No initialize, no session: each request carries its protocol version, client info and capabilities in its _meta envelope.',
  },
];

interface Wire {
  trace: ProtocolTraceStore;
  http: HttpExchangeLog;
}

export function ProtocolGenerations({ slug }: { slug: string }) {
  const [wires] = useState<Record<ProtocolChoice, Wire>>(() => ({
    '2025-11-25': { trace: new ProtocolTraceStore(), http: new HttpExchangeLog() },
    '2026-07-28': { trace: new ProtocolTraceStore(), http: new HttpExchangeLog() },
  }));
  const { add: observe } = useObservations(slug);
  const hydrated = useHydrated();

  const runOne = async (protocol: ProtocolChoice): Promise<GenerationMeasure> => {
    const { trace, http } = wires[protocol];
    trace.clear();
    http.clear();
    const negotiated = await runOnConnection(
      { endpoint: '/api/mcp', settings: SETTINGS, protocol, trace, http, clientInfo: CLIENT_INFO },
      async ({ client, connection, request }) => {
        await client.callTool(CALL, request);
        return connection.protocolVersion;
      },
    );
    return measureGeneration(protocol, negotiated, trace.snapshot(), http.snapshot());
  };

  const both = useMutation({
    mutationFn: async () => {
      // One after the other, so the two HTTP logs do not interleave in time.
      const legacy = await runOne('2025-11-25');
      const modern = await runOne('2026-07-28');
      observe({ kind: 'widget', widget: 'protocol-generations', summary: describeGenerations(legacy, modern) });
      return { '2025-11-25': legacy, '2026-07-28': modern } as Record<ProtocolChoice, GenerationMeasure>;
    },
  });

  return (
    <section aria-labelledby="generations-heading" data-testid="widget-protocol-generations" className="@container space-y-6 rounded-xl border border-border p-5">
      <div className="space-y-2">
        <h2 id="generations-heading" className="text-2xl font-semibold">
          Two generations of the protocol
        </h2>
        <p className="text-base leading-relaxed">
          The same <code className="font-mono">list_projects</code> call to this app&apos;s endpoint, once as a 2025-11-25 client and once
          as a 2026-07-28 client, each on a connection of its own (mock data: this is about the protocol). Compare the messages, the HTTP
          requests and their headers, the bytes — and what a load balancer in front of several instances of this server would have to know.
        </p>
      </div>
      <button type="button" onClick={() => both.mutate()} disabled={!hydrated || both.isPending} className={PRIMARY_BUTTON}>
        Call list_projects in both generations
      </button>
      {both.isPending && (
        <p role="status" className="font-semibold">
          Calling…
        </p>
      )}
      {both.error && (
        <div role="alert" className={ALERT}>
          <p className="font-semibold">The call failed</p>
          <p className="mt-1 font-mono text-sm">{both.error.message}</p>
        </div>
      )}
      <div className="grid gap-6 @5xl:grid-cols-2">
        {GENERATIONS.map((generation) => (
          <GenerationColumn key={generation.protocol} {...generation} wire={wires[generation.protocol]} measure={both.data?.[generation.protocol]} />
        ))}
      </div>
    </section>
  );
}

interface GenerationColumnProps {
  protocol: ProtocolChoice;
  title: string;
  detail: string;
  wire: Wire;
  measure: GenerationMeasure | undefined;
}

function GenerationColumn({ protocol, title, detail, wire, measure }: GenerationColumnProps) {
  const needs = measure && loadBalancerNeeds(measure);
  return (
    <section aria-label={title} data-testid={`generation-${protocol}`} data-negotiated={measure?.negotiated} className="min-w-0 space-y-3">
      <h3 className="text-xl font-semibold">{title}</h3>
      <p className="text-sm leading-relaxed text-muted">{detail}</p>
      {measure && (
        <>
          <p className="text-base">
            Negotiated <code className="font-mono font-semibold">{measure.negotiated ?? 'nothing'}</code>. Messages sent:{' '}
            <span data-testid="generation-methods" className="font-mono">
              {measure.sentMethods.join(' → ')}
            </span>
          </p>
          <WireSummary trace={wire.trace} http={wire.http} />
          {measure.toolCall && (
            <p data-testid="generation-tool-call" className="text-sm">
              The <code className="font-mono">tools/call</code> request itself: <strong>{measure.toolCall.bytes} B</strong>
              {measure.toolCall.envelope.length > 0 ? (
                <>
                  , with the envelope <code className="font-mono break-all">{measure.toolCall.envelope.join(', ')}</code> — what an initialize
                  would have told the server once.
                </>
              ) : (
                ' — no envelope: the server is meant to remember what initialize told it.'
              )}
            </p>
          )}
          {needs && (
            <div
              data-testid="load-balancer"
              data-affinity={needs.affinity}
              className="rounded-md border-2 border-accent px-3 py-2 text-sm leading-relaxed"
            >
              <p className="font-semibold">
                A load balancer: {needs.affinity === 'sticky' ? `sticky sessions, routed by ${needs.routeBy}` : 'no affinity needed — any instance'}
              </p>
              <p className="mt-1">{needs.why}</p>
            </div>
          )}
          <HttpExchanges log={wire.http} />
          <details className="rounded-md border border-border">
            <summary className="cursor-pointer px-3 py-2 text-sm font-medium">The JSON-RPC messages</summary>
            <div className="border-t border-border p-3">
              <ProtocolTrace trace={wire.trace} />
            </div>
          </details>
        </>
      )}
    </section>
  );
}
