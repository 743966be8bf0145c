/**
 * Provenance: where a tool's answer came from, attached to every result.
 *
 * This is the fix for the story's bug — an AI that presented mock todos as
 * the user's real ones. Programs read `_meta["dojo/provenance"]`; the model
 * reads the first line of the text, written so it cannot be misread.
 */
// zod/mini, not zod: lesson pages check provenance in the browser, and the full zod would be their largest script.
import * as z from 'zod/mini';
import { Timeline } from '@/lib/resilience/timeline';

export const PROVENANCE_META_KEY = 'dojo/provenance';
export const TIMELINE_META_KEY = 'dojo/timeline';

export const ProvenanceSchema = z.object({
  backend: z.enum(['mock', 'real']),
  /** Who answered: the in-process mock, the app's Todoist stand-in (sample data over real HTTP), or Todoist. */
  upstream: z.optional(z.enum(['mock', 'standin', 'todoist'])),
  /** The caller's workspace whose data this is ("throwaway" for a caller without a learner id). */
  workspace: z.optional(z.string()),
  /** The mock scenario, or "canned" for the naive fallback's fixed todos. */
  scenario: z.optional(z.string()),
  source: z.enum(['live', 'cache']),
  staleSeconds: z.optional(z.number()),
  pages: z.int(),
  requests: z.int(),
  /** Bytes of response bodies received from Todoist during the call. */
  bytes: z.optional(z.int()),
  retries: z.int(),
  durationMs: z.number(),
  /** The answer is not the complete, live truth (partial, stale, or substituted). */
  degraded: z.boolean(),
  note: z.optional(z.string()),
});

export type Provenance = z.infer<typeof ProvenanceSchema>;

/** The first line of every tool result's text: the source, in words a model cannot miss. */
export function provenanceLine(provenance: Provenance): string {
  const ms = `${Math.round(provenance.durationMs)} ms`;
  const pages = `${provenance.pages} page${provenance.pages === 1 ? '' : 's'}`;
  if (provenance.backend === 'mock') {
    return `Source: MOCK DATA (scenario "${provenance.scenario ?? 'unknown'}") — not the user's real Todoist. (${pages}, ${ms})`;
  }
  if (provenance.source === 'cache') {
    const what = provenance.upstream === 'standin' ? 'Todoist stand-in (sample) data' : 'Todoist data';
    return `Source: CACHED ${what}, ${provenance.staleSeconds ?? '?'} s old — the live API failed; this may be out of date.`;
  }
  const degraded = provenance.degraded ? ' — DEGRADED, see note' : '';
  if (provenance.upstream === 'standin') {
    return `Source: Todoist stand-in on this machine (live, ${pages}, ${ms}) — sample data, not your account${degraded}`;
  }
  return `Source: Todoist API (live, ${pages}, ${ms}) — your account${degraded}`;
}

/** Counts what one tool call did, for its provenance. */
export class CallRecorder {
  /** Set by the source when the call reaches its backend. */
  upstream: 'mock' | 'standin' | 'todoist' | undefined;
  pages = 0;
  requests = 0;
  bytes = 0;
  retries = 0;
  notes: string[] = [];
  /** What resilience did (attempts, waits, breaker, cache), for `_meta["dojo/timeline"]`. */
  readonly timeline = new Timeline();
  readonly #started = performance.now();

  elapsedMs(): number {
    return Math.round((performance.now() - this.#started) * 10) / 10;
  }
}
