/**
 * Parser for the subset of Todoist's filter query language that the mock
 * backend's `GET /api/v1/tasks/filter` understands.
 *
 * The pipeline is: query string → tokens (`tokenize`) → one AST per
 * comma-separated group (`parseFilterQuery`) → evaluated against tasks in
 * `./evaluate.ts`.
 *
 * Grammar, from lowest to highest precedence:
 *
 *   query := group ("," group)*         separate lists, results are merged
 *   group := or
 *   or    := and ("|" and)*
 *   and   := unary ("&" unary)*
 *   unary := "!" unary | "(" or ")" | TERM
 *
 * A TERM is free text running up to the next `&`, `|`, `)` or `,` (trimmed),
 * so names may contain spaces: `#My Project & p1`. A backslash escapes the
 * next character (`search: R\&D`). `!` and `(` are operators only where a term
 * would start; inside a term they are ordinary characters.
 */

/** The real API rejects longer queries; so do we. */
export const MAX_FILTER_QUERY_LENGTH = 1024;

/**
 * The query could not be parsed. The mock answers these with
 * 400 INVALID_SEARCH_QUERY, like the real API.
 */
export class FilterSyntaxError extends Error {
  constructor(
    message: string,
    /** 0-based index into the query where the problem was found. */
    readonly position: number,
  ) {
    super(`${message} at position ${position}`);
    this.name = 'FilterSyntaxError';
  }
}

// ---------------------------------------------------------------------------
// AST
// ---------------------------------------------------------------------------

/**
 * A date as written in the query. Relative dates ("today", "tomorrow") stay
 * relative so the same parsed query can be evaluated on any day.
 */
export type DateRef = { kind: 'relative'; offsetDays: number } | { kind: 'absolute'; date: string };

/** One leaf of the AST: a single condition on a task. */
export type FilterTerm =
  | { type: 'all' }
  | { type: 'dueOn'; date: DateRef } // today, tomorrow, yesterday
  | { type: 'overdue' }
  | { type: 'noDate' }
  | { type: 'nextDays'; days: number } // "N days", "next N days"
  | { type: 'dueBefore'; date: DateRef }
  | { type: 'dueAfter'; date: DateRef }
  | { type: 'priority'; apiPriority: number } // "p1" is apiPriority 4
  | { type: 'project'; name: string; withSubprojects: boolean }
  | { type: 'section'; name: string }
  | { type: 'label'; name: string; prefix: boolean } // prefix: written "@name*"
  | { type: 'noLabels' }
  | { type: 'subtask' }
  | { type: 'search'; text: string }
  | { type: 'assignedTo'; who: 'me' | 'others' }
  | { type: 'recurring' };

export type FilterNode =
  | { type: 'and'; left: FilterNode; right: FilterNode }
  | { type: 'or'; left: FilterNode; right: FilterNode }
  | { type: 'not'; operand: FilterNode }
  | FilterTerm;

/** The comma-separated groups of a query, in order; a task matches if any group does. */
export type FilterQuery = FilterNode[];

// ---------------------------------------------------------------------------
// Tokenizer
// ---------------------------------------------------------------------------

type TokenKind = '!' | '&' | '|' | '(' | ')' | ',' | 'term' | 'end';

interface Token {
  kind: TokenKind;
  /** For terms: the text with escapes resolved, trimmed. */
  text: string;
  /** 0-based index of the token's first character in the query. */
  position: number;
}

const OPERATOR_CHARS = '!&|(),';
/** Characters that end a term. */
const TERM_END_CHARS = '&|),';

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query.charAt(i);
    if (/\s/.test(ch)) {
      i++;
    } else if (OPERATOR_CHARS.includes(ch)) {
      tokens.push({ kind: ch as TokenKind, text: ch, position: i });
      i++;
    } else {
      // A term: everything up to the next &, |, ) or , — honouring `\` escapes.
      const start = i;
      let text = '';
      while (i < query.length && !TERM_END_CHARS.includes(query.charAt(i))) {
        if (query.charAt(i) === '\\') {
          if (i + 1 >= query.length) throw new FilterSyntaxError('Nothing to escape after "\\"', i);
          text += query.charAt(i + 1);
          i += 2;
        } else {
          text += query.charAt(i);
          i++;
        }
      }
      tokens.push({ kind: 'term', text: text.trim(), position: start });
    }
  }
  tokens.push({ kind: 'end', text: '', position: query.length });
  return tokens;
}

