/**
 * The argument types the tools share, each with a limit and a message that
 * says what is wrong with it. The SDK puts the argument's name before the
 * message ("task_id: must be …"), so messages start with "must". None repeats
 * the value: an over-long argument is described by its length, never echoed.
 */
import { z } from 'zod';
import { TODOIST_ID_MAX_LENGTH, TODOIST_ID_PATTERN, describeTodoistIdRule } from '@/lib/todoist/ids';

const ID_RULE = `must be ${describeTodoistIdRule()}`;

/** A Todoist id: exactly what the client accepts in a URL path, so a refusal comes here, naming the argument. */
export function idArgument() {
  return (
    z
      .string()
      // abort: a megabyte-long id gets one message (with its length), not a second one for the pattern.
      .max(TODOIST_ID_MAX_LENGTH, { error: (issue) => `${ID_RULE} (got ${(issue.input as string).length} characters)`, abort: true })
      .regex(TODOIST_ID_PATTERN, ID_RULE)
  );
}

/**
 * Text for Todoist (a title, a description, a filter query): at most `max`
 * characters, and well-formed Unicode — a lone surrogate cannot be sent as
 * UTF-8, so Todoist would receive something else than what was asked.
 * `trim` first, then `nonEmpty`: a title of spaces is no title.
 */
export function textArgument(max: number, { trim = false, nonEmpty = false } = {}) {
  let text = z.string();
  if (trim) text = text.trim();
  if (nonEmpty) text = text.min(1, 'must not be empty');
  return text
    .max(max, { error: (issue) => `must be at most ${max} characters (got ${(issue.input as string).length})`, abort: true })
    .refine((value) => !LONE_SURROGATE.test(value), 'must be well-formed Unicode text (it contains a lone surrogate)');
}

/** A surrogate code unit that is not half of a pair: with the `u` flag, a pair reads as one code point. */
const LONE_SURROGATE = /\p{Surrogate}/u;

/** Label names: Todoist refers to labels by name. Generous, and small enough for any echo. */
export const LABEL_NAME_MAX_LENGTH = 128;

/**
 * A tool's arguments, refusing keys the tool does not have. zod drops unknown
 * keys by default, so `list_tasks {"projectId": "…"}` (a typo of project_id)
 * silently listed every task: an answer to a question nobody asked. One
 * message names the unknown keys and the known ones; the JSON Schema says
 * `additionalProperties: false`, so a client can know before it calls.
 */
export function strictArguments<Shape extends z.ZodRawShape>(toolName: string, schema: z.ZodObject<Shape>): z.ZodObject<Shape, z.core.$strict> {
  const known = Object.keys(schema.shape);
  return z.strictObject(schema.shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? describeUnknownArguments(toolName, issue.keys, known) : undefined),
  });
}

/** Unknown keys shown by name; more than this many are counted instead. */
const UNKNOWN_KEYS_SHOWN = 3;
/** A key longer than this is described by its length, never echoed. */
const KEY_SHOWN_MAX_LENGTH = 64;

/** 'unknown argument "projectId" (did you mean "project_id"?); list_tasks takes: project_id, section_id, …' */
export function describeUnknownArguments(toolName: string, keys: readonly string[], known: readonly string[]): string {
  const shown = keys.slice(0, UNKNOWN_KEYS_SHOWN).map((key) => describeKey(key, known));
  const more = keys.length > UNKNOWN_KEYS_SHOWN ? ` and ${keys.length - UNKNOWN_KEYS_SHOWN} more` : '';
  const takes = known.length ? `${toolName} takes: ${known.join(', ')}` : `${toolName} takes no arguments`;
  return `unknown argument${keys.length === 1 ? '' : 's'} ${shown.join(', ')}${more}; ${takes}`;
}

function describeKey(key: string, known: readonly string[]): string {
  // JSON.stringify quotes the key and escapes control characters and lone surrogates.
  if (key.length > KEY_SHOWN_MAX_LENGTH) return `(a name of ${key.length} characters)`;
  const meant = known.find((name) => looseName(name) === looseName(key));
  return meant === undefined ? JSON.stringify(key) : `${JSON.stringify(key)} (did you mean "${meant}"?)`;
}

/** "projectId", "project-id", "Project_ID" all read as "projectid". */
function looseName(name: string): string {
  // Stryker disable next-line MethodExpression: equivalent — upper case compares as loosely as lower case
  return name.toLowerCase().replace(/[_-]/g, '');
}
