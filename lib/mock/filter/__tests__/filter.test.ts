import { describe, expect, it } from 'vitest';
import type { Project, Section, Task } from '@/lib/todoist/schemas';
import {
  describeFilterTerms,
  FilterSyntaxError,
  filterTasks,
  matchesFilter,
  MAX_FILTER_QUERY_LENGTH,
  parseFilterQuery,
  type FilterContext,
  type FilterNode,
} from '../index';

// ---------------------------------------------------------------------------
// Fixtures. Today is Thursday 2026-10-01.
// ---------------------------------------------------------------------------

function project(id: string, name: string, parent_id: string | null = null): Project {
  return {
    id,
    name,
    parent_id,
    description: '',
    color: 'grey',
    child_order: 0,
    is_collapsed: false,
    is_favorite: false,
    is_archived: false,
    is_deleted: false,
    is_shared: false,
    view_style: 'list',
    created_at: null,
    updated_at: null,
  };
}

function section(id: string, name: string, project_id: string): Section {
  return {
    id,
    name,
    project_id,
    section_order: 0,
    is_collapsed: false,
    is_archived: false,
    is_deleted: false,
    added_at: '2026-01-01T00:00:00Z',
    updated_at: null,
    archived_at: null,
    user_id: 'u-me',
  };
}

function due(date: string, is_recurring = false): Task['due'] {
  return { date, string: date, is_recurring };
}

function task(id: string, fields: Partial<Task>): Task {
  return {
    id,
    user_id: 'u-me',
    project_id: 'p-inbox',
    section_id: null,
    parent_id: null,
    content: id,
    description: '',
    labels: [],
    priority: 1,
    due: null,
    deadline: null,
    duration: null,
    child_order: 0,
    day_order: 0,
    is_collapsed: false,
    checked: false,
    is_deleted: false,
    added_at: null,
    updated_at: null,
    completed_at: null,
    added_by_uid: 'u-me',
    assigned_by_uid: null,
    responsible_uid: null,
    ...fields,
  };
}

const projects = [
  project('p-inbox', 'Inbox'),
  project('p-work', 'Work'),
  project('p-clients', 'Clients', 'p-work'),
  project('p-acme', 'Acme', 'p-clients'), // grandchild of Work
  project('p-my', 'My Project'),
];

const sections = [section('s-meet', 'Meetings', 'p-work'), section('s-later', 'Later', 'p-inbox')];

const tasks: Task[] = [
  task('milk', { content: 'Buy milk', due: due('2026-10-01'), labels: ['errand'] }),
  task('report', {
    content: 'Write report',
    project_id: 'p-work',
    section_id: 's-meet',
    due: due('2026-09-28'),
    priority: 4,
    labels: ['Office', 'deep-work'],
  }),
  task('acme', {
    content: 'Call Acme',
    project_id: 'p-acme',
    due: due('2026-10-02T12:00:00.000000'), // floating time, tomorrow
    priority: 3,
    responsible_uid: 'u-me',
  }),
  task('offsite', { content: 'Plan offsite', project_id: 'p-my', priority: 2 }),
  task('sub', {
    content: 'Proofread report',
    project_id: 'p-work',
    parent_id: 'report',
    due: due('2026-09-30T17:00:00.000000Z'), // fixed UTC time, yesterday
    responsible_uid: 'u-other',
  }),
  task('review', {
    content: 'Weekly review',
    project_id: 'p-clients',
    due: due('2026-10-07', true),
    labels: ['office'],
  }),
  task('rnd', { content: 'R&D notes (draft)', section_id: 's-later', due: due('2026-10-08') }),
];

const ctx: FilterContext = {
  today: '2026-10-01',
  projectsById: new Map(projects.map((p) => [p.id, p])),
  sectionsById: new Map(sections.map((s) => [s.id, s])),
  userId: 'u-me',
};

/** Ids of the fixture tasks the query selects, in task order. */
function ids(query: string, context: FilterContext = ctx): string[] {
  return filterTasks(parseFilterQuery(query), tasks, context).map((t) => t.id);
}

function parseError(query: string): FilterSyntaxError {
  try {
    parseFilterQuery(query);
  } catch (error) {
    expect(error).toBeInstanceOf(FilterSyntaxError);
    return error as FilterSyntaxError;
  }
  throw new Error(`expected ${JSON.stringify(query)} to fail to parse`);
}

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