function describeToken(token: Token): string {
  return token.kind === 'end' ? 'end of query' : `"${token.text}"`;
}

// ---------------------------------------------------------------------------
// Parser (recursive descent: one function per grammar rule)
// ---------------------------------------------------------------------------

export function parseFilterQuery(query: string): FilterQuery {
  if (query.length > MAX_FILTER_QUERY_LENGTH) {
    throw new FilterSyntaxError(`Filter query is longer than ${MAX_FILTER_QUERY_LENGTH} characters`, MAX_FILTER_QUERY_LENGTH);
  }
  if (query.trim() === '') throw new FilterSyntaxError('Filter query is empty', 0);

  const tokens = tokenize(query);
  let index = 0;
  // `tokens` always ends with an 'end' token and we never move past it.
  const peek = (): Token => tokens[index]!;
  const advance = (): Token => {
    const token = peek();
    if (token.kind !== 'end') index++;
    return token;
  };

  function parseOr(): FilterNode {
    let node = parseAnd();
    while (peek().kind === '|') {
      advance();
      node = { type: 'or', left: node, right: parseAnd() };
    }
    return node;
  }

  function parseAnd(): FilterNode {
    let node = parseUnary();
    while (peek().kind === '&') {
      advance();
      node = { type: 'and', left: node, right: parseUnary() };
    }
    return node;
  }

  function parseUnary(): FilterNode {
    const token = advance();
    switch (token.kind) {
      case '!':
        return { type: 'not', operand: parseUnary() };
      case '(': {
        const inner = parseOr();
        const close = advance();
        if (close.kind !== ')') {
          throw new FilterSyntaxError(`Expected ")" to close the "(" at position ${token.position}, found ${describeToken(close)}`, close.position);
        }
        return inner;
      }
      case 'term':
        return parseTerm(token.text, token.position);
      default:
        throw new FilterSyntaxError(`Expected a filter term, found ${describeToken(token)}`, token.position);
    }
  }

  const groups: FilterQuery = [parseOr()];
  while (peek().kind === ',') {
    advance();
    groups.push(parseOr());
  }
  const rest = peek();
  if (rest.kind !== 'end') {
    throw new FilterSyntaxError(`Unexpected ${describeToken(rest)}, expected "&", "|", "," or end of query`, rest.position);
  }
  return groups;
}

// ---------------------------------------------------------------------------
// Terms
// ---------------------------------------------------------------------------

const relative = (offsetDays: number): DateRef => ({ kind: 'relative', offsetDays });

