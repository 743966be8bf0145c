/**
 * Which subscribable resources a change touches: the URIs the tenant's bus
 * publishes after a refresh. A task counts for a view if it was in it before
 * the change or is in it after (a completed task leaves "today"; a task moved
 * to another project changes both projects' lists).
 *
 * Dates are judged the way the views are read: `todoist://tasks/today` is
 * "today | overdue", `todoist://tasks/overdue` is "overdue". Todoist reads
 * them in the user's timezone (a task due at 09:00 today is overdue at 10:00);
 * the mock reads the date's own YYYY-MM-DD in UTC and calls only earlier days
 * overdue. A task counts if either reading puts it in the view: a
 * notification too many costs a client one re-read, one too few leaves it
 * showing the wrong list.
 */
import { projectTasksUri, RESOURCE_URIS } from '@/lib/mcp/resources';
import type { Due } from '@/lib/todoist/schemas';

/** What a view needs of a task. */
export interface TaskPlace {
  project_id: string;
  due: Due | null;
}

/** "Now" as one reading of the calendar: the day, and the wall-clock time for floating due times. */
interface Clock {
  today: string;
  /** YYYY-MM-DDTHH:MM:SS on this clock. */
  localNow: string;
  /** The zone fixed times are converted to, or `undefined` for "take the date as written". */
  timeZone: string | undefined;
  now: number;
}

export interface ViewClocks {
  clocks: Clock[];
}

/** The readings to judge by: the user's timezone when known, and always the date as written in UTC (the mock's). */
export function viewClocks(now: Date, userTimeZone: string | undefined): ViewClocks {
  const utc: Clock = { today: now.toISOString().slice(0, 10), localNow: now.toISOString().slice(0, 19), timeZone: undefined, now: now.getTime() };
  const local = userTimeZone ? zonedClock(now, userTimeZone) : undefined;
  return { clocks: local ? [local, utc] : [utc] };
}

/** The URIs a task's change touches, given how it was before and is after (`undefined`: not in the replica). */
export function urisForTaskChange(before: TaskPlace | undefined, after: TaskPlace | undefined, clocks: ViewClocks): string[] {
  const uris = new Set<string>();
  for (const task of [before, after]) {
    if (!task) continue;
    uris.add(projectTasksUri(task.project_id));
    if (clocks.clocks.some((clock) => isDueByToday(task.due, clock))) uris.add(RESOURCE_URIS.tasksToday);
    if (clocks.clocks.some((clock) => isOverdue(task.due, clock))) uris.add(RESOURCE_URIS.tasksOverdue);
  }
  return [...uris];
}

/** Due today or earlier: what "today | overdue" lists. */
function isDueByToday(due: Due | null, clock: Clock): boolean {
  return due !== null && dueDay(due, clock) <= clock.today;
}

/** Due on an earlier day, or earlier today at a time already past. */
function isOverdue(due: Due | null, clock: Clock): boolean {
  if (due === null) return false;
  const day = dueDay(due, clock);
  if (day !== clock.today) return day < clock.today;
  if (!due.date.includes('T')) return false; // a full-day task is due all day
  return isFixedTime(due.date) ? Date.parse(due.date) <= clock.now : due.date.slice(0, 19) <= clock.localNow;
}

/** The due date's day on this clock: a fixed time converted to the clock's zone, anything else as written. */
function dueDay(due: Due, clock: Clock): string {
  if (!clock.timeZone || !isFixedTime(due.date)) return due.date.slice(0, 10);
  const instant = new Date(due.date);
  return Number.isNaN(instant.getTime()) ? due.date.slice(0, 10) : zonedClock(instant, clock.timeZone)?.today ?? due.date.slice(0, 10);
}

function isFixedTime(date: string): boolean {
  return date.endsWith('Z');
}

/** The clock in an IANA zone, or `undefined` for a zone this runtime does not know. */
function zonedClock(now: Date, timeZone: string): Clock | undefined {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    }).formatToParts(now);
  } catch {
    return undefined;
  }
  const part = (type: string) => parts.find((each) => each.type === type)?.value ?? '00';
  const today = `${part('year')}-${part('month')}-${part('day')}`;
  return { today, localNow: `${today}T${part('hour')}:${part('minute')}:${part('second')}`, timeZone, now: now.getTime() };
}
