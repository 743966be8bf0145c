/**
 * Side by side: the same call under two settings, and what differs between
 * the two answers — the numbers, the items, and above all whether the text a
 * model reads says where the data came from.
 */
import { plural, shorten, type Observation } from './observations';
import { describeSize, formatShare } from './text-measure';
import type { PanelSettings } from './schema';

export interface Difference {
  aspect: 'outcome' | 'count' | 'only-one-side' | 'size' | 'pages' | 'requests' | 'time' | 'source';
  title: string;
  left: string;
  right: string;
  differs: boolean;
  /** Extra words, e.g. the ids found on one side only. */
  detail?: string;
}

export interface Comparison {
  kind: 'comparison';
  tool: string;
  leftLabel: string;
  rightLabel: string;
  left: Observation;
  right: Observation;
  differences: Difference[];
  summary: string;
}

/** How many ids to name before "+N more". */
const IDS_SHOWN = 3;

/**
 * What each side changes: only the settings in which the two sides differ.
 * Settings both sides share come from the learner's toggles, so a compare
 * that repeats a value on both sides never overrides what the learner chose.
 */
export function sideOverrides(compare: { left: Partial<PanelSettings>; right: Partial<PanelSettings> }): {
  left: Partial<PanelSettings>;
  right: Partial<PanelSettings>;
} {
  const keys = new Set([...Object.keys(compare.left), ...Object.keys(compare.right)] as Array<keyof PanelSettings>);
  const differing = [...keys].filter((key) => compare.left[key] !== compare.right[key]);
  const pick = (side: Partial<PanelSettings>) =>
    Object.fromEntries(differing.filter((key) => side[key] !== undefined).map((key) => [key, side[key]])) as Partial<PanelSettings>;
  return { left: pick(compare.left), right: pick(compare.right) };
}

/** A side's name from what it overrides: `{ strategy: 'naive' }` → "naive". */
export function sideLabel(overrides: Partial<PanelSettings>, fallback: string): string {
  const values = Object.values(overrides).filter((value) => value !== undefined);
  return values.length ? values.join(' ') : fallback;
}

export function compareObservations(left: Observation, right: Observation, labels: { left: string; right: string }): Comparison {
  const differences = [
    pair('outcome', 'Outcome', left, right, (side) => (side.ok ? 'success' : 'error')),
    pair('count', 'Count', left, right, (side) => (side.count === undefined ? '—' : String(side.count))),
    onlyOneSide(left, right, labels),
    textSizes(left, right),
    pair('pages', 'Pages', left, right, (side) => String(side.pages)),
    pair('requests', 'Requests', left, right, (side) => String(side.requests)),
    timing(left, right),
    pair('source', 'Says its source', left, right, sourceStatement),
  ];
  return {
    kind: 'comparison',
    tool: left.tool,
    leftLabel: labels.left,
    rightLabel: labels.right,
    left,
    right,
    differences,
    summary: describeComparison(left, right, labels),
  };
}

function pair(
  aspect: Difference['aspect'],
  title: string,
  left: Observation,
  right: Observation,
  show: (side: Observation) => string,
): Difference {
  return { aspect, title, left: show(left), right: show(right), differs: show(left) !== show(right) };
}

/** Time always differs a little: only call it a difference when one side took twice as long (and > 20 ms more). */
function timing(left: Observation, right: Observation): Difference {
  const [slow, fast] = [Math.max(left.durationMs, right.durationMs), Math.min(left.durationMs, right.durationMs)];
  const differs = slow - fast > 20 && slow >= 2 * fast;
  return { aspect: 'time', title: 'Time', left: `${left.durationMs} ms`, right: `${right.durationMs} ms`, differs };
}

/** Sizes always differ a little (ages, timings): call it a difference from 10 % up. */
const SIZE_TOLERANCE = 0.1;

function textSizes(left: Observation, right: Observation): Difference {
  const [big, small] = [Math.max(left.bytes, right.bytes), Math.min(left.bytes, right.bytes)];
  return {
    aspect: 'size',
    title: 'Text the model reads',
    left: describeSize(left),
    right: describeSize(right),
    differs: big > 0 && (big - small) / big > SIZE_TOLERANCE,
  };
}

function sourceStatement(side: Observation): string {
  if (side.statesSource) return `yes — “${shorten(side.firstLine, 48)}”`;
  return side.ok ? 'no — a model cannot tell mock from real' : 'no — an error message instead';
}

