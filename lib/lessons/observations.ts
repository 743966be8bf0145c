/**
 * Observations: what one demo run showed, in numbers and in one sentence.
 *
 * The sentences go into the "What you observed" list and into the prompt
 * for Claude, so they must stand alone: which settings, what came back, and
 * whether the text a model reads said where it came from.
 */
import { PROVENANCE_META_KEY, parseProvenance, type Provenance } from '@/lib/mcp/provenance';
import type { PanelSettings } from './schema';
import { taskIdsInText, textSize } from './text-measure';

/** The parts of an MCP CallToolResult we read (a thrown protocol error has none of them). */
export interface CallOutcome {
  isError?: boolean;
  structuredContent?: unknown;
  content?: ReadonlyArray<{ type: string; text?: string }>;
  _meta?: Record<string, unknown>;
}

export interface Observation {
  kind: 'run';
  settings: PanelSettings;
  tool: string;
  ok: boolean;
  /** How many items came back (tasks, or projects for list_projects); absent on errors. */
  count?: number;
  /** The ids of the tasks the text names (what the model reads), to compare two runs item by item. */
  taskIds: string[];
  /** Tasks a budgeted answer left out on purpose (and said so in its text). */
  leftOut: number;
  /** The size of the text the model reads: UTF-8 bytes and estimated tokens. */
  bytes: number;
  tokens: number;
  pages: number;
  requests: number;
  durationMs: number;
  degraded: boolean;
  /** The model-facing text starts with "Source:", so a model can tell mock from real. */
  statesSource: boolean;
  /** The first line of the text, as the model reads it first. */
  firstLine: string;
  /** The error in one sentence, when the call failed. */
  error?: string;
  /** The naive fallback swapped in its canned mock todos. */
  canned: boolean;
  /** Who answered a real-backend call: Todoist itself, or the app's stand-in (sample data over real HTTP). */
  upstream?: 'mock' | 'standin' | 'todoist';
  summary: string;
}

const SOURCE_PREFIX = 'Source:';

export function textOf(outcome: CallOutcome): string {
  return (outcome.content ?? []).map((part) => (part.type === 'text' ? (part.text ?? '') : `[${part.type} content]`)).join('\n');
}

export function provenanceOf(outcome: CallOutcome): Provenance | undefined {
  return parseProvenance(outcome._meta?.[PROVENANCE_META_KEY]);
}

/** Reads one call's result (or the error the client threw) into an Observation. */
export function observeCall(settings: PanelSettings, tool: string, outcome: CallOutcome | Error): Observation {
  if (outcome instanceof Error) return observeThrown(settings, tool, outcome);
  const text = textOf(outcome);
  const firstLine = text.split('\n', 1)[0] ?? '';
  const provenance = provenanceOf(outcome);
  const ok = outcome.isError !== true;
  const structured = isRecord(outcome.structuredContent) ? outcome.structuredContent : undefined;
  const observation: Omit<Observation, 'summary'> = {
    kind: 'run',
    settings,
    tool,
    ok,
    ...(ok && structured && { count: countOf(structured) }),
    taskIds: ok ? taskIdsOf(tool, text, structured) : [],
    leftOut: ok && structured ? leftOutOf(text, structured) : 0,
    ...textSize(text),
    pages: provenance?.pages ?? 0,
    requests: provenance?.requests ?? 0,
    durationMs: Math.round(provenance?.durationMs ?? 0),
    degraded: provenance?.degraded ?? false,
    statesSource: firstLine.startsWith(SOURCE_PREFIX),
    firstLine,
    ...(!ok && { error: errorSentence(text) }),
    canned: provenance?.scenario === 'canned',
    ...(provenance?.upstream && { upstream: provenance.upstream }),
  };
  return { ...observation, summary: describeRun(observation) };
}

function observeThrown(settings: PanelSettings, tool: string, error: Error): Observation {
  const observation: Omit<Observation, 'summary'> = {
    kind: 'run',
    settings,
    tool,
    ok: false,
    taskIds: [],
    leftOut: 0,
    bytes: 0,
    tokens: 0,
    pages: 0,
    requests: 0,
    durationMs: 0,
    degraded: true,
    statesSource: false,
    firstLine: '',
    error: errorSentence(error.message),
    canned: false,
  };
  return { ...observation, summary: describeRun(observation) };
}

