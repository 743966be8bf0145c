/**
 * The numbers behind lesson 5's comparisons, from real tool results:
 *   (a) who filters — fetch every task and filter in the tool, or let Todoist filter;
 *   (b) what the model reads — the raw API JSON, or compact lines under a budget.
 */
import { provenanceOf, textOf, type CallOutcome } from '@/lib/lessons/observations';
import { bodyOf, formatBytes, formatShare, textSize } from '@/lib/lessons/text-measure';

// ---------- (a) who filters ----------

export interface FetchMeasure {
  /** HTTP requests to Todoist (every page, plus projects for the project paths). */
  requests: number;
  /** Bytes of response bodies received from Todoist. */
  bytesFromTodoist: number;
  /** The ids of the tasks in the answer. */
  taskIds: string[];
}

/** Reads a list_tasks or filter_tasks result. */
export function measureFetch(outcome: CallOutcome): FetchMeasure {
  const provenance = provenanceOf(outcome);
  return {
    requests: provenance?.requests ?? 0,
    bytesFromTodoist: provenance?.bytes ?? 0,
    taskIds: idsOf(record(outcome.structuredContent)?.tasks),
  };
}

export interface FilteringComparison {
  sameTasks: boolean;
  /** Tasks one side returned and the other did not (should be none). */
  onlyInTool: string[];
  onlyInApi: string[];
  /** Server-side bytes as a share of fetch-everything bytes (0.16 = 16 %). */
  bytesShare: number;
  bytesSaved: number;
  requestsSaved: number;
}

export function compareFiltering(inTool: FetchMeasure, byApi: FetchMeasure): FilteringComparison {
  const apiIds = new Set(byApi.taskIds);
  const toolIds = new Set(inTool.taskIds);
  const onlyInTool = inTool.taskIds.filter((id) => !apiIds.has(id));
  const onlyInApi = byApi.taskIds.filter((id) => !toolIds.has(id));
  return {
    sameTasks: onlyInTool.length === 0 && onlyInApi.length === 0,
    onlyInTool,
    onlyInApi,
    bytesShare: share(byApi.bytesFromTodoist, inTool.bytesFromTodoist),
    bytesSaved: inTool.bytesFromTodoist - byApi.bytesFromTodoist,
    requestsSaved: inTool.requests - byApi.requests,
  };
}

// ---------- (b) what the model reads ----------

export interface AnswerMeasure {
  /** UTF-8 bytes of the text the model reads. */
  bytes: number;
  /** About four characters per token (lib/mcp/budget). */
  tokens: number;
  /** Tasks the text mentions. */
  tasks: number;
  /** Ids of the tasks the text mentions. */
  taskIds: string[];
  /** The closing "Left out …" line, when the budget cut something. */
  leftOut?: string;
}

interface RawTask {
  id: string;
  due?: { date?: string } | null;
}

/** get_overview under `output=raw`: the text after the label lines is the API's task array. */
export function measureRawOverview(outcome: CallOutcome): AnswerMeasure & { overdueIds: string[] } {
  const text = textOf(outcome);
  const tasks = parseRawTasks(bodyOf(text));
  const today = String(record(outcome.structuredContent)?.today ?? '');
  return {
    ...textSize(text),
    tasks: tasks.length,
    taskIds: tasks.map((task) => task.id),
    overdueIds: tasks.filter((task) => isOverdue(task, today)).map((task) => task.id),
  };
}

/** get_overview with compact lines: each task line ends in "· id <id>". */
export function measureCompactOverview(outcome: CallOutcome): AnswerMeasure {
  const text = textOf(outcome);
  const taskIds = [...text.matchAll(/· id (\S+)$/gm)].map((match) => match[1]!);
  const leftOut = text.split('\n').find((line) => line.startsWith('Left out'));
  return { ...textSize(text), tasks: taskIds.length, taskIds, ...(leftOut && { leftOut }) };
}

export interface OutputComparison {
  /** Compact bytes as a share of raw bytes. */
  bytesShare: number;
  tokensSaved: number;
  overdueTotal: number;
  overdueKept: number;
  /** Overdue tasks in the raw answer that the compact text does not mention. */
  overdueMissing: string[];
  everyOverdueKept: boolean;
}

export function compareOutputs(raw: ReturnType<typeof measureRawOverview>, compact: AnswerMeasure): OutputComparison {
  const inCompact = new Set(compact.taskIds);
  const overdueMissing = raw.overdueIds.filter((id) => !inCompact.has(id));
  return {
    bytesShare: share(compact.bytes, raw.bytes),
    tokensSaved: raw.tokens - compact.tokens,
    overdueTotal: raw.overdueIds.length,
    overdueKept: raw.overdueIds.length - overdueMissing.length,
    overdueMissing,
    everyOverdueKept: overdueMissing.length === 0,
  };
}

// ---------- shared ----------

/** Due before today (YYYY-MM-DD strings compare as dates); a task without a due date is never overdue. */
function isOverdue(task: RawTask, today: string): boolean {
  const day = task.due?.date?.slice(0, 10);
  return day !== undefined && day < today;
}

function parseRawTasks(body: string): RawTask[] {
  try {
    const parsed: unknown = JSON.parse(body);
    return Array.isArray(parsed) ? parsed.filter((task): task is RawTask => typeof record(task)?.id === 'string') : [];
  } catch {
    return []; // not JSON (an error text): no tasks
  }
}

function idsOf(list: unknown): string[] {
  return Array.isArray(list) ? list.map((item) => record(item)?.id).filter((id): id is string => typeof id === 'string') : [];
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

/** For "What you observed" (and the prompt): who filters, in one sentence with the figures. */
export function describeFiltering(where: string, inTool: FetchMeasure, byApi: FetchMeasure): string {
  const comparison = compareFiltering(inTool, byApi);
  const same = comparison.sameTasks ? `the same ${byApi.taskIds.length} p1 tasks` : 'different tasks (!)';
  return (
    `On ${where}, "my p1 tasks" fetched in full and filtered in the tool moved ${formatBytes(inTool.bytesFromTodoist)} ` +
    `from Todoist in ${inTool.requests} requests; filter_tasks "p1" moved ${formatBytes(byApi.bytesFromTodoist)} in ` +
    `${byApi.requests} (${formatShare(comparison.bytesShare)}) — ${same}.`
  );
}

/** For "What you observed": raw against compact, in one sentence with the figures. */
export function describeOutputs(where: string, raw: ReturnType<typeof measureRawOverview>, compact: AnswerMeasure): string {
  const comparison = compareOutputs(raw, compact);
  return (
    `On ${where}, get_overview as raw API JSON was ${formatBytes(raw.bytes)} (about ${raw.tokens} tokens, ${raw.tasks} tasks); ` +
    `compact it was ${formatBytes(compact.bytes)} (about ${compact.tokens} tokens, ${formatShare(comparison.bytesShare)} of raw) ` +
    `and kept ${comparison.overdueKept} of ${comparison.overdueTotal} overdue tasks.`
  );
}