describe('parseFilterQuery', () => {
  const today: FilterNode = { type: 'dueOn', date: { kind: 'relative', offsetDays: 0 } };
  const p1: FilterNode = { type: 'priority', apiPriority: 4 };
  const overdue: FilterNode = { type: 'overdue' };

  it('parses a single term into a one-group query', () => {
    expect(parseFilterQuery('today')).toEqual([today]);
  });

  it('gives & precedence over |', () => {
    expect(parseFilterQuery('p1 | today & overdue')).toEqual([
      { type: 'or', left: p1, right: { type: 'and', left: today, right: overdue } },
    ]);
    expect(parseFilterQuery('today & overdue | p1')).toEqual([
      { type: 'or', left: { type: 'and', left: today, right: overdue }, right: p1 },
    ]);
  });

  it('gives ! precedence over &', () => {
    expect(parseFilterQuery('!today & p1')).toEqual([{ type: 'and', left: { type: 'not', operand: today }, right: p1 }]);
  });

  it('lets parentheses override precedence, and ! apply to a group', () => {
    expect(parseFilterQuery('(p1 | today) & overdue')).toEqual([
      { type: 'and', left: { type: 'or', left: p1, right: today }, right: overdue },
    ]);
    expect(parseFilterQuery('!(p1 | today)')).toEqual([{ type: 'not', operand: { type: 'or', left: p1, right: today } }]);
    expect(parseFilterQuery('((today))')).toEqual([today]);
  });

  it('associates chains of the same operator to the left', () => {
    expect(parseFilterQuery('p1 & today & overdue')).toEqual([
      { type: 'and', left: { type: 'and', left: p1, right: today }, right: overdue },
    ]);
  });

  it('allows double negation', () => {
    expect(parseFilterQuery('!!today')).toEqual([{ type: 'not', operand: { type: 'not', operand: today } }]);
  });

  it('splits comma-separated groups', () => {
    expect(parseFilterQuery('today, p1 | overdue')).toEqual([today, { type: 'or', left: p1, right: overdue }]);
  });

  it('ignores whitespace around operators, and needs none', () => {
    expect(parseFilterQuery('  p1&today  ')).toEqual(parseFilterQuery('p1 & today'));
  });

  it('reads keywords case-insensitively and collapses inner spaces', () => {
    expect(parseFilterQuery('TODAY')).toEqual([today]);
    expect(parseFilterQuery('Overdue | OD')).toEqual([{ type: 'or', left: overdue, right: overdue }]);
    expect(parseFilterQuery('No   Date')).toEqual([{ type: 'noDate' }]);
    expect(parseFilterQuery('P1')).toEqual([p1]);
    expect(parseFilterQuery('Search: Milk')).toEqual([{ type: 'search', text: 'Milk' }]);
    expect(parseFilterQuery('DUE BEFORE: Tomorrow')).toEqual([
      { type: 'dueBefore', date: { kind: 'relative', offsetDays: 1 } },
    ]);
  });

  it('maps UI priorities to API priorities (p1 is 4)', () => {
    expect(['p1', 'p2', 'p3', 'p4'].map((p) => parseFilterQuery(p))).toEqual([
      [{ type: 'priority', apiPriority: 4 }],
      [{ type: 'priority', apiPriority: 3 }],
      [{ type: 'priority', apiPriority: 2 }],
      [{ type: 'priority', apiPriority: 1 }],
    ]);
  });

  it('reads names with spaces up to the next operator', () => {
    expect(parseFilterQuery('#My Project & p1')).toEqual([
      { type: 'and', left: { type: 'project', name: 'My Project', withSubprojects: false }, right: p1 },
    ]);
    expect(parseFilterQuery('(##Big Work)')).toEqual([{ type: 'project', name: 'Big Work', withSubprojects: true }]);
    expect(parseFilterQuery('/Next Week,@to read')).toEqual([
      { type: 'section', name: 'Next Week' },
      { type: 'label', name: 'to read', prefix: false },
    ]);
  });

  it('marks a trailing * on a label as a prefix match', () => {
    expect(parseFilterQuery('@off*')).toEqual([{ type: 'label', name: 'off', prefix: true }]);
  });

  it('keeps ! and ( literal inside a term, and honours \\ escapes', () => {
    expect(parseFilterQuery('search: wow! (really')).toEqual([{ type: 'search', text: 'wow! (really' }]);
    expect(parseFilterQuery('search: R\\&D \\(draft\\)')).toEqual([{ type: 'search', text: 'R&D (draft)' }]);
  });

  it('parses N days, next N days and due before/after arguments', () => {
    expect(parseFilterQuery('3 days')).toEqual([{ type: 'nextDays', days: 3 }]);
    expect(parseFilterQuery('next 7 days')).toEqual([{ type: 'nextDays', days: 7 }]);
    expect(parseFilterQuery('1 day')).toEqual([{ type: 'nextDays', days: 1 }]);
    expect(parseFilterQuery('due after: 2026-12-31')).toEqual([
      { type: 'dueAfter', date: { kind: 'absolute', date: '2026-12-31' } },
    ]);
    expect(parseFilterQuery('due before:yesterday')).toEqual([
      { type: 'dueBefore', date: { kind: 'relative', offsetDays: -1 } },
    ]);
  });

  it('parses the remaining keywords', () => {
    expect(parseFilterQuery('all, no labels, subtask, recurring, assigned to: me, assigned to: Others')).toEqual([
      { type: 'all' },
      { type: 'noLabels' },
      { type: 'subtask' },
      { type: 'recurring' },
      { type: 'assignedTo', who: 'me' },
      { type: 'assignedTo', who: 'others' },
    ]);
  });

  it('accepts a query of exactly the maximum length', () => {
    const query = `search: ${'a'.repeat(MAX_FILTER_QUERY_LENGTH - 'search: '.length)}`;
    expect(query).toHaveLength(MAX_FILTER_QUERY_LENGTH);
    expect(() => parseFilterQuery(query)).not.toThrow();
  });
});

