/**
 * "One call, three faces": the same list_projects call over HTTP as a
 * 2026-07-28 client (this web UI), over HTTP as a 2025-11-25 client (older
 * Claude and Inspector versions) and over stdio (the process Claude Desktop
 * launches). The call itself is the same message on every face; only the
 * transport, and the 2025 handshake before it, differ.
 */
import { ProtocolTrace, type TraceEntry } from '@/lib/mcp/client/trace';

/** What a face's trace says, message by message: "↑ request initialize", "↓ response → initialize". */
export function methodSequence(entries: readonly TraceEntry[]): string[] {
  return entries.map((entry) => {
    const arrow = entry.direction === 'out' ? '↑' : '↓';
    const what = entry.method ?? (entry.answers ? `→ ${entry.answers}` : '');
    return `${arrow} ${entry.kind} ${what}`.trimEnd();
  });
}

/** The methods a trace uses, each once, in order of first use: "initialize, notifications/initialized, tools/call". */
export function methodNames(entries: readonly TraceEntry[]): string[] {
  return [...new Set(entries.flatMap((entry) => entry.method ?? entry.answers ?? []))];
}

export interface SequenceComparison {
  same: boolean;
  /** Index of the first message that differs, when they differ. */
  firstDifference?: number;
}

export function compareSequences(left: readonly string[], right: readonly string[]): SequenceComparison {
  const length = Math.max(left.length, right.length);
  for (let index = 0; index < length; index += 1) {
    if (left[index] !== right[index]) return { same: false, firstDifference: index };
  }
  return { same: true };
}

/** The messages from the first tools/call on: what the call itself looks like, whatever handshake came before it. */
export function fromTheCall(sequence: readonly string[]): string[] {
  const start = sequence.findIndex((message) => message.endsWith('tools/call'));
  return start === -1 ? [] : sequence.slice(start);
}

/** The messages before the call: a 2025 initialize handshake, a 2026 server/discover probe, or nothing. */
export function beforeTheCall(sequence: readonly string[]): string[] {
  const start = sequence.findIndex((message) => message.endsWith('tools/call'));
  return start === -1 ? [...sequence] : sequence.slice(0, start);
}

/** A trace store filled with entries recorded elsewhere (the server ran the stdio call), so the same trace view shows them. */
export function traceFromEntries(entries: readonly TraceEntry[]): ProtocolTrace {
  const trace = new ProtocolTrace();
  for (const { seq: _seq, ...entry } of entries) trace.append(entry);
  return trace;
}
