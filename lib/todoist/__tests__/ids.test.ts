import { describe, expect, it } from 'vitest';
import { TODOIST_ID_MAX_LENGTH, describeTodoistIdRule, isTodoistId } from '../ids';

describe('isTodoistId', () => {
  it.each([
    ['a v1 id', '6XR4GqQQCW6Gv9h4'],
    ['an older numeric id', '2995104339'],
    ['one character', 'a'],
    ['dashes and underscores', 'no-such_project'],
    ['every class of character', 'AZaz09_-'],
    ['the longest allowed', 'x'.repeat(TODOIST_ID_MAX_LENGTH)],
  ])('accepts %s', (_name, id) => {
    expect(isTodoistId(id)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['"."', '.'],
    ['".."', '..'],
    ['a slash', 'a/b'],
    ['a leading traversal', '../a'],
    ['a trailing traversal', 'a/..'],
    ['a query', 'a?b=1'],
    ['a fragment', 'a#b'],
    ['percent-encoding', 'a%2Fb'],
    ['a space', 'a b'],
    ['a newline at the end', 'abc\n'],
    ['a lone surrogate', 'a\ud800b'],
    ['an emoji', '😀'],
    ['accented letters', 'tâche'],
    ['one character too long', 'x'.repeat(TODOIST_ID_MAX_LENGTH + 1)],
  ])('refuses %s', (_name, id) => {
    expect(isTodoistId(id)).toBe(false);
  });

  it('is 64 characters at most: short, but far above the 16 of a v1 id', () => {
    expect(TODOIST_ID_MAX_LENGTH).toBe(64);
  });

  it('states the rule in words', () => {
    expect(describeTodoistIdRule()).toBe('a Todoist id: 1 to 64 letters, digits, "_" or "-"');
  });
});
