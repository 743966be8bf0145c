/**
 * Deep links to a demo state (issue 13): which demo of a lesson the live
 * panel shows, with which settings, written as the page's query — so a
 * workshop presenter can script a session as a list of links, and a learner
 * can share exactly what they are looking at.
 *
 *   /lessons/fallback?demo=under-a-fault&scenario=down&protocol=2025-11-25
 *
 * `demo` names the demo; every other parameter is one of the demo's settings
 * (LINKED_SETTING_KEYS). Reading a link checks each value against what that
 * demo takes: a value it cannot take is left out, with a note that says which
 * value is used instead — a mistyped link opens the lesson, it never breaks it.
 *
 * Pure (no React, no window): the panel and the presenter view share it.
 */
import { initialLiveSettings, type LiveSettings } from './live-settings';
import { PROTOCOL_CHOICES } from '@/lib/mcp/client/constants';
import { LESSON_SETTING_KEYS, SETTING_CHOICES, type LessonSettingKey } from '@/lib/mcp/setting-choices';
import type { Demo } from './schema';

/** The query parameter that names the demo. */
export const DEMO_PARAM = 'demo';

/** The settings a link can carry, in the order a link lists them: every lesson setting, then the protocol. */
export const LINKED_SETTING_KEYS = [...LESSON_SETTING_KEYS, 'protocol'] as const;
export type LinkedSettingKey = (typeof LINKED_SETTING_KEYS)[number];

/** What the panel shows: one of the lesson's demos, with its settings. */
export interface DemoState {
  demoId: string;
  settings: LiveSettings;
}

/** A link, read: the state it opens, and a sentence for each part of it that could not be used. */
export interface ReadLink {
  state: DemoState;
  notes: string[];
}

/**
 * Where the learner may choose a setting, the demo's offers are what it knows (a link cannot set a scenario the
 * demo does not show); settings without toggles take any value the endpoint accepts.
 */
const OFFERED = {
  backend: 'backends',
  strategy: 'strategies',
  scenario: 'scenarios',
  size: 'sizes',
  token: 'tokens',
} as const satisfies Partial<Record<LessonSettingKey, keyof Demo['offers']>>;

/** The values `demo` takes for `key`. */
export function acceptedValues(demo: Demo, key: LinkedSettingKey): readonly string[] {
  if (key === 'protocol') return PROTOCOL_CHOICES;
  if (key in OFFERED) return demo.offers[OFFERED[key as keyof typeof OFFERED]];
  return SETTING_CHOICES[key];
}

/** The state a lesson opens in without a link: its first demo, as the demo starts. */
export function openingState(demos: readonly Demo[]): DemoState {
  const first = firstDemo(demos);
  return { demoId: first.id, settings: initialLiveSettings(first.defaults) };
}

/** The settings of `settings` that differ from how `demo` starts: all a link needs to say. */
export function changedSettings(demo: Demo, settings: LiveSettings): Partial<LiveSettings> {
  const start = initialLiveSettings(demo.defaults);
  return Object.fromEntries(LINKED_SETTING_KEYS.filter((key) => settings[key] !== start[key]).map((key) => [key, settings[key]]));
}

/**
 * The query that reopens `state`: empty for the lesson's opening state (the plain lesson URL already opens it),
 * else the demo and each setting that differs from the demo's defaults.
 */
export function demoStateQuery(state: DemoState, demos: readonly Demo[]): URLSearchParams {
  const demo = demos.find((candidate) => candidate.id === state.demoId) ?? firstDemo(demos);
  const changed = changedSettings(demo, state.settings);
  if (demo === demos[0] && Object.keys(changed).length === 0) return new URLSearchParams();
  return queryOf(demo.id, changed);
}

/**
 * Reads a link's query (`?demo=…&scenario=…`, or none) against the lesson's demos. Never throws: an unknown demo
 * opens the first one, a value the demo does not take leaves its default, and each says so in `notes`.
 * Parameters that are not the panel's are none of its business and pass without a note.
 */
export function readDemoState(search: string | URLSearchParams, demos: readonly Demo[]): ReadLink {
  const params = new URLSearchParams(search);
  const notes: string[] = [];
  const named = params.get(DEMO_PARAM);
  let demo = firstDemo(demos);
  if (named !== null) {
    const found = demos.find((candidate) => candidate.id === named);
    if (found) demo = found;
    else notes.push(`The link's demo "${shown(named)}" is not one of this lesson's demos; showing "${demo.title}".`);
  }

  const settings = initialLiveSettings(demo.defaults);
  for (const key of LINKED_SETTING_KEYS) {
    const value = params.get(key);
    if (value === null) continue;
    if (acceptedValues(demo, key).includes(value)) Object.assign(settings, { [key]: value });
    else notes.push(`The link's ${key} "${shown(value)}" is not one this demo knows; using ${settings[key] ?? 'the default'}.`);
  }
  return { state: { demoId: demo.id, settings }, notes };
}

/**
 * `search` (a page's `location.search`) with the panel's parameters replaced by `query`; every other parameter
 * stays as it was. '' when nothing is left, else '?…'.
 */
export function withDemoQuery(search: string, query: URLSearchParams): string {
  const params = new URLSearchParams(search);
  for (const key of [DEMO_PARAM, ...LINKED_SETTING_KEYS]) params.delete(key);
  for (const [key, value] of query) params.append(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The path of a lesson page showing one demo with the settings given (the rest as the demo starts), e.g.
 * demoStateHref('fallback', 'under-a-fault', { scenario: 'down' }) → '/lessons/fallback?demo=under-a-fault&scenario=down'.
 * For a presenter's script of links: it names the demo even when it is the first one.
 */
export function demoStateHref(slug: string, demoId: string, settings: Partial<LiveSettings> = {}): string {
  return `/lessons/${encodeURIComponent(slug)}?${queryOf(demoId, settings)}`;
}

function queryOf(demoId: string, settings: Partial<LiveSettings>): URLSearchParams {
  const query = new URLSearchParams({ [DEMO_PARAM]: demoId });
  for (const key of LINKED_SETTING_KEYS) {
    const value = settings[key];
    if (value !== undefined) query.append(key, value);
  }
  return query;
}

function firstDemo(demos: readonly Demo[]): Demo {
  const first = demos[0];
  if (!first) throw new Error('A lesson without demos has no demo state to link to.');
  return first;
}

/** A link's value as a note quotes it: a very long one is cut, so a pasted paragraph cannot fill the panel. */
function shown(value: string): string {
  const MAX = 40;
  return value.length > MAX ? `${value.slice(0, MAX)}…` : value;
}
