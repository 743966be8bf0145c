/**
 * What a Todoist id looks like: a short opaque string such as "6XR4GqQQCW6Gv9h4"
 * (API v1) or "2995104339" (older numeric ids) — letters, digits, maybe "_" or "-".
 *
 * The client puts ids into URL paths (`tasks/{id}/close`). An id made only of
 * these characters can never be ".", "..", a "/", a "?" or a "%": it can only
 * name one object, never change which endpoint is called. 64 characters is far
 * above the 16 of a v1 id, and small enough that an id echoed in a message or a
 * URL stays small.
 */
export const TODOIST_ID_MAX_LENGTH = 64;

/** The same rule as a pattern, e.g. for a tool's JSON Schema. */
export const TODOIST_ID_PATTERN = /^[A-Za-z0-9_-]+$/;

export function isTodoistId(value: string): boolean {
  return value.length <= TODOIST_ID_MAX_LENGTH && TODOIST_ID_PATTERN.test(value);
}

/** The rule in words, for error messages: "a Todoist id: 1 to 64 letters, …". */
export function describeTodoistIdRule(): string {
  return `a Todoist id: 1 to ${TODOIST_ID_MAX_LENGTH} letters, digits, "_" or "-"`;
}
