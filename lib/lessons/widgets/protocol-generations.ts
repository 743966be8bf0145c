/**
 * Lesson 6, "Two generations of the protocol": the same tools/call over
 * 2025-11-25 and over 2026-07-28, read from what each connection really sent
 * (its JSON-RPC trace and its HTTP exchanges) — and what that means for a
 * load balancer in front of several server instances.
 */
import type { HttpExchange } from '@/lib/mcp/client/http-log';
import type { TraceEntry } from '@/lib/mcp/client/trace';
import { summarizeWire, type WireSummary } from '@/lib/mcp/client/wire-summary';
import { plural } from '@/lib/lessons/observations';
import { formatBytes } from '@/lib/lessons/text-measure';

export interface GenerationMeasure {
  /** What the client asked for: '2025-11-25' or '2026-07-28'. */
  protocol: string;
  /** What the server and client agreed on (undefined if the server said nothing). */
  negotiated: string | undefined;
  wire: WireSummary;
  /** The JSON-RPC messages sent, by method, in order: "initialize", "notifications/initialized", "tools/call". */
  sentMethods: string[];
  /** The tools/call request itself: its bytes as JSON and the envelope keys in its `_meta`. */
  toolCall: { bytes: number; envelope: string[] } | undefined;
}

export function measureGeneration(
  protocol: string,
  negotiated: string | undefined,
  trace: readonly TraceEntry[],
  http: readonly HttpExchange[],
): GenerationMeasure {
  const sent = trace.filter((entry) => entry.direction === 'out' && entry.method !== undefined);
  const call = sent.find((entry) => entry.method === 'tools/call');
  return {
    protocol,
    negotiated,
    wire: summarizeWire(trace, http),
    sentMethods: sent.map((entry) => entry.method!),
    toolCall: call && { bytes: call.size, envelope: call.envelope ?? [] },
  };
}

export interface LoadBalancerNeeds {
  /** `sticky`: every request of a session must reach the instance that holds it. `none`: any instance will do. */
  affinity: 'sticky' | 'none';
  /** What the load balancer has to look at (or nothing). */
  routeBy: string;
  why: string;
}

/**
 * What a load balancer in front of N instances must know, from what this
 * connection's wire showed. A server that hands out an Mcp-Session-Id keeps
 * the session in one process (SDK 1.x cannot move it): every later request of
 * the session must go back there. Without one, any instance can answer.
 */
export function loadBalancerNeeds(measure: GenerationMeasure): LoadBalancerNeeds {
  if (measure.wire.sessionId) {
    return {
      affinity: 'sticky',
      routeBy: 'the Mcp-Session-Id header',
      why: 'The server handed out a session id: the session lives in that one instance’s memory, so every later request of the session (and its GET stream) must reach it. Another instance answers 404.',
    };
  }
  if (measure.wire.handshake === 'initialize') {
    return {
      affinity: 'none',
      routeBy: 'nothing',
      why: 'A 2025-11-25 handshake, but no session id came back: this server answers 2025-era clients statelessly, one fresh server per request, so any instance can answer. (A sessionful 2025 server would need sticky routing here.)',
    };
  }
  return {
    affinity: 'none',
    routeBy: 'nothing',
    why: 'No handshake and no session: every POST carries its protocol version and its envelope, so any instance can answer any request. What must outlive a request lives in a store keyed by who and which workspace — never in the instance.',
  };
}

/** One sentence for "What you observed" and the Claude prompt: the two generations, figure by figure. */
export function describeGenerations(legacy: GenerationMeasure, modern: GenerationMeasure): string {
  const clause = (measure: GenerationMeasure) => {
    const { wire } = measure;
    const handshake = wire.handshake === 'initialize' ? 'an initialize handshake' : wire.handshake === 'server/discover' ? 'a server/discover probe, no initialize' : 'no handshake';
    const session = wire.sessionId ? 'an Mcp-Session-Id' : 'no session id';
    const call = measure.toolCall ? `, the tools/call request ${formatBytes(measure.toolCall.bytes)}${measure.toolCall.envelope.length ? ' with the _meta envelope' : ''}` : '';
    return (
      `over ${measure.negotiated ?? measure.protocol}: ${handshake}, ${session}, ` +
      `${plural(wire.httpRequests, 'HTTP request')} (↑ ${formatBytes(wire.bytesSent)}, ↓ ${formatBytes(wire.bytesReceived)})${call}; ` +
      `load balancer: ${loadBalancerNeeds(measure).affinity === 'sticky' ? 'sticky sessions' : 'no affinity needed'}`
    );
  };
  return `The same tools/call in both protocol generations — ${clause(legacy)}; ${clause(modern)}.`;
}
