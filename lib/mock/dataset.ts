/**
 * The mock Todoist account: a deterministic dataset in the API v1 wire format.
 *
 * `generateDataset({ size, seed, today })` returns the same bytes for the same
 * options: every "random" choice comes from a seeded PRNG, and every date is
 * relative to `today`. Only the default `today` reads the clock.
 *
 * Every size starts with the same twelve hand-written tasks (the `tiny`
 * dataset), so the lessons can point at "Buy milk" or "Review Q3 report" in
 * any size; `small` and `large` add generated tasks around them, `hostile`
 * four tasks whose text gives orders (./hostile-tasks.ts).
 *
 * The objects carry a few fields our own schemas drop but the official SDK
 * requires (`can_assign_tasks`, `uids_to_notify`, the full user, ...), so the
 * mock can be read through `@doist/todoist-sdk` too.
 */
import type { Comment, Deadline, Due, Duration, Label, Project, Section, Task, User } from '@/lib/todoist/schemas';
import { DATASET_SIZES, type DatasetSize } from './dataset-sizes';
import { HOSTILE_COMMENT, HOSTILE_TASKS } from './hostile-tasks';
import { createRandom, type Random } from './random';

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

export { DATASET_SIZES, type DatasetSize } from './dataset-sizes';

/** Project count per size, Inbox included. */
export const DATASET_PROJECT_COUNTS = { tiny: 4, small: 12, large: 60, hostile: 4 } as const satisfies Record<DatasetSize, number>;

/** Label count per size. */
const LABEL_COUNTS = { tiny: 6, small: 11, large: 16, hostile: 6 } as const satisfies Record<DatasetSize, number>;

/** How many generated tasks get comments (each gets 1–3). The canned tasks always have theirs. */
const COMMENTED_TASK_COUNTS = { tiny: 0, small: 10, large: 200, hostile: 0 } as const satisfies Record<DatasetSize, number>;

export const DEFAULT_SEED = 20261001;

/** Todoist's color names, the only values `color` takes. */
export const TODOIST_COLORS = [
  'berry_red', 'red', 'orange', 'yellow', 'olive_green', 'lime_green', 'green', 'mint_green', 'teal', 'sky_blue',
  'light_blue', 'blue', 'grape', 'violet', 'lavender', 'magenta', 'salmon', 'charcoal', 'grey', 'taupe',
] as const;
export type TodoistColor = (typeof TODOIST_COLORS)[number];

export type ProjectViewStyle = 'list' | 'board';

/** A project as the API sends it, with the fields the SDK requires. */
export type MockProject = Project & {
  parent_id: string | null;
  can_assign_tasks: boolean;
  is_frozen: boolean;
  default_order: number;
  view_style: ProjectViewStyle;
};

export type MockSection = Section & { description: string | null };

export type FileAttachment = {
  resource_type: 'file' | 'url';
  file_name?: string;
  file_size?: number;
  file_type?: string;
  file_url?: string;
  upload_state?: 'pending' | 'completed';
  url?: string;
  title?: string;
};

/** A comment sits on exactly one of a task (`item_id`) or a project (`project_id`). */
export type MockComment = Comment & {
  uids_to_notify: string[] | null;
  file_attachment: FileAttachment | null;
};

/** The current user, with every field of the SDK's CurrentUserSchema. */
export type MockUser = User & {
  avatar_big: string | null;
  avatar_medium: string | null;
  avatar_s640: string | null;
  avatar_small: string | null;
  business_account_id: string | null;
  is_premium: boolean;
  premium_status: 'not_premium' | 'current_personal_plan' | 'legacy_personal_plan' | 'teams_business_member';
  date_format: number;
  time_format: number;
  weekly_goal: number;
  daily_goal: number;
  completed_count: number;
  completed_today: number;
  karma: number;
  karma_trend: string;
  next_week: number;
  start_day: number;
  start_page: string;
  days_off: number[];
  weekend_start_day: number;
};

export type Dataset = {
  user: MockUser;
  projects: MockProject[];
  sections: MockSection[];
  /** In the order the mock lists them: by project, then `child_order` (see `sortLikeTheApi`). */
  tasks: Task[];
  labels: Label[];
  comments: MockComment[];
};

export type DatasetOptions = {
  size: DatasetSize;
  seed?: number;
  /** "YYYY-MM-DD"; due dates are spread around it. Defaults to the current UTC date. */
  today?: string;
};

export function generateDataset(options: DatasetOptions): Dataset {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  assertCalendarDate(today);
  const rng = createRandom(options.seed ?? DEFAULT_SEED);
  const userId = String(rng.int(10_000_000, 99_999_999));
  const ctx: Context = { rng, today, userId, newId: createIdFactory(rng), clock: createClock(rng, today) };

  const planned = buildProjects(ctx, DATASET_PROJECT_COUNTS[options.size]);
  const projects = planned.map((each) => each.project);
  const sections = buildSections(ctx, planned);
  const labels = buildLabels(ctx, LABEL_COUNTS[options.size]);
  const world: World = { planned, sections, labels };

  // Built after the twelve, so the hostile dataset's first twelve tasks are the tiny dataset's, ids included.
  const hostile = options.size === 'hostile';
  const canned = buildCannedTasks(ctx, world, hostile ? [...CANNED_TASKS, ...HOSTILE_TASKS] : CANNED_TASKS);
  const generated = generateTasks(ctx, world, DATASET_SIZES[options.size] - canned.tasks.length);
  const tasks = [...canned.tasks, ...generated];
  assignChildOrder(tasks);
  collapseSomeParents(ctx, generated, tasks);

  const comments = [
    ...buildCannedComments(ctx, world, canned.byKey),
    ...(hostile ? [buildHostileComment(ctx, canned.byKey)] : []),
    ...generateComments(ctx, generated, COMMENTED_TASK_COUNTS[options.size]),
  ];
  countNotes(tasks, comments);

  const inbox = planned[0]!.project;
  return {
    user: buildUser(ctx, inbox.id),
    projects,
    sections,
    tasks: sortLikeTheApi(tasks, projects),
    labels,
    // Oldest first; plain string order (not localeCompare) so no locale can change it.
    comments: [...comments].sort((a, b) => (a.posted_at < b.posted_at ? -1 : a.posted_at > b.posted_at ? 1 : 0)),
  };
}

// ---------------------------------------------------------------------------
// Plumbing: ids, clock, dates
// ---------------------------------------------------------------------------

type Context = {
  rng: Random;
  today: string;
  userId: string;
  newId: () => string;
  clock: Clock;
};

type World = {
  planned: PlannedProject[];
  sections: MockSection[];
  labels: Label[];
};