describe('parse errors', () => {
  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['x'.repeat(MAX_FILTER_QUERY_LENGTH + 1), /longer than 1024/],
    ['bogus', /Unknown filter term "bogus" at position 0/],
    ['today tomorrow', /Unknown filter term "today tomorrow"/],
    ['today!', /Unknown filter term "today!"/],
    ['p5', /Unknown filter term "p5"/],
    ['today &', /Expected a filter term, found end of query at position 7/],
    ['& today', /Expected a filter term, found "&" at position 0/],
    ['today | | p1', /found "\|" at position 8/],
    ['!', /found end of query/],
    ['()', /Expected a filter term, found "\)" at position 1/],
    ['(today', /Expected "\)" to close the "\(" at position 0, found end of query at position 6/],
    ['(today | p1', /Expected "\)"/],
    ['today)', /Unexpected "\)", expected "&", "\|", "," or end of query at position 5/],
    ['today (p1)', /Unknown filter term "today \(p1"/],
    ['(today)(p1)', /Unexpected "\(".* at position 7/],
    ['today,', /found end of query at position 6/],
    [',today', /found "," at position 0/],
    ['today,,p1', /found "," at position 6/],
    ['#', /"#" must be followed by a name/],
    ['## & p1', /"##" must be followed by a name/],
    ['/', /"\/" must be followed by a name/],
    ['@', /"@" must be followed by a name/],
    ['@*', /"@" must be followed by a name/],
    ['search:', /"search:" needs some text/],
    ['search:   & p1', /"search:" needs some text/],
    ['0 days', /at least 1 day/],
    ['-3 days', /Unknown filter term/],
    ['due before: someday', /Expected a date .* found "someday"/],
    ['due after: 2026-02-30', /found "2026-02-30"/],
    ['due after: 2026-1-5', /found "2026-1-5"/],
    ['due on: today', /Unknown filter term "due on: today"/],
    ['assigned to: bob', /supports only "me" or "others"/],
    ['today \\', /Nothing to escape/],
  ])('rejects %j', (query, message) => {
    expect(parseError(query).message).toMatch(message);
  });

  it('reports where the failing term starts', () => {
    const error = parseError('today & (p1 | nonsense)');
    expect(error.position).toBe(14);
    expect(error.message).toBe('Unknown filter term "nonsense" at position 14');
    expect(error.name).toBe('FilterSyntaxError');
    expect(error).toBeInstanceOf(Error);
  });
});

// ---------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------

