import { describe, expect, it } from 'vitest';
import type { TraceEntry } from '@/lib/mcp/client/trace';
import { beforeTheCall, compareSequences, fromTheCall, methodNames, methodSequence, traceFromEntries } from '../widgets/layers-faces';

function entry(seq: number, fields: Partial<TraceEntry>): TraceEntry {
  return { seq, direction: 'out', kind: 'request', at: 0, size: 10, message: { jsonrpc: '2.0', method: 'x' }, ...fields } as TraceEntry;
}

const handshake: TraceEntry[] = [
  entry(1, { direction: 'out', kind: 'request', method: 'initialize', id: 0 }),
  entry(2, { direction: 'in', kind: 'response', id: 0, answers: 'initialize' }),
  entry(3, { direction: 'out', kind: 'notification', method: 'notifications/initialized' }),
  entry(4, { direction: 'out', kind: 'request', method: 'tools/call', id: 1 }),
  entry(5, { direction: 'in', kind: 'response', id: 1, answers: 'tools/call' }),
];

describe('one call, three faces', () => {
  it('describes a trace as its messages, in order', () => {
    expect(methodSequence(handshake)).toEqual([
      '↑ request initialize',
      '↓ response → initialize',
      '↑ notification notifications/initialized',
      '↑ request tools/call',
      '↓ response → tools/call',
    ]);
  });

  it('names the methods used, once each, in order', () => {
    expect(methodNames(handshake)).toEqual(['initialize', 'notifications/initialized', 'tools/call']);
  });

  it('compares two faces message by message', () => {
    const sequence = methodSequence(handshake);
    expect(compareSequences(sequence, [...sequence])).toEqual({ same: true });
    expect(compareSequences(sequence, sequence.slice(0, 3))).toEqual({ same: false, firstDifference: 3 });
    expect(compareSequences(['a', 'b'], ['a', 'c'])).toEqual({ same: false, firstDifference: 1 });
  });

  it('splits a trace at the call: the handshake before it, the call itself after', () => {
    const sequence = methodSequence(handshake);
    expect(beforeTheCall(sequence)).toEqual(['↑ request initialize', '↓ response → initialize', '↑ notification notifications/initialized']);
    expect(fromTheCall(sequence)).toEqual(['↑ request tools/call', '↓ response → tools/call']);
    // A 2026-07-28 trace has no handshake: the same call, nothing before it.
    const modern = methodSequence(handshake.slice(3));
    expect(beforeTheCall(modern)).toEqual([]);
    expect(compareSequences(fromTheCall(sequence), fromTheCall(modern))).toEqual({ same: true });
    expect(fromTheCall(['↑ request initialize'])).toEqual([]);
  });

  it('fills a trace store with entries recorded elsewhere', () => {
    const trace = traceFromEntries(handshake);
    expect(trace.snapshot().map((recorded) => recorded.method ?? recorded.answers)).toEqual([
      'initialize',
      'initialize',
      'notifications/initialized',
      'tools/call',
      'tools/call',
    ]);
  });
});
