/**
 * Provenance: where a tool's answer came from, attached to every result.
 *
 * This is the fix for the story's bug — an AI that presented mock todos as
 * the user's real ones. Programs read `_meta["dojo/provenance"]`; the model
 * reads the first line of the text, written so it cannot be misread.
 */
import { Timeline } from '@/lib/resilience/timeline';

export const PROVENANCE_META_KEY = 'dojo/provenance';
export const TIMELINE_META_KEY = 'dojo/timeline';

export interface Provenance {
  backend: 'mock' | 'real';
  /** Who answered: the in-process mock, the app's Todoist stand-in (sample data over real HTTP), or Todoist. */
  upstream?: 'mock' | 'standin' | 'todoist';
  /** The caller's workspace whose data this is ("throwaway" for a caller without a learner id). */
  workspace?: string;
  /** Whose data this is: the tenant key every store used for this call (from a verified token or learner id). */
  tenant?: string;
  /** A signed-in user's name at Todoist (or the stand-in), so the answer says whose account it read. */
  account?: string;
  /** The mock scenario, or "canned" for the naive fallback's fixed todos. */
  scenario?: string;
  source: 'live' | 'cache';
  staleSeconds?: number;
  pages: number;
  requests: number;
  /** Bytes of response bodies received from Todoist during the call. */
  bytes?: number;
  retries: number;
  durationMs: number;
  /** The answer is not the complete, live truth (partial, stale, or substituted). */
  degraded: boolean;
  note?: string;
}

/**
 * A result's `_meta["dojo/provenance"]` read back, or undefined when it is
 * missing or malformed; unknown fields are dropped. Checked by hand, not with
 * zod: lesson pages read it in the browser, and zod would be their largest script.
 */
export function parseProvenance(value: unknown): Provenance | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { backend, upstream, workspace, tenant, account, scenario, source, staleSeconds, pages, requests, bytes, retries, durationMs, degraded, note } =
    value as Record<string, unknown>;
  const valid =
    (backend === 'mock' || backend === 'real') &&
    (upstream === undefined || upstream === 'mock' || upstream === 'standin' || upstream === 'todoist') &&
    optional(workspace, isString) &&
    optional(tenant, isString) &&
    optional(account, isString) &&
    optional(scenario, isString) &&
    (source === 'live' || source === 'cache') &&
    optional(staleSeconds, isNumber) &&
    Number.isSafeInteger(pages) &&
    Number.isSafeInteger(requests) &&
    optional(bytes, Number.isSafeInteger) &&
    Number.isSafeInteger(retries) &&
    isNumber(durationMs) &&
    typeof degraded === 'boolean' &&
    optional(note, isString);
  if (!valid) return undefined;
  const optionals = { upstream, workspace, tenant, account, scenario, staleSeconds, bytes, note };
  const present = Object.fromEntries(Object.entries(optionals).filter(([, field]) => field !== undefined));
  return { backend, source, pages, requests, retries, durationMs, degraded, ...present } as Provenance;
}

const isString = (value: unknown) => typeof value === 'string';
// Stryker disable next-line ConditionalExpression: equivalent — Number.isFinite is false for anything but a number
const isNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
const optional = (value: unknown, check: (value: unknown) => boolean) => value === undefined || check(value);

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
    const whose = provenance.account ? `sample account of ${provenance.account}` : 'sample data';
    return `Source: Todoist stand-in on this machine (live, ${pages}, ${ms}) — ${whose}, not your account${degraded}`;
  }
  const whose = provenance.account ? `the account of ${provenance.account}` : 'your account';
  return `Source: Todoist API (live, ${pages}, ${ms}) — ${whose}${degraded}`;
}

/** Counts what one tool call did, for its provenance. */
export class CallRecorder {
  /** Set by the source when the call reaches its backend. */
  upstream: 'mock' | 'standin' | 'todoist' | undefined;
  pages = 0;
  requests = 0;
  bytes = 0;
  retries = 0;
  /** What makes the answer less than the complete, live truth: each one marks it degraded. */
  notes: string[] = [];
  /** How the answer was read, told in the note without marking it degraded (e.g. "read by one full sync"). */
  facts: string[] = [];
  /** What resilience did (attempts, waits, breaker, cache), for `_meta["dojo/timeline"]`. */
  readonly timeline = new Timeline();
  readonly #started = performance.now();

  elapsedMs(): number {
    return Math.round((performance.now() - this.#started) * 10) / 10;
  }
}

const BREAKER_STATES: ReadonlySet<unknown> = new Set(['closed', 'open', 'half-open']);

/**
 * The breaker's changes during a call, read from `_meta["dojo/timeline"]`
 * (e.g. `["closed → open"]`): what a panel shows so the learner sees the
 * breaker open without reading the JSON. Anything malformed is skipped.
 */
export function breakerChangesOf(meta: Record<string, unknown> | undefined): string[] {
  const timeline = meta?.[TIMELINE_META_KEY];
  if (!Array.isArray(timeline)) return [];
  return timeline.flatMap((event: unknown) => {
    const { type, from, to } = (event ?? {}) as Record<string, unknown>; // a number or string has none of these
    return type === 'breaker' && BREAKER_STATES.has(from) && BREAKER_STATES.has(to) ? [`${String(from)} → ${String(to)}`] : [];
  });
}