describe('terms', () => {
  it('all', () => {
    expect(ids('all')).toEqual(tasks.map((t) => t.id));
  });

  it('today, tomorrow, yesterday compare the date part of every due form', () => {
    expect(ids('today')).toEqual(['milk']);
    expect(ids('tomorrow')).toEqual(['acme']); // floating time
    expect(ids('yesterday')).toEqual(['sub']); // fixed UTC time
  });

  it('overdue and od: due before today, never undated tasks', () => {
    expect(ids('overdue')).toEqual(['report', 'sub']);
    expect(ids('od')).toEqual(['report', 'sub']);
  });

  it('no date', () => {
    expect(ids('no date')).toEqual(['offsite']);
  });

  it('N days: today and the N-1 days after it, not overdue tasks', () => {
    expect(ids('1 day')).toEqual(['milk']);
    expect(ids('2 days')).toEqual(['milk', 'acme']);
    expect(ids('next 7 days')).toEqual(['milk', 'acme', 'review']); // through 2026-10-07
    expect(ids('8 days')).toEqual(['milk', 'acme', 'review', 'rnd']); // through 2026-10-08
  });

  it('due before / due after are strict and skip undated tasks', () => {
    expect(ids('due before: today')).toEqual(['report', 'sub']);
    expect(ids('due before: 2026-10-07')).toEqual(['milk', 'report', 'acme', 'sub']);
    expect(ids('due after: tomorrow')).toEqual(['review', 'rnd']);
    expect(ids('due after: 2026-10-07')).toEqual(['rnd']);
    expect(ids('due after: yesterday & due before: tomorrow')).toEqual(['milk']);
  });

  it('p1..p4 use the UI numbering', () => {
    expect(ids('p1')).toEqual(['report']);
    expect(ids('p2')).toEqual(['acme']);
    expect(ids('p3')).toEqual(['offsite']);
    expect(ids('p4')).toEqual(['milk', 'sub', 'review', 'rnd']);
  });

  it('#Project matches that project only, by name, in any case', () => {
    expect(ids('#Work')).toEqual(['report', 'sub']);
    expect(ids('#work')).toEqual(['report', 'sub']);
    expect(ids('#My Project')).toEqual(['offsite']);
    expect(ids('#my project | #Inbox')).toEqual(['milk', 'offsite', 'rnd']);
    expect(ids('#Nowhere')).toEqual([]);
  });

  it('##Project includes sub-projects at any depth', () => {
    expect(ids('##Work')).toEqual(['report', 'acme', 'sub', 'review']);
    expect(ids('##Clients')).toEqual(['acme', 'review']);
    expect(ids('##Acme')).toEqual(['acme']);
  });

  it('##Project survives a parent_id cycle', () => {
    const looped: FilterContext = {
      ...ctx,
      projectsById: new Map([
        ['a', project('a', 'A', 'b')],
        ['b', project('b', 'B', 'a')],
      ]),
    };
    const inA = task('x', { project_id: 'a' });
    expect(matchesFilter(parseFilterQuery('##B')[0]!, inA, looped)).toBe(true);
    expect(matchesFilter(parseFilterQuery('##C')[0]!, inA, looped)).toBe(false);
  });

  it('/Section', () => {
    expect(ids('/Meetings')).toEqual(['report']);
    expect(ids('/later')).toEqual(['rnd']);
    expect(ids('/Nowhere')).toEqual([]);
  });

  it('@label matches whole label names in any case; @label* matches a prefix', () => {
    expect(ids('@office')).toEqual(['report', 'review']);
    expect(ids('@OFFICE')).toEqual(['report', 'review']);
    expect(ids('@off')).toEqual([]);
    expect(ids('@off*')).toEqual(['report', 'review']);
    expect(ids('@deep*')).toEqual(['report']);
  });

  it('no labels', () => {
    expect(ids('no labels')).toEqual(['acme', 'offsite', 'sub', 'rnd']);
  });

  it('subtask', () => {
    expect(ids('subtask')).toEqual(['sub']);
  });

  it('search: is a case-insensitive substring of the content', () => {
    expect(ids('search: REPORT')).toEqual(['report', 'sub']);
    expect(ids('search: R\\&D')).toEqual(['rnd']);
    expect(ids('search: (draft')).toEqual(['rnd']);
    expect(ids('search: nothing like this')).toEqual([]);
  });

  it('assigned to: me / others', () => {
    expect(ids('assigned to: me')).toEqual(['acme']);
    expect(ids('assigned to: others')).toEqual(['sub']);
  });

  it('recurring', () => {
    expect(ids('recurring')).toEqual(['review']);
  });
});