const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Opaque 16-character ids like Todoist's ("6XR4GqQQCW6Gv9h4"), never repeated. */
function createIdFactory(rng: Random): () => string {
  const used = new Set<string>();
  const codes = new Array<number>(16);
  return function newId() {
    for (;;) {
      for (let i = 0; i < 16; i += 1) codes[i] = ID_ALPHABET.charCodeAt(Math.floor(rng.next() * ID_ALPHABET.length));
      const id = String.fromCharCode(...codes);
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
}

type Clock = {
  /** A timestamp after `iso` (or after the account was created) and before `today`. */
  after(iso?: string | null): string;
};

const DAY_MS = 86_400_000;
const ACCOUNT_AGE_DAYS = 900;

/** Timestamps all fall before `today` (00:00 UTC), in the API's microsecond format. */
function createClock(rng: Random, today: string): Clock {
  const endMs = Date.parse(`${today}T00:00:00Z`) - 1;
  const accountCreatedMs = endMs - ACCOUNT_AGE_DAYS * DAY_MS;
  return {
    after(iso) {
      const startMs = iso ? Math.min(parseTimestamp(iso) + 1, endMs) : accountCreatedMs;
      const ms = startMs + Math.floor(rng.next() * (endMs - startMs));
      // "2026-10-01T09:12:33.123" + three more digits: the API sends microseconds.
      return `${new Date(ms).toISOString().slice(0, 23)}${String(rng.int(0, 999)).padStart(3, '0')}Z`;
    },
  };
}

/** Milliseconds of an API timestamp; cutting the microseconds keeps `Date.parse` on its fast path. */
function parseTimestamp(iso: string): number {
  return Date.parse(`${iso.slice(0, 23)}Z`);
}

/** The later of some timestamps (same format, so strings compare like times). */
function latest(...timestamps: Array<string | null | undefined>): string | null {
  let result: string | null = null;
  for (const each of timestamps) if (each && (result === null || each > result)) result = each;
  return result;
}

function assertCalendarDate(value: string): void {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!valid) throw new RangeError(`today must be a calendar date "YYYY-MM-DD", got "${value}"`);
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** ISO weekday: 1 = Monday … 7 = Sunday (Todoist's numbering). */
function isoWeekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
}

const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function nextWeekdayOnOrAfter(day: string, weekday: number): string {
  return addDays(day, (weekday - isoWeekday(day) + 7) % 7);
}

// ---------------------------------------------------------------------------
// Time zones, without Intl: a fixed table keeps the output identical everywhere
// ---------------------------------------------------------------------------

type DstRule = 'eu' | 'us' | null;
const TIME_ZONES = {
  'Europe/Berlin': { standardMinutes: 60, dst: 'eu' },
  'Europe/London': { standardMinutes: 0, dst: 'eu' },
  'America/New_York': { standardMinutes: -300, dst: 'us' },
  'Asia/Tokyo': { standardMinutes: 540, dst: null },
} as const satisfies Record<string, { standardMinutes: number; dst: DstRule }>;
type TimeZoneName = keyof typeof TIME_ZONES;
const TIME_ZONE_NAMES = Object.keys(TIME_ZONES) as TimeZoneName[];
const USER_TIME_ZONE: TimeZoneName = 'Europe/Berlin';

function nthSunday(year: number, month: number, n: number): string {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  return addDays(nextWeekdayOnOrAfter(first, 7), (n - 1) * 7);
}

function lastSunday(year: number, month: number): string {
  const firstOfNext = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  const lastDay = addDays(firstOfNext, -1);
  return addDays(lastDay, -(isoWeekday(lastDay) % 7));
}

/** Summer time by calendar day (the switch-over hour itself is ignored). */
function isDst(zone: TimeZoneName, day: string): boolean {
  const year = Number(day.slice(0, 4));
  switch (TIME_ZONES[zone].dst) {
    case 'eu':
      return day >= lastSunday(year, 3) && day < lastSunday(year, 10);
    case 'us':
      return day >= nthSunday(year, 3, 2) && day < nthSunday(year, 11, 1);
    default:
      return false;
  }
}

function utcOffsetMinutes(zone: TimeZoneName, day: string): number {
  return TIME_ZONES[zone].standardMinutes + (isDst(zone, day) ? 60 : 0);
}

// ---------------------------------------------------------------------------
// Dues, deadlines, durations
// ---------------------------------------------------------------------------

type TimeOfDay = { hour: number; minute: number };

/** What a due means before it is written in the wire format. */
type DuePlan = {
  /** The calendar day in the user's (or the fixed zone's) calendar. */
  day: string;
  time: TimeOfDay | null;
  /** Set for "fixed" dues: the time is pinned to this zone and `date` is sent in UTC. */
  timezone: TimeZoneName | null;
  recurrence: string | null;
};

const TIMES_OF_DAY: readonly TimeOfDay[] = [
  { hour: 8, minute: 0 }, { hour: 9, minute: 0 }, { hour: 9, minute: 30 }, { hour: 10, minute: 0 },
  { hour: 12, minute: 30 }, { hour: 14, minute: 0 }, { hour: 15, minute: 30 }, { hour: 17, minute: 0 },
  { hour: 18, minute: 0 }, { hour: 19, minute: 30 },
];

const pad2 = (value: number) => String(value).padStart(2, '0');

/**
 * The three `due.date` forms: full-day "2026-10-01", floating
 * "2026-10-01T12:00:00.000000" and fixed "2026-10-01T10:00:00.000000Z" (UTC,
 * with `timezone` naming the zone the time was set in).
 */
function toDue(plan: DuePlan, today: string): Due {
  const spoken = plan.recurrence ?? spokenDay(plan.day, today);
  return {
    date: dueDate(plan),
    is_recurring: plan.recurrence !== null,
    lang: 'en',
    string: plan.time ? `${spoken} at ${spokenTime(plan.time)}` : spoken,
    timezone: plan.timezone,
  };
}

function dueDate({ day, time, timezone }: DuePlan): string {
  if (!time) return day;
  if (!timezone) return `${day}T${pad2(time.hour)}:${pad2(time.minute)}:00.000000`;
  const localMs = Date.parse(`${day}T${pad2(time.hour)}:${pad2(time.minute)}:00Z`);
  const utc = new Date(localMs - utcOffsetMinutes(timezone, day) * 60_000);
  return `${utc.toISOString().slice(0, 19)}.000000Z`;
}

/** How a person would have typed the day: "today", "friday", "Oct 6". */
function spokenDay(day: string, today: string): string {
  const offset = daysBetween(today, day);
  if (offset === 0) return 'today';
  if (offset === 1) return 'tomorrow';
  if (offset === -1) return 'yesterday';
  if (offset > 1 && offset < 7) return WEEKDAY_NAMES[isoWeekday(day) - 1]!;
  const monthDay = `${MONTH_NAMES[Number(day.slice(5, 7)) - 1]} ${Number(day.slice(8, 10))}`;
  return day.slice(0, 4) === today.slice(0, 4) ? monthDay : `${monthDay} ${day.slice(0, 4)}`;
}

function spokenTime({ hour, minute }: TimeOfDay): string {
  const suffix = hour < 12 ? 'am' : 'pm';
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  return minute === 0 ? `${hour12}${suffix}` : `${hour12}:${pad2(minute)}${suffix}`;
}

type Recurrence = {
  string: string;
  /** The next occurrence on or after `today`. */
  next(today: string, rng: Random): string;
  /** For weekly and daily rules: how far back the previous (missed) occurrence is. */
  periodDays?: number;
};

const RECURRENCES: readonly Recurrence[] = [
  { string: 'every day', next: (today) => today, periodDays: 1 },
  {
    string: 'every weekday',
    next: (today) => (isoWeekday(today) <= 5 ? today : nextWeekdayOnOrAfter(today, 1)),
  },
  ...WEEKDAY_NAMES.map((name, index) => ({
    string: `every ${name}`,
    next: (today: string) => nextWeekdayOnOrAfter(today, index + 1),
    periodDays: 7,
  })),
  { string: 'every 2 weeks', next: (today, rng) => addDays(today, rng.int(0, 13)) },
  { string: 'every month', next: (today, rng) => addDays(today, rng.int(0, 27)) },
  {
    string: 'every 1st',
    next: (today) => (today.endsWith('-01') ? today : `${addDays(`${today.slice(0, 7)}-28`, 4).slice(0, 7)}-01`),
  },
];

function recurrenceNamed(text: string): Recurrence {
  const found = RECURRENCES.find((each) => each.string === text);
  if (!found) throw new Error(`Unknown recurrence "${text}"`);
  return found;
}

function randomDuePlan(rng: Random, today: string, chanceOfDue: number): DuePlan | null {
  if (!rng.chance(chanceOfDue)) return null;
  const time = rng.chance(0.3) ? rng.pick(TIMES_OF_DAY) : null;
  const timezone = time && rng.chance(0.35) ? rng.pick(TIME_ZONE_NAMES) : null;
  if (rng.chance(0.12)) {
    const recurrence = rng.pick(RECURRENCES);
    const next = recurrence.next(today, rng);
    // Some recurring tasks were missed: their date is the previous occurrence.
    const missed = recurrence.periodDays !== undefined && rng.chance(0.25);
    const day = missed ? addDays(next, -recurrence.periodDays!) : next;
    return { day, time, timezone, recurrence: recurrence.string };
  }
  return { day: addDays(today, randomDayOffset(rng)), time, timezone, recurrence: null };
}

/** Overdue, today, tomorrow, this week, later. */
function randomDayOffset(rng: Random): number {
  const bucket = rng.next();
  if (bucket < 0.15) return -rng.int(1, 30);
  if (bucket < 0.27) return 0;
  if (bucket < 0.39) return 1;
  if (bucket < 0.62) return rng.int(2, 7);
  return rng.int(8, 120);
}

function randomDeadline(rng: Random, today: string): Deadline | null {
  return rng.chance(0.08) ? { date: addDays(today, rng.int(-3, 60)), lang: 'en' } : null;
}

/** Durations only make sense on a due: minutes on timed ones, days on full-day ones. */
function randomDuration(rng: Random, plan: DuePlan | null): Duration | null {
  if (!plan) return null;
  if (plan.time) return rng.chance(0.35) ? { amount: rng.pick([15, 30, 45, 60, 90, 120]), unit: 'minute' } : null;
  return rng.chance(0.06) ? { amount: rng.int(1, 3), unit: 'day' } : null;
}

/** API priority: 1 is normal (most tasks), 4 is the most urgent ("p1"). */
function randomPriority(rng: Random): number {
  const roll = rng.next();
  return roll < 0.6 ? 1 : roll < 0.75 ? 2 : roll < 0.9 ? 3 : 4;
}

// ---------------------------------------------------------------------------
// Projects and sections
// ---------------------------------------------------------------------------

type Theme =
  | 'inbox' | 'work' | 'client' | 'personal' | 'home' | 'health' | 'finance'
  | 'learning' | 'japanese' | 'launch' | 'travel' | 'errands';

type ProjectTemplate = {
  name: string;
  parent?: string;
  theme: Theme;
  /** For client projects: the name tasks mention ("Send Acme the invoice"). */
  client?: string;
  color?: TodoistColor;
  viewStyle?: ProjectViewStyle;
  favorite?: boolean;
  shared?: boolean;
  description?: string;
  sections?: string[];
  /** How many generated tasks it draws compared with others; containers get few. */
  weight?: number;
};

type PlannedProject = { project: MockProject; template: ProjectTemplate };

const INBOX_TEMPLATE: ProjectTemplate = { name: 'Inbox', theme: 'inbox', color: 'charcoal' };

/**
 * In the order projects are added, parents first. Sizes take a prefix: the
 * first three make `tiny` (Work → Clients → Acme, three levels deep), the
 * first eleven `small`; `large` adds generated client projects.
 */
const PROJECT_TEMPLATES: readonly ProjectTemplate[] = [
  { name: 'Work', theme: 'work', color: 'blue', favorite: true, sections: ['This week', 'Waiting on'] },
  { name: 'Clients', parent: 'Work', theme: 'work', color: 'sky_blue', weight: 0.3 },
  { name: 'Acme', parent: 'Clients', theme: 'client', client: 'Acme', color: 'orange', sections: ['Launch', 'Billing'] },
  { name: 'Personal', theme: 'personal', color: 'green', favorite: true },
  {
    name: 'Home', theme: 'home', color: 'teal', viewStyle: 'board', sections: ['To do', 'In progress', 'Waiting'],
  },
  {
    name: 'Renovation', parent: 'Home', theme: 'home', color: 'taupe', viewStyle: 'board',
    description: 'Kitchen first, then the bathroom. Budget: **€12k**.', sections: ['Kitchen', 'Bathroom', 'Paperwork'],
  },
  { name: 'Health', parent: 'Personal', theme: 'health', color: 'berry_red' },
  { name: 'Finance', parent: 'Personal', theme: 'finance', color: 'olive_green', description: 'Bills, taxes, subscriptions.' },
  { name: 'Learning', theme: 'learning', color: 'grape', sections: ['Courses', 'Reading'] },
  { name: '日本語', parent: 'Learning', theme: 'japanese', color: 'magenta', description: '毎日少しずつ — a little every day.' },
  {
    name: '🚀 Launch', theme: 'launch', color: 'violet', viewStyle: 'board', favorite: true,
    sections: ['Backlog', 'Doing', 'Done'],
  },
  { name: 'Team', parent: 'Work', theme: 'work', color: 'light_blue', shared: true, sections: ['Agenda', 'Action items'] },
  { name: 'Q4 Planning', parent: 'Work', theme: 'work', color: 'lavender' },
  { name: 'Globex', parent: 'Clients', theme: 'client', client: 'Globex', color: 'yellow' },
  { name: 'Initech', parent: 'Clients', theme: 'client', client: 'Initech', color: 'red', sections: ['Discovery', 'Delivery'] },
  { name: 'Acme — Website relaunch', parent: 'Acme', theme: 'client', client: 'Acme', color: 'salmon', viewStyle: 'board' },
  { name: 'Travel', theme: 'travel', color: 'mint_green' },
  { name: 'Lisbon 2027', parent: 'Travel', theme: 'travel', color: 'lime_green', sections: ['Before', 'There'] },
  { name: 'Errands', theme: 'errands', color: 'grey' },
  { name: 'Fitness', parent: 'Health', theme: 'health', color: 'red' },
  { name: 'Garden', parent: 'Home', theme: 'home', color: 'green' },
  { name: 'Reading list', parent: 'Learning', theme: 'learning', color: 'lavender' },
  { name: 'Café ☕ ideas', parent: '🚀 Launch', theme: 'launch', color: 'salmon' },
];

const CLIENT_COMPANIES = [
  'Umbrella', 'Hooli', 'Pied Piper', 'Stark Industries', 'Wayne Enterprises', 'Wonka Industries', 'Vandelay Industries',
  'Dunder Mifflin', 'Soylent', 'Cyberdyne', 'Tyrell Corp', 'Oscorp', 'Aperture Science', 'Black Mesa', 'Massive Dynamic',
  'Gringotts', 'Monsters Inc', 'Bluth Company', 'Sterling Cooper', 'Blue Sun', 'Weyland-Yutani', 'Virtucon',
  'Nakatomi Trading', 'Prestige Worldwide', 'Los Pollos Hermanos', 'Krusty Krab', 'Ollivanders', 'Duff Brewery',
] as const;

const CLIENT_SECTIONS = ['Discovery', 'Delivery', 'Invoices'];

/** More client projects (some with a sub-project) when a size needs more than the templates. */
function clientFillerTemplates(needed: number): ProjectTemplate[] {
  const templates: ProjectTemplate[] = [];
  for (let index = 0; templates.length < needed; index += 1) {
    const company = CLIENT_COMPANIES[index] ?? `Client ${index + 1}`;
    templates.push({
      name: company, parent: 'Clients', theme: 'client', client: company,
      sections: index % 2 === 0 ? CLIENT_SECTIONS : undefined,
    });
    if (index % 3 === 0 && templates.length < needed) {
      templates.push({ name: `${company} — Retainer`, parent: company, theme: 'client', client: company });
    }
  }
  return templates;
}

function projectTemplates(count: number): ProjectTemplate[] {
  const fixed = [INBOX_TEMPLATE, ...PROJECT_TEMPLATES];
  return [...fixed, ...clientFillerTemplates(Math.max(0, count - fixed.length))].slice(0, count);
}

function buildProjects(ctx: Context, count: number): PlannedProject[] {
  const byName = new Map<string, MockProject>();
  const childCounts = new Map<string | null, number>();
  return projectTemplates(count).map((template) => {
    const parent = template.parent === undefined ? null : byName.get(template.parent);
    if (parent === undefined) throw new Error(`Project template "${template.name}" comes before its parent`);
    const isInbox = template === INBOX_TEMPLATE;
    const siblingKey = parent?.id ?? null;
    // The inbox is child 0; other projects count from 1 under their parent.
    const childOrder = isInbox ? 0 : (childCounts.get(siblingKey) ?? 0) + 1;
    if (!isInbox) childCounts.set(siblingKey, childOrder);
    const createdAt = ctx.clock.after(parent?.created_at);
    const project: MockProject = {
      id: ctx.newId(),
      name: template.name,
      description: template.description ?? '',
      color: template.color ?? ctx.rng.pick(TODOIST_COLORS),
      parent_id: parent?.id ?? null,
      child_order: childOrder,
      default_order: 0,
      view_style: template.viewStyle ?? 'list',
      is_collapsed: false,
      is_favorite: template.favorite ?? false,
      is_archived: false,
      is_deleted: false,
      is_frozen: false,
      is_shared: template.shared ?? false,
      can_assign_tasks: template.shared ?? false,
      ...(isInbox && { inbox_project: true }),
      created_at: createdAt,
      updated_at: ctx.clock.after(createdAt),
    };
    byName.set(template.name, project);
    return { project, template };
  });
}

const SECTION_DESCRIPTIONS: Record<string, string> = {
  'This week': 'What has to ship before Friday.',
  'Waiting on': 'Blocked on someone else — nudge on Mondays.',
  Done: '',
};

function buildSections(ctx: Context, planned: readonly PlannedProject[]): MockSection[] {
  return planned.flatMap(({ project, template }) =>
    (template.sections ?? []).map((name, index) => {
      const addedAt = ctx.clock.after(project.created_at);
      return {
        id: ctx.newId(),
        name,
        description: SECTION_DESCRIPTIONS[name] ?? null,
        project_id: project.id,
        section_order: index + 1,
        is_collapsed: false,
        is_archived: false,
        is_deleted: false,
        added_at: addedAt,
        updated_at: ctx.clock.after(addedAt),
        archived_at: null,
        user_id: ctx.userId,
      };
    }),
  );
}

// ---------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------

const LABEL_TEMPLATES: ReadonlyArray<{ name: string; color: TodoistColor; favorite?: boolean }> = [
  { name: 'errands', color: 'lime_green', favorite: true },
  { name: 'calls', color: 'sky_blue' },
  { name: 'email', color: 'blue' },
  { name: 'deep-work', color: 'grape', favorite: true },
  { name: 'waiting', color: 'orange' },
  { name: 'quick-win', color: 'mint_green', favorite: true },
  { name: 'someday', color: 'taupe' },
  { name: 'home', color: 'teal' },
  { name: 'office', color: 'charcoal' },
  { name: 'reading', color: 'lavender' },
  { name: '💡 idea', color: 'yellow' },
  { name: '15min', color: 'green' },
  { name: 'high-energy', color: 'red' },
  { name: 'low-energy', color: 'light_blue' },
  { name: 'à-faire', color: 'salmon' },
  { name: 'health', color: 'berry_red' },
];

function buildLabels(ctx: Context, count: number): Label[] {
  return LABEL_TEMPLATES.slice(0, count).map((template, index) => ({
    id: ctx.newId(),
    name: template.name,
    color: template.color,
    order: index + 1,
    is_favorite: template.favorite ?? false,
  }));
}

// ---------------------------------------------------------------------------
// Tasks
// ---------------------------------------------------------------------------

type TaskFields = {
  project: MockProject;
  section: MockSection | null;
  parent: Task | null;
  content: string;
  description: string;
  priority: number;
  labels: string[];
  due: DuePlan | null;
  deadline: Deadline | null;
  duration: Duration | null;
};

/** `child_order` is filled in afterwards by `assignChildOrder`, once all siblings exist. */
function makeTask(ctx: Context, fields: TaskFields): Task {
  const addedAt = ctx.clock.after(latest(fields.project.created_at, fields.section?.added_at, fields.parent?.added_at));
  return {
    id: ctx.newId(),
    user_id: ctx.userId,
    project_id: fields.project.id,
    // Subtasks live in their parent's section.
    section_id: fields.parent?.section_id ?? fields.section?.id ?? null,
    parent_id: fields.parent?.id ?? null,
    content: fields.content,
    description: fields.description,
    labels: fields.labels,
    priority: fields.priority,
    due: fields.due && toDue(fields.due, ctx.today),
    deadline: fields.deadline,
    duration: fields.duration,
    child_order: 0,
    day_order: -1,
    is_collapsed: false,
    checked: false,
    is_deleted: false,
    added_at: addedAt,
    updated_at: ctx.rng.chance(0.4) ? addedAt : ctx.clock.after(addedAt),
    completed_at: null,
    added_by_uid: ctx.userId,
    assigned_by_uid: null,
    responsible_uid: null,
    note_count: 0,
  };
}

// --- The twelve canned tasks: every size has them -------------------------

type CannedDue =
  | { inDays: number; at?: string; timezone?: TimeZoneName }
  | { every: string; at?: string; timezone?: TimeZoneName };

export type CannedTask = {
  key: string;
  project: string;
  section?: string;
  parent?: string;
  content: string;
  description?: string;
  priority: 1 | 2 | 3 | 4;
  labels?: string[];
  due?: CannedDue;
  deadlineInDays?: number;
  duration?: Duration;
};

const NOTE_PARAGRAPHS = [
  '## Notes from the review meeting\n\nRevenue is up 8% on Q2, but most of it came from two accounts (Acme and Globex), so the growth story is thinner than the headline. Marketing spend was flat; the new referral programme brought in 140 sign-ups at a fraction of the paid cost.',
  '**Open questions**\n- Why did churn spike in August? Support thinks it was the pricing email.\n- Are the infrastructure costs in section 4 annualised or monthly? The chart says one thing, the table another.\n- Who owns the forecast for Q4 now that Priya moved teams?',
  'Finance wants the final version by Thursday noon so it can go into the board pack. Keep the executive summary to one page; the appendix can stay as long as it needs to be. Use the template from last quarter — [Q2 report](https://example.com/reports/q2) — so the numbers line up.',
  '> "Less, but better" — the CEO asked for three key messages, not ten.\n\nSuggested messages: 1) sustainable growth from existing customers, 2) costs under control, 3) the referral programme is the cheapest channel we have.',
  'Action items: Jonas checks the churn numbers; Lena rewrites the summary; I merge the comments and send the draft round on Wednesday. Café ☕ at 10 on Thursday to go through the last changes before it goes out.',
];

/** The "Review Q3 report" notes: long on purpose (over 1000 characters). */
const LONG_NOTES = NOTE_PARAGRAPHS.join('\n\n');

const CANNED_TASKS: readonly CannedTask[] = [
  { key: 'milk', project: 'Inbox', content: 'Buy milk', priority: 1, labels: ['errands'], due: { inDays: 0 } },
  { key: 'mom', project: 'Inbox', content: 'Call mom', priority: 2, labels: ['calls'], due: { every: 'every sunday' } },
  {
    key: 'cafe', project: 'Inbox', content: 'Café ☕ with Lena', priority: 1,
    description: 'The place on the corner of Oranienstraße.', due: { inDays: 1, at: '10:00' },
    duration: { amount: 60, unit: 'minute' },
  },
  { key: 'memo', project: 'Inbox', content: '日本語のメモ', priority: 1, description: '単語リストを見直す。' },
  {
    key: 'passport', project: 'Inbox', content: 'Renew passport', priority: 3,
    description: 'Form and photo rules: [passport renewal](https://example.com/passport-renewal)', deadlineInDays: 40,
  },
  {
    key: 'q3-report', project: 'Work', content: 'Review Q3 report', priority: 4, labels: ['deep-work'],
    description: LONG_NOTES, due: { inDays: -2 },
  },
  {
    key: 'farewell', project: 'Work', section: 'This week', content: "Plan Sam's farewell party", priority: 2,
    due: { inDays: 5 },
  },
  { key: 'table', project: 'Work', parent: 'farewell', content: 'Book a table', priority: 1, due: { inDays: 3 } },
  {
    key: 'italian', project: 'Work', parent: 'table', content: 'Call the Italian place on Main St', priority: 1,
    labels: ['calls'],
  },
  {
    key: 'weekly', project: 'Work', content: 'Weekly planning', priority: 1,
    description: 'Look at the calendar, pick the **three** things that matter.', due: { every: 'every monday', at: '09:00' },
    duration: { amount: 30, unit: 'minute' },
  },
  {
    key: 'acme-contract', project: 'Acme', content: '**Send** Acme the [signed contract](https://example.com/acme/contract)',
    priority: 3, labels: ['email'], due: { inDays: 1, at: '17:00', timezone: 'Europe/Berlin' }, deadlineInDays: 7,
  },
  {
    key: 'pricing', project: 'Acme', section: 'Launch', content: '🚀 Launch the new pricing page', priority: 4,
    due: { inDays: 21 }, duration: { amount: 2, unit: 'day' },
  },
];

function cannedDuePlan(due: CannedDue, today: string, rng: Random): DuePlan {
  const time = due.at ? { hour: Number(due.at.slice(0, 2)), minute: Number(due.at.slice(3, 5)) } : null;
  const timezone = due.timezone ?? null;
  if ('every' in due) {
    return { day: recurrenceNamed(due.every).next(today, rng), time, timezone, recurrence: due.every };
  }
  return { day: addDays(today, due.inDays), time, timezone, recurrence: null };
}

function buildCannedTasks(ctx: Context, world: World, specs: readonly CannedTask[]): { tasks: Task[]; byKey: Map<string, Task> } {
  const byKey = new Map<string, Task>();
  const tasks = specs.map((spec) => {
    const project = projectNamed(world, spec.project);
    const task = makeTask(ctx, {
      project,
      section: spec.section ? sectionNamed(world, project, spec.section) : null,
      parent: spec.parent ? byKey.get(spec.parent)! : null,
      content: spec.content,
      description: spec.description ?? '',
      priority: spec.priority,
      labels: spec.labels ?? [],
      due: spec.due ? cannedDuePlan(spec.due, ctx.today, ctx.rng) : null,
      deadline: spec.deadlineInDays === undefined ? null : { date: addDays(ctx.today, spec.deadlineInDays), lang: 'en' },
      duration: spec.duration ?? null,
    });
    byKey.set(spec.key, task);
    return task;
  });
  return { tasks, byKey };
}

function projectNamed(world: World, name: string): MockProject {
  const found = world.planned.find((each) => each.project.name === name);
  if (!found) throw new Error(`No project named "${name}"`);
  return found.project;
}

function sectionNamed(world: World, project: MockProject, name: string): MockSection {
  const found = world.sections.find((each) => each.project_id === project.id && each.name === name);
  if (!found) throw new Error(`No section "${name}" in "${project.name}"`);
  return found;
}

// --- Generated tasks -------------------------------------------------------

const CONTENT_BY_THEME: Record<Exclude<Theme, 'inbox'>, readonly string[]> = {
  work: [
    'Review the Q4 roadmap', 'Draft the hiring plan', 'Update the onboarding doc', 'Prepare 1:1 notes for Jonas',
    'Send the weekly status update', 'Fix the broken link in the handbook', 'Book the meeting room for Thursday',
    'Reply to Priya about the budget', 'Clean up the shared drive', 'Write the release notes',
    'Follow up on the vendor quote', 'Plan the team offsite', 'Do the security training',
    'Expense the conference tickets', 'Prepare slides for the all-hands', 'Schedule the retro',
  ],
  client: [
    'Send {client} the invoice', 'Call {client} about the renewal', 'Prepare the {client} kickoff deck',
    "Go through {client}'s feedback", 'Update the {client} timeline', 'Share the staging link with {client}',
    'Chase {client} for the signed SOW', 'Draft the {client} proposal', 'Book a workshop with {client}',
    'Log hours for {client}', 'Answer the {client} support ticket', 'Send {client} the monthly report',
  ],
  personal: [
    'Book dentist appointment', 'Write a birthday card for Zoé 🎂', 'Back up the phone', 'Sort out the photo library',
    'Return the library books', 'Plan the weekend', "Reply to Tom's wedding invite", 'Cancel the unused gym trial',
    'Update the emergency contacts', 'Call grandma', 'Buy a present for Lena', 'Renew the bike insurance',
  ],
  home: [
    'Fix the leaky tap', 'Water the plants 🌱', 'Clean the fridge', 'Replace the hallway bulb',
    'Measure the kitchen window', 'Get quotes for the new floor', 'Hang the pictures in the bedroom',
    'Descale the kettle', 'Take out the recycling', 'Order curtain rods', 'Paint the bathroom ceiling',
    'Book the chimney sweep',
  ],
  health: [
    'Book a physio session', 'Refill the prescription', 'Go for a 5 km run 🏃', 'Meal-prep for the week',
    'Schedule the annual check-up', 'Stretch for 10 minutes', 'Try the new yoga class', 'Buy vitamin D',
    "Log this week's sleep",
  ],
  finance: [
    'Pay the electricity bill', 'File the tax return', 'Check the credit card statement', 'Transfer rent',
    'Überweisung an den Vermieter prüfen', 'Cancel the streaming subscription', 'Review the insurance renewal',
    'Move savings to the ETF', 'Collect receipts for expenses', 'Update the budget spreadsheet',
  ],
  learning: [
    'Finish chapter 4 of *Designing Data-Intensive Applications*', 'Watch the TypeScript generics talk',
    'Practice 20 minutes of piano 🎹', 'Write notes on the Rust ownership chapter', 'Sign up for the pottery course',
    'Review flashcards', 'Read the Zod 4 migration guide', 'Do the SQL window functions exercise',
  ],
  japanese: [
    'Review N4 kanji', '漢字の練習 (20 minutes)', 'Watch one episode without subtitles',
    'Book a lesson with Tanaka-sensei', 'Practice katakana 📝', 'Read one NHK Easy article', '日記を書く — diary entry',
  ],
  launch: [
    'Finish the landing page', 'Write the Product Hunt blurb', 'Set up the analytics dashboard',
    'Fix the typo in the signup email', 'Record the demo video 🎥', 'Ask 5 friends for beta feedback',
    'Price the Pro plan', 'Draft the launch thread', 'Check the pricing page on mobile', 'Set up the status page',
  ],
  travel: [
    'Book flights to Lisbon ✈️', 'Renew the travel insurance', 'Find a pastelaria near the hotel',
    'Pack the adapter plugs', 'Check in online', 'Make a list of museums', 'Download offline maps',
    'Ask Ana for restaurant tips',
  ],
  errands: [
    'Pick up the dry cleaning', 'Post the parcel to Oma', 'Buy batteries (AA)', 'Get a spare key cut',
    'Drop off the donations', 'Buy croissants 🥐', 'Return the shoes', 'Pick up the photo prints', 'Buy stamps',
  ],
};

/** Inbox tasks are whatever came to mind: a mix of themes. */
const INBOX_THEMES = ['personal', 'errands', 'work', 'home', 'finance'] as const;

const SUBTASK_CONTENT = [
  'Outline the main points', 'First draft', 'Ask Sam for feedback', 'Collect the numbers', 'Compare three options',
  'Check the budget', 'Book a slot', 'Confirm the date with Lena', "Buy what's missing", 'Write it up',
  'Send for review', 'Double-check the details', 'Tidy up the notes', 'Call to confirm', 'Upload the final version',
];

const CONTENT_SUFFIXES = [' (again)', ' before Friday', ' — v2', ' 🙏', '?', ' for next week'];

const SHORT_DESCRIPTIONS = [
  'Ask at the front desk first.', 'See the email from Friday.', "Not urgent, but don't forget.",
  'Take the blue folder.', 'Priya has the details.', 'Costs about €40.', 'Needs the receipt from March.',
  'The office closes at 5 on Fridays.', 'Zoé prefers the morning.', 'Check the old notes first.',
];

const MARKDOWN_DESCRIPTIONS = [
  '**Checklist**\n- passport\n- charger\n- snacks',
  'Steps:\n1. Export the CSV\n2. Clean up the columns\n3. Share with [finance](https://example.com/finance)',
  'Context: [thread](https://example.com/thread/4821) — _short version_: they want it by Friday.',
  '> Remember to ask about the discount.\n\nPhone: +49 30 1234567',
  'Links:\n- [Docs](https://example.com/docs)\n- [Board](https://example.com/board)',
];

/** Subtasks cannot go deeper than this (depth 1 = a top-level task). */
const MAX_TASK_DEPTH = 4;

/**
 * With 50-item pages a subtask must be able to land on a different page
 * from its parent: the Inbox starts with this many top-level tasks, and its
 * last generated task is a subtask of the last of them (see `generateInboxTasks`).
 */
const PAGINATION_TRAP_ROOTS = 60;

function generateTasks(ctx: Context, world: World, count: number): Task[] {
  if (count <= 0) return [];
  const [inbox, ...others] = world.planned;
  const inboxCount = Math.min(count, Math.max(PAGINATION_TRAP_ROOTS + 5, Math.round(count * 0.12)));
  const perProject = allocate(ctx.rng, others, count - inboxCount);
  return [
    ...generateProjectTasks(ctx, world, inbox!, inboxCount, {
      subtaskChance: 0.1,
      rootsFirst: PAGINATION_TRAP_ROOTS,
      trap: true,
    }),
    ...others.flatMap((planned, index) =>
      generateProjectTasks(ctx, world, planned, perProject[index]!, { subtaskChance: 0.3, rootsFirst: 1, trap: false }),
    ),
  ];
}

/** Splits `count` tasks across projects by weight, so some projects are busy and some quiet. */
function allocate(rng: Random, planned: readonly PlannedProject[], count: number): number[] {
  const weights = planned.map(({ template }) => template.weight ?? rng.int(1, 6));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const counts = weights.map((weight) => Math.floor((count * weight) / total));
  // Hand out what rounding down left over, one each, from a random start.
  let leftover = count - counts.reduce((sum, each) => sum + each, 0);
  for (let index = rng.int(0, counts.length - 1); leftover > 0; index = (index + 1) % counts.length, leftover -= 1) {
    counts[index]! += 1;
  }
  return counts;
}

type GenerationRules = {
  subtaskChance: number;
  /** The first N tasks are top-level, whatever the dice say. */
  rootsFirst: number;
  /** Make the last task a subtask of the last top-level one (the pagination trap). */
  trap: boolean;
};

function generateProjectTasks(
  ctx: Context,
  world: World,
  planned: PlannedProject,
  count: number,
  rules: GenerationRules,
): Task[] {
  const { project, template } = planned;
  const sections = world.sections.filter((section) => section.project_id === project.id);
  const depthById = new Map<string, number>();
  const possibleParents: Task[] = [];
  const tasks: Task[] = [];
  let lastRoot: Task | null = null;
  const nextContent = createDeck(ctx.rng, contentPool(template));
  const nextSubtaskContent = createDeck(ctx.rng, SUBTASK_CONTENT);

  for (let index = 0; index < count; index += 1) {
    const isLast = index === count - 1;
    let parent: Task | null = null;
    if (rules.trap && isLast && lastRoot) parent = lastRoot;
    else if (index >= rules.rootsFirst && possibleParents.length > 0 && ctx.rng.chance(rules.subtaskChance)) {
      parent = ctx.rng.pick(possibleParents);
    }
    const content = parent ? nextSubtaskContent() : decorate(ctx.rng, withSuffix(ctx.rng, nextContent()));
    const task = generateTask(ctx, world, project, sections, parent, content);
    const depth = parent ? depthById.get(parent.id)! + 1 : 1;
    depthById.set(task.id, depth);
    if (depth < MAX_TASK_DEPTH) possibleParents.push(task);
    if (!parent) lastRoot = task;
    tasks.push(task);
  }
  return tasks;
}

function generateTask(
  ctx: Context,
  world: World,
  project: MockProject,
  sections: readonly MockSection[],
  parent: Task | null,
  content: string,
): Task {
  const { rng } = ctx;
  // Top-level tasks in a project with sections mostly sit in one; some don't.
  const section = !parent && sections.length > 0 && rng.chance(0.75) ? rng.pick(sections) : null;
  const due = randomDuePlan(rng, ctx.today, parent ? 0.3 : 0.65);
  return makeTask(ctx, {
    project,
    section,
    parent,
    content,
    description: randomDescription(rng),
    priority: randomPriority(rng),
    labels: randomLabels(rng, world.labels),
    due,
    deadline: randomDeadline(rng, ctx.today),
    duration: randomDuration(rng, due),
  });
}

/** Task names for a project's theme; the Inbox gets a mix. */
function contentPool(template: ProjectTemplate): string[] {
  const themes = template.theme === 'inbox' ? INBOX_THEMES : [template.theme];
  const client = template.client ?? 'the client';
  return themes.flatMap((theme) => CONTENT_BY_THEME[theme].map((text) => text.replaceAll('{client}', client)));
}

/** Draws without repeats until every item has been used, then starts on a fresh shuffle. */
function createDeck<Item>(rng: Random, items: readonly Item[]): () => Item {
  let pile: Item[] = [];
  return () => {
    if (pile.length === 0) pile = rng.shuffle(items);
    return pile.pop()!;
  };
}

function withSuffix(rng: Random, content: string): string {
  return rng.chance(0.1) ? content + rng.pick(CONTENT_SUFFIXES) : content;
}

/** Some markdown in task names, as people write it: a bold verb, a link. */
function decorate(rng: Random, content: string): string {
  const roll = rng.next();
  if (roll < 0.06) return content.replace(/^(\S+)/, '**$1**');
  if (roll < 0.1) {
    const slug = content.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'note';
    return `${content} — [notes](https://example.com/notes/${slug})`;
  }
  return content;
}

function randomDescription(rng: Random): string {
  const roll = rng.next();
  if (roll < 0.65) return '';
  if (roll < 0.88) return rng.pick(SHORT_DESCRIPTIONS);
  if (roll < 0.97) return rng.pick(MARKDOWN_DESCRIPTIONS);
  return rng.shuffle(NOTE_PARAGRAPHS).join('\n\n');
}

/** Mostly none, else one to three distinct labels (one is the most common). */
function randomLabels(rng: Random, labels: readonly Label[]): string[] {
  if (rng.chance(0.6)) return [];
  const wanted = Math.min(rng.pick([1, 1, 1, 2, 2, 3]), labels.length);
  const names: string[] = [];
  while (names.length < wanted) {
    const name = rng.pick(labels).name;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

// --- Task order -------------------------------------------------------------

/**
 * `child_order` counts from 1 among siblings: subtasks of the same parent, or
 * top-level tasks in the same project and section. Tasks are numbered in the
 * order they were made.
 */
function assignChildOrder(tasks: readonly Task[]): void {
  const counters = new Map<string, number>();
  for (const task of tasks) {
    const group = task.parent_id ?? `${task.project_id}/${task.section_id ?? ''}`;
    const order = (counters.get(group) ?? 0) + 1;
    counters.set(group, order);
    task.child_order = order;
  }
}

function collapseSomeParents(ctx: Context, candidates: readonly Task[], all: readonly Task[]): void {
  const parentIds = new Set(all.map((task) => task.parent_id));
  for (const task of candidates) if (parentIds.has(task.id) && ctx.rng.chance(0.1)) task.is_collapsed = true;
}

/**
 * The order the mock lists tasks in, roughly as Todoist does: by project (in
 * project order), then by `child_order`, ties in creation order. Subtasks are
 * not kept next to their parents, so a subtask can come before its parent or
 * on another page.
 */
function sortLikeTheApi(tasks: readonly Task[], projects: readonly MockProject[]): Task[] {
  const projectIndex = new Map(projects.map((project, index) => [project.id, index]));
  const creationIndex = new Map(tasks.map((task, index) => [task.id, index]));
  return [...tasks].sort(
    (a, b) =>
      projectIndex.get(a.project_id)! - projectIndex.get(b.project_id)! ||
      a.child_order - b.child_order ||
      creationIndex.get(a.id)! - creationIndex.get(b.id)!,
  );
}

// ---------------------------------------------------------------------------
// Comments
// ---------------------------------------------------------------------------

const COMMENT_TEXTS = [
  'Done the first half, rest tomorrow.', 'Waiting to hear back from **Jonas**.',
  'Notes are in [the doc](https://example.com/doc/7731).', 'Moved this out a week — blocked on the budget.',
  '👍 looks good', 'Zoé says Thursday works.', 'メモ: 来週までに確認する', 'Price went up to €49, still worth it?',
  'Called, nobody picked up. Try again after 2pm.', 'Same as last time — see the checklist.',
];

type CommentFields = {
  on: { item_id: string } | { project_id: string };
  after: string | null;
  content: string;
  attachment?: FileAttachment;
  reactions?: Record<string, string[]>;
};

function makeComment(ctx: Context, fields: CommentFields): MockComment {
  return {
    id: ctx.newId(),
    ...fields.on,
    content: fields.content,
    posted_at: ctx.clock.after(fields.after),
    posted_uid: ctx.userId,
    file_attachment: fields.attachment ?? null,
    uids_to_notify: null,
    reactions: fields.reactions ?? null,
    is_deleted: false,
  };
}

function buildCannedComments(ctx: Context, world: World, tasksByKey: Map<string, Task>): MockComment[] {
  const report = tasksByKey.get('q3-report')!;
  const contract = tasksByKey.get('acme-contract')!;
  const work = projectNamed(world, 'Work');
  return [
    makeComment(ctx, {
      on: { item_id: report.id },
      after: report.added_at,
      content: 'Numbers in the appendix look off — **check with finance** before Friday.',
      reactions: { '👍': [ctx.userId] },
    }),
    makeComment(ctx, {
      on: { item_id: contract.id },
      after: contract.added_at,
      content: 'Signed copy attached.',
      attachment: {
        resource_type: 'file',
        file_name: 'acme-contract-signed.pdf',
        file_size: 248_331,
        file_type: 'application/pdf',
        file_url: 'https://example.com/uploads/acme-contract-signed.pdf',
        upload_state: 'completed',
      },
    }),
    makeComment(ctx, {
      on: { project_id: work.id },
      after: work.created_at,
      content: 'Team offsite moved to Thursday. Agenda: [offsite doc](https://example.com/offsite)',
    }),
  ];
}

function buildHostileComment(ctx: Context, tasksByKey: Map<string, Task>): MockComment {
  const task = tasksByKey.get('ignore-previous')!;
  return makeComment(ctx, { on: { item_id: task.id }, after: task.added_at, content: HOSTILE_COMMENT });
}

function generateComments(ctx: Context, tasks: readonly Task[], commentedTaskCount: number): MockComment[] {
  const { rng } = ctx;
  return rng
    .shuffle(tasks)
    .slice(0, commentedTaskCount)
    .flatMap((task) => {
      let after = task.added_at;
      return Array.from({ length: rng.int(1, 3) }, () => {
        const comment = makeComment(ctx, {
          on: { item_id: task.id },
          after,
          content: rng.pick(COMMENT_TEXTS),
          attachment: rng.chance(0.1)
            ? { resource_type: 'url', url: 'https://example.com/shared/board', title: 'Shared board' }
            : undefined,
          reactions: rng.chance(0.2) ? { [rng.pick(['👍', '🎉', '❤️'])]: [ctx.userId] } : undefined,
        });
        after = comment.posted_at;
        return comment;
      });
    });
}

function countNotes(tasks: readonly Task[], comments: readonly MockComment[]): void {
  const counts = new Map<string, number>();
  for (const { item_id } of comments) if (item_id) counts.set(item_id, (counts.get(item_id) ?? 0) + 1);
  for (const task of tasks) task.note_count = counts.get(task.id) ?? 0;
}

// ---------------------------------------------------------------------------
// User
// ---------------------------------------------------------------------------

function buildUser(ctx: Context, inboxProjectId: string): MockUser {
  const offset = utcOffsetMinutes(USER_TIME_ZONE, ctx.today);
  const sign = offset < 0 ? '-' : '+';
  const hours = Math.trunc(Math.abs(offset) / 60);
  const minutes = Math.abs(offset) % 60;
  return {
    id: ctx.userId,
    email: 'alex.morgan@example.com',
    full_name: 'Alex Morgan',
    avatar_big: null,
    avatar_medium: null,
    avatar_s640: null,
    avatar_small: null,
    business_account_id: null,
    is_premium: true,
    premium_status: 'current_personal_plan',
    inbox_project_id: inboxProjectId,
    lang: 'en',
    tz_info: {
      timezone: USER_TIME_ZONE,
      gmt_string: `${sign}${pad2(hours)}:${pad2(minutes)}`,
      hours: offset < 0 ? -hours : hours,
      minutes,
      is_dst: isDst(USER_TIME_ZONE, ctx.today) ? 1 : 0,
    },
    date_format: 0,
    time_format: 0,
    start_day: 1,
    next_week: 1,
    start_page: 'today',
    weekly_goal: 30,
    daily_goal: 5,
    completed_count: ctx.rng.int(800, 4000),
    completed_today: ctx.rng.int(0, 4),
    karma: ctx.rng.int(5000, 20000),
    karma_trend: 'up',
    days_off: [6, 7],
    weekend_start_day: 6,
  };
}
