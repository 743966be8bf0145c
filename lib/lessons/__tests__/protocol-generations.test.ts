import { describe, expect, it } from 'vitest';
import type { HttpExchange } from '@/lib/mcp/client/http-log';
import type { TraceEntry } from '@/lib/mcp/client/trace';
import { describeGenerations, loadBalancerNeeds, measureGeneration } from '../widgets/protocol-generations';

let seq = 0;
function sent(method: string, size: number, kind: TraceEntry['kind'] = 'request', envelope?: string[]): TraceEntry {
  seq += 1;
  return { seq, direction: 'out', kind, method, id: seq, at: 0, size, ...(envelope && { envelope }), message: { jsonrpc: '2.0', id: seq, method } };
}
function post(mcpMethod: string, status: number, bytes: [number, number], responseHeaders: Record<string, string> = {}): Omit<HttpExchange, 'seq'> & { seq: number } {
  seq += 1;
  return {
    seq,
    method: 'POST',
    url: 'http://127.0.0.1/api/mcp',
    status,
    requestHeaders: { 'mcp-method': mcpMethod, 'mcp-protocol-version': '2025-11-25' },
    responseHeaders,
    requestBytes: bytes[0],
    responseBytes: bytes[1],
    durationMs: 3,
    streamed: false,
    outcome: 'complete',
  };
}

const ENVELOPE = ['io.modelcontextprotocol/protocolVersion', 'io.modelcontextprotocol/clientInfo'];
const legacyTrace = [sent('initialize', 180), sent('notifications/initialized', 60, 'notification'), sent('tools/call', 90)];
const legacyHttp = [post('initialize', 200, [180, 400]), post('notifications/initialized', 202, [60, 0]), post('tools/call', 200, [90, 900])];
const modernTrace = [sent('server/discover', 120), sent('tools/call', 260, 'request', ENVELOPE)];
const modernHttp = [post('server/discover', 200, [120, 500]), post('tools/call', 200, [260, 900])];

describe('protocol generations, measured from the wire', () => {
  const legacy = measureGeneration('2025-11-25', '2025-11-25', legacyTrace, legacyHttp);
  const modern = measureGeneration('2026-07-28', '2026-07-28', modernTrace, modernHttp);

  it('reads the handshake, the messages sent and the tools/call request itself', () => {
    expect(legacy.sentMethods).toEqual(['initialize', 'notifications/initialized', 'tools/call']);
    expect(legacy.wire.handshake).toBe('initialize');
    expect(legacy.toolCall).toEqual({ bytes: 90, envelope: [] });
    expect(modern.wire.handshake).toBe('server/discover');
    expect(modern.toolCall).toEqual({ bytes: 260, envelope: ENVELOPE });
  });

  it('a server that hands out a session id needs sticky routing on it; this stateless server needs none in either era', () => {
    expect(loadBalancerNeeds(legacy)).toMatchObject({ affinity: 'none', routeBy: 'nothing' });
    expect(loadBalancerNeeds(legacy).why).toMatch(/statelessly/);
    expect(loadBalancerNeeds(modern)).toMatchObject({ affinity: 'none' });
    const sessionful = measureGeneration('2025-11-25', '2025-11-25', legacyTrace, [
      post('initialize', 200, [180, 400], { 'mcp-session-id': 'abc' }),
      ...legacyHttp.slice(1),
    ]);
    expect(loadBalancerNeeds(sessionful)).toMatchObject({ affinity: 'sticky', routeBy: 'the Mcp-Session-Id header' });
  });

  it('says it all in one sentence for the prompt', () => {
    expect(describeGenerations(legacy, modern)).toBe(
      'The same tools/call in both protocol generations — over 2025-11-25: an initialize handshake, no session id, 3 HTTP requests (↑ 330 B, ↓ 1.3 kB), the tools/call request 90 B; load balancer: no affinity needed; ' +
        'over 2026-07-28: a server/discover probe, no initialize, no session id, 2 HTTP requests (↑ 380 B, ↓ 1.4 kB), the tools/call request 260 B with the _meta envelope; load balancer: no affinity needed.',
    );
  });
});