/** Turns the text of one term into a FilterTerm, or throws. Keywords are case-insensitive. */
function parseTerm(text: string, position: number): FilterTerm {
  // Keywords compare lower-cased with runs of spaces collapsed: "No  Date" = "no date".
  const keyword = text.replace(/\s+/g, ' ').toLowerCase();
  switch (keyword) {
    case 'all':
      return { type: 'all' };
    case 'today':
      return { type: 'dueOn', date: relative(0) };
    case 'tomorrow':
      return { type: 'dueOn', date: relative(1) };
    case 'yesterday':
      return { type: 'dueOn', date: relative(-1) };
    case 'overdue':
    case 'od':
      return { type: 'overdue' };
    case 'no date':
      return { type: 'noDate' };
    case 'no labels':
      return { type: 'noLabels' };
    case 'subtask':
      return { type: 'subtask' };
    case 'recurring':
      return { type: 'recurring' };
    case 'p1':
    case 'p2':
    case 'p3':
    case 'p4':
      // The UI's p1 (most urgent) is the API's priority 4.
      return { type: 'priority', apiPriority: 5 - Number(keyword.slice(1)) };
  }

  // Sigil terms: the rest of the text is a name. `##` must be tested before `#`.
  if (text.startsWith('##')) return { type: 'project', name: requireName(text.slice(2), '##', position), withSubprojects: true };
  if (text.startsWith('#')) return { type: 'project', name: requireName(text.slice(1), '#', position), withSubprojects: false };
  if (text.startsWith('/')) return { type: 'section', name: requireName(text.slice(1), '/', position) };
  if (text.startsWith('@')) {
    const name = requireName(text.slice(1), '@', position);
    return name.endsWith('*') ? { type: 'label', name: name.slice(0, -1).trimEnd(), prefix: true } : { type: 'label', name, prefix: false };
  }

  const days = /^(?:next )?(\d+) days?$/.exec(keyword);
  if (days) {
    const n = Number(days[1]);
    if (n < 1) throw new FilterSyntaxError(`"${text}" must name at least 1 day`, position);
    return { type: 'nextDays', days: n };
  }

  // "keyword: argument" terms. The argument keeps its original case.
  const search = /^search\s*:(.*)$/is.exec(text);
  if (search) {
    const searchText = search[1]!.trim();
    if (searchText === '') throw new FilterSyntaxError('"search:" needs some text to look for', position);
    return { type: 'search', text: searchText };
  }

  const due = /^due\s+(before|after)\s*:(.*)$/is.exec(text);
  if (due) {
    const date = parseDateArgument(due[2]!.trim(), position);
    return due[1]!.toLowerCase() === 'before' ? { type: 'dueBefore', date } : { type: 'dueAfter', date };
  }

  const assigned = /^assigned\s+to\s*:(.*)$/is.exec(text);
  if (assigned) {
    const who = assigned[1]!.trim().toLowerCase();
    if (who === 'me' || who === 'others') return { type: 'assignedTo', who };
    throw new FilterSyntaxError(`"assigned to:" supports only "me" or "others", not "${assigned[1]!.trim()}"`, position);
  }

  throw new FilterSyntaxError(`Unknown filter term "${text}"`, position);
}

function requireName(name: string, sigil: string, position: number): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed === '*') throw new FilterSyntaxError(`"${sigil}" must be followed by a name`, position);
  return trimmed;
}

/** Accepts today / tomorrow / yesterday or a real calendar date written YYYY-MM-DD. */
function parseDateArgument(value: string, position: number): DateRef {
  const word = value.toLowerCase();
  if (word === 'today') return relative(0);
  if (word === 'tomorrow') return relative(1);
  if (word === 'yesterday') return relative(-1);
  if (isCalendarDate(value)) return { kind: 'absolute', date: value };
  throw new FilterSyntaxError(`Expected a date (YYYY-MM-DD, today, tomorrow or yesterday), found "${value}"`, position);
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  // Round-trip through Date to reject impossible days such as 2026-02-30.
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

// ---------------------------------------------------------------------------
// Documentation for the lessons
// ---------------------------------------------------------------------------

/** The supported syntax, one line per term or operator, for display. */
export function describeFilterTerms(): string[] {
  return [
    'all: every task',
    'today, tomorrow, yesterday: due on that day',
    'overdue (or od): due before today',
    'no date: has no due date',
    'N days (or next N days): due today or in the N-1 days after it (N days in all, overdue not included)',
    'due before: DATE, due after: DATE: due strictly before / after DATE (YYYY-MM-DD, today, tomorrow or yesterday)',
    'p1, p2, p3, p4: that priority (p1 is the most urgent)',
    '#Project: in the project with that name (any case; the name may contain spaces)',
    '##Project: in that project or any of its sub-projects',
    '/Section: in a section with that name',
    '@label: has that label; @label* has a label starting with "label"',
    'no labels: has no labels',
    'subtask: is a sub-task of another task',
    'search: TEXT: the task name contains TEXT (any case)',
    'assigned to: me, assigned to: others: assigned to you / to someone else',
    'recurring: has a recurring due date',
    '! (not), & (and), | (or), in that order of precedence; ( ) to group',
    ', (comma): separate queries whose results are merged',
    '\\ (backslash): use the next character literally, e.g. search: R\\&D',
  ];
}