function onlyOneSide(left: Observation, right: Observation, labels: { left: string; right: string }): Difference {
  const onlyLeft = without(left.taskIds, right.taskIds);
  const onlyRight = without(right.taskIds, left.taskIds);
  const detail = [
    onlyLeft.length ? `only in ${labels.left}: ${listIds(onlyLeft)}` : '',
    onlyRight.length ? `only in ${labels.right}: ${listIds(onlyRight)}` : '',
    leftOutNote(left, labels.left),
    leftOutNote(right, labels.right),
  ].filter(Boolean);
  return {
    aspect: 'only-one-side',
    title: 'Tasks in one text only',
    left: String(onlyLeft.length),
    right: String(onlyRight.length),
    differs: onlyLeft.length + onlyRight.length > 0,
    ...(detail.length && { detail: detail.join('; ') }),
  };
}

/** A budgeted answer that left tasks out said so: that is not a silent loss. */
function leftOutNote(side: Observation, label: string): string {
  return side.leftOut > 0 ? `${label} left ${plural(side.leftOut, 'task')} out to stay within its budget, and its last line says so` : '';
}

function without(ids: string[], others: string[]): string[] {
  const exclude = new Set(others);
  return [...new Set(ids)].filter((id) => !exclude.has(id));
}

function listIds(ids: string[]): string {
  const shown = ids.slice(0, IDS_SHOWN).join(', ');
  return ids.length > IDS_SHOWN ? `${shown} +${ids.length - IDS_SHOWN} more` : shown;
}

/** "Side by side, the same get_overview call: naive returned 8 tasks with no Source line …; production answered with an error: …" */
function describeComparison(left: Observation, right: Observation, labels: { left: string; right: string }): string {
  const settingsNote = sharedSettings(left.settings, right.settings);
  const parts = [`${labels.left} ${outcomeClause(left)}`, `${labels.right} ${outcomeClause(right)}`];
  const onlyRight = without(right.taskIds, left.taskIds).length;
  const onlyLeft = without(left.taskIds, right.taskIds).length;
  if (left.ok && right.ok && onlyLeft + onlyRight > 0) {
    parts.push(`${plural(onlyLeft, 'task')} only in ${labels.left}, ${plural(onlyRight, 'task')} only in ${labels.right}`);
  }
  if (left.ok && right.ok && textSizes(left, right).differs) parts.push(sizeClause(left, right, labels));
  return `Side by side (${labels.left} vs ${labels.right}${settingsNote}), the same ${left.tool} call: ${parts.join('; ')}.`;
}

/** "the text was 45.2 kB, about 11,300 tokens (raw) against 5.6 kB, about 1,400 tokens (compact: 12 % of it)". */
function sizeClause(left: Observation, right: Observation, labels: { left: string; right: string }): string {
  const sides = [
    { side: left, label: labels.left },
    { side: right, label: labels.right },
  ].sort((a, b) => b.side.bytes - a.side.bytes);
  const [big, small] = [sides[0]!, sides[1]!];
  return (
    `the text was ${describeSize(big.side)} (${big.label}) against ${describeSize(small.side)} ` +
    `(${small.label}: ${formatShare(big.side.bytes ? small.side.bytes / big.side.bytes : 0)} of it)`
  );
}

function outcomeClause(side: Observation): string {
  if (!side.ok) return `answered with an error: "${side.error ?? 'unknown error'}"`;
  const what = side.count === undefined ? 'an answer' : plural(side.count, side.tool === 'list_projects' ? 'project' : 'task');
  const label = side.statesSource ? ` labelled “${shorten(side.firstLine, 48)}”` : ' with no Source line';
  return `returned ${what}${label}${side.canned ? ' (canned mock todos)' : ''}`;
}

/** The settings both sides share, when they matter for reading the result (e.g. ", both real with no token"). */
function sharedSettings(left: PanelSettings, right: PanelSettings): string {
  if (left.backend !== right.backend || left.backend !== 'real') return '';
  if (left.token !== right.token) return '';
  return { configured: ', both on the real backend', missing: ', both real with no token', wrong: ', both real with a wrong token' }[left.token];
}

/** The lesson's main point in one line: can a model tell where each answer came from? */
export function sourceVerdict(comparison: Comparison): string {
  const sides = [
    { label: comparison.leftLabel, side: comparison.left },
    { label: comparison.rightLabel, side: comparison.right },
  ];
  const unlabelled = sides.filter(({ side }) => side.ok && !side.statesSource).map(({ label }) => label);
  const labelled = sides.filter(({ side }) => side.statesSource).map(({ label }) => label);
  if (unlabelled.length) {
    return `${unlabelled.join(' and ')}: no Source line — a model reading this text cannot tell these are not the user's real tasks.`;
  }
  if (labelled.length === 2) return `Both texts start with a Source line, so a model can tell the ${labelled[0]} answer from the ${labelled[1]} one.`;
  if (labelled.length === 1) return `${labelled[0]}: its first line names the source; the other side is an error, which names its cause.`;
  return 'Neither side returned data: both are errors, and each names its cause.';
}
