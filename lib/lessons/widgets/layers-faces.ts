/**
 * "One call, three faces": the same list_projects call over HTTP (this web
 * UI's session) and over stdio (the process Claude Desktop launches). The
 * JSON-RPC messages are the same, in the same order; only the transport differs.
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

/** A trace store filled with entries recorded elsewhere (the server ran the stdio call), so the same trace view shows them. */
export function traceFromEntries(entries: readonly TraceEntry[]): ProtocolTrace {
  const trace = new ProtocolTrace();
  for (const { seq: _seq, ...entry } of entries) trace.append(entry);
  return trace;
}