describe('operators', () => {
  it('& intersects, | unites', () => {
    expect(ids('#Work & overdue')).toEqual(['report', 'sub']);
    expect(ids('#Work & p1')).toEqual(['report']);
    expect(ids('today | tomorrow')).toEqual(['milk', 'acme']);
  });

  it('! negates, and negated date terms include undated tasks', () => {
    expect(ids('!today')).toEqual(['report', 'acme', 'offsite', 'sub', 'review', 'rnd']);
    expect(ids('!no date & !overdue')).toEqual(['milk', 'acme', 'review', 'rnd']);
    expect(ids('!!today')).toEqual(ids('today'));
  });

  it('precedence changes results, parentheses restore intent', () => {
    // p1 | (p4 & today): report is p1, milk is p4 and today.
    expect(ids('p1 | p4 & today')).toEqual(['milk', 'report']);
    // (p1 | p4) & today: only milk.
    expect(ids('(p1 | p4) & today')).toEqual(['milk']);
    // (!p4) & overdue vs !(p4 & overdue)
    expect(ids('!p4 & overdue')).toEqual(['report']);
    expect(ids('!(p4 & overdue)')).toEqual(['milk', 'report', 'acme', 'offsite', 'review', 'rnd']);
  });

  it('comma groups are merged: each task once, in original order', () => {
    expect(ids('tomorrow, today')).toEqual(['milk', 'acme']);
    expect(ids('today, today | overdue, #Inbox')).toEqual(['milk', 'report', 'sub', 'rnd']);
  });

  it('matchesFilter evaluates a single group', () => {
    const [group] = parseFilterQuery('##Work & !subtask');
    const byId = new Map(tasks.map((t) => [t.id, t]));
    expect(matchesFilter(group!, byId.get('acme')!, ctx)).toBe(true);
    expect(matchesFilter(group!, byId.get('sub')!, ctx)).toBe(false);
  });
});

describe('dates are relative to ctx.today', () => {
  it('the same parsed query gives different results on different days', () => {
    const query = parseFilterQuery('today');
    expect(filterTasks(query, tasks, ctx).map((t) => t.id)).toEqual(['milk']);
    expect(filterTasks(query, tasks, { ...ctx, today: '2026-10-02' }).map((t) => t.id)).toEqual(['acme']);
  });

  it('moving today forward makes more tasks overdue', () => {
    expect(ids('overdue', { ...ctx, today: '2026-10-07' })).toEqual(['milk', 'report', 'acme', 'sub']);
    expect(ids('overdue', { ...ctx, today: '2026-09-01' })).toEqual([]);
  });

  it('date arithmetic crosses month and year ends', () => {
    const dated = [
      task('dec31', { due: due('2026-12-31') }),
      task('jan1', { due: due('2027-01-01') }),
      task('jan2', { due: due('2027-01-02') }),
    ];
    const newYearsEve = { ...ctx, today: '2026-12-31' };
    const run = (q: string) => filterTasks(parseFilterQuery(q), dated, newYearsEve).map((t) => t.id);
    expect(run('tomorrow')).toEqual(['jan1']);
    expect(run('2 days')).toEqual(['dec31', 'jan1']);
    expect(run('due after: tomorrow')).toEqual(['jan2']);
    const leap = { ...ctx, today: '2028-03-01' };
    expect(filterTasks(parseFilterQuery('yesterday'), [task('feb29', { due: due('2028-02-29') })], leap)).toHaveLength(1);
  });

  it('absolute dates ignore ctx.today', () => {
    expect(ids('due before: 2026-09-29', { ...ctx, today: '2030-01-01' })).toEqual(['report']);
  });
});

describe('describeFilterTerms', () => {
  it('lists every supported term', () => {
    const lines = describeFilterTerms();
    const text = lines.join('\n');
    for (const term of ['today', 'overdue', 'no date', 'N days', 'due before:', 'p1', '##Project', '/Section', '@label*', 'no labels', 'subtask', 'search:', 'assigned to: me', 'recurring', 'all']) {
      expect(text).toContain(term);
    }
    expect(lines.every((line) => line.length > 0)).toBe(true);
  });
});
