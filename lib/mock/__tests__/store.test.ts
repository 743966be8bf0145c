import { describe, expect, it } from 'vitest';
import type { Due } from '@/lib/todoist/schemas';
import { nextOccurrence, parseDueString } from '../store';

const due = (date: string, string: string): Due => ({ date, string, is_recurring: true, timezone: null, lang: 'en' });

describe('recurring dues in the mock store', () => {
  it.each([
    ['2026-10-01', 'every day', '2026-10-02'],
    ['2026-10-01', 'every 3 days', '2026-10-04'],
    ['2026-10-05', 'every monday', '2026-10-12'],
    ['2026-10-01', 'every 2 weeks', '2026-10-15'],
    ['2026-10-02', 'every weekday', '2026-10-05'], // Friday → Monday
    ['2026-10-01', 'every month', '2026-11-01'],
    ['2026-10-01', 'every 1st', '2026-11-01'],
  ])('%s "%s" → %s', (date, rule, expected) => {
    expect(nextOccurrence(due(date, rule))).toBe(expected);
  });

  it('keeps the time part of a dated due', () => {
    expect(nextOccurrence(due('2026-10-01T09:00:00.000000', 'every day'))).toBe('2026-10-02T09:00:00.000000');
  });

  it('understands a small set of due strings and refuses the rest', () => {
    expect(parseDueString('tomorrow', '2026-12-31')).toBe('2027-01-01');
    expect(parseDueString('2026-11-05', '2026-10-01')).toBe('2026-11-05');
    expect(parseDueString('the day after the party', '2026-10-01')).toBeUndefined();
  });
});