/** "With the naive strategy and no token, the real backend" — the settings that matter, in words. */
export function describeSettings(settings: PanelSettings, upstream?: Observation['upstream']): string {
  const token = { configured: '', missing: ' and no token', wrong: ' and a wrong token' }[settings.token];
  const answeredBy = upstream === 'standin' ? ' (the Todoist stand-in on this machine, sample data)' : '';
  const backend =
    settings.backend === 'real'
      ? `the real backend${answeredBy}`
      : `the mock backend (scenario "${settings.scenario}", ${settings.size} data)`;
  return `With the ${settings.strategy} strategy${settings.backend === 'real' ? token : ''}, ${backend}`;
}

/** One sentence a learner (and Claude) can read without the panel in front of them. */
export function describeRun(observation: Omit<Observation, 'summary'>): string {
  const subject = describeSettings(observation.settings, observation.upstream);
  if (!observation.ok) return `${subject} answered with an error: "${observation.error ?? 'unknown error'}"`;
  const what = quantity(observation);
  if (observation.canned) {
    // The requests went to the canned mock, not to Todoist: counting them would mislead.
    return `${subject} returned ${what}, and the text did not say where they came from (they were canned mock todos, swapped in after the real call failed).`;
  }
  const cost = `in ${plural(observation.requests, 'request')} (${plural(observation.pages, 'page')}, ${observation.durationMs} ms)`;
  if (!observation.statesSource) return `${subject} returned ${what} ${cost}, and the text did not say where they came from.`;
  return `${subject} returned ${what} ${cost}, labelled “${shorten(observation.firstLine, 60)}”.`;
}

function quantity(observation: Pick<Observation, 'count' | 'tool'>): string {
  if (observation.count === undefined) return 'an answer';
  return plural(observation.count, observation.tool === 'list_projects' ? 'project' : 'task');
}

/** structuredContent.count when the tool gives one, else the per-group counts (get_overview), else the items listed. */
function countOf(structured: Record<string, unknown>): number | undefined {
  if (typeof structured.count === 'number') return structured.count;
  if (isRecord(structured.counts)) {
    return Object.values(structured.counts).reduce<number>((sum, value) => sum + (typeof value === 'number' ? value : 0), 0);
  }
  const items = itemArrays(structured);
  return items.length ? items.reduce((sum, list) => sum + list.length, 0) : undefined;
}

/**
 * The tasks the model was given: the ids its text names. The structured
 * content can list another selection (a raw answer dumps every task while its
 * structured lists are cut to the budget), so it is only the fallback.
 */
function taskIdsOf(tool: string, text: string, structured: Record<string, unknown> | undefined): string[] {
  if (tool === 'list_projects' || Array.isArray(structured?.projects)) return []; // projects, not tasks
  return taskIdsInText(text) ?? (structured ? structuredTaskIds(structured) : []);
}

/**
 * get_overview's `omitted` counts, when its text says it left them out (a
 * "Left out …" line). A raw answer dumps every task whatever the structured
 * lists hold, so it leaves nothing out.
 */
function leftOutOf(text: string, structured: Record<string, unknown>): number {
  if (!isRecord(structured.omitted) || !/^Left out/m.test(text)) return 0;
  return Object.values(structured.omitted).reduce<number>((sum, value) => sum + (typeof value === 'number' ? value : 0), 0);
}

function structuredTaskIds(structured: Record<string, unknown>): string[] {
  return itemArrays(structured)
    .flat()
    .map((item) => (isRecord(item) && typeof item.id === 'string' ? item.id : undefined))
    .filter((id): id is string => id !== undefined);
}

/** Arrays of objects with an id: tasks, or get_overview's groups. */
function itemArrays(structured: Record<string, unknown>): unknown[][] {
  return Object.values(structured).filter(
    (value): value is unknown[] => Array.isArray(value) && value.every((item) => isRecord(item) && 'id' in item),
  );
}

/** "get_overview failed: No token … Provide …" → "No token …" (the cause; the fix is shown next to it). */
function errorSentence(text: string): string {
  const message = text.replace(/^\w+ failed(?: \[[^\]]*\])?: /, '').trim();
  const firstSentence = message.match(/^.+?[.!?](?=\s|$)/)?.[0] ?? message;
  return shorten(firstSentence, 140);
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
