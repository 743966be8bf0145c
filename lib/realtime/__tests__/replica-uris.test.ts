/**
 * Which views a task's change touches, by date: Todoist's reading (the
 * user's timezone; a time already past today is overdue) and the mock's (the
 * date as written, earlier days only) — a task counts if either puts it there.
 */
import { describe, expect, it } from 'vitest';
import { urisForTaskChange, viewClocks } from '../replica-uris';

const TODAY = 'todoist://tasks/today';
const OVERDUE = 'todoist://tasks/overdue';
const project = (id: string) => `todoist://projects/${id}/tasks`;

function task(date: string | null, project_id = 'p1') {
  return { project_id, due: date === null ? null : { date, string: date, is_recurring: false, timezone: date.endsWith('Z') ? 'Europe/Berlin' : null } };
}

describe('urisForTaskChange', () => {
  const noon = viewClocks(new Date('2026-10-01T12:00:00Z'), 'UTC');

  it('names the project of the task before and after', () => {
    expect(urisForTaskChange(task(null, 'a'), task(null, 'b'), noon)).toEqual([project('a'), project('b')]);
    expect(urisForTaskChange(undefined, task(null, 'b'), noon)).toEqual([project('b')]);
    expect(urisForTaskChange(task(null, 'a'), undefined, noon)).toEqual([project('a')]);
  });

  it('full-day dates: today is in today only; an earlier day is in both; a later day in neither', () => {
    expect(urisForTaskChange(task('2026-10-01'), undefined, noon)).toEqual([project('p1'), TODAY]);
    expect(urisForTaskChange(task('2026-09-30'), undefined, noon)).toEqual([project('p1'), TODAY, OVERDUE]);
    expect(urisForTaskChange(task('2026-10-02'), undefined, noon)).toEqual([project('p1')]);
  });

  it('a time earlier today is overdue (Todoist’s reading); a time later today is not yet', () => {
    expect(urisForTaskChange(task('2026-10-01T09:00:00.000000'), undefined, noon)).toContain(OVERDUE);
    expect(urisForTaskChange(task('2026-10-01T15:00:00.000000'), undefined, noon)).not.toContain(OVERDUE);
    expect(urisForTaskChange(task('2026-10-01T11:59:00.000000Z'), undefined, noon)).toContain(OVERDUE);
    expect(urisForTaskChange(task('2026-10-01T12:01:00.000000Z'), undefined, noon)).toEqual([project('p1'), TODAY]);
  });

  it('a fixed time falls on the user’s local day: 23:30Z on the 30th is the 1st in Berlin — and the 30th as the mock reads it', () => {
    const berlinMorning = viewClocks(new Date('2026-10-01T06:00:00Z'), 'Europe/Berlin');
    // Berlin: due 01:30 today, already past → overdue. Mock: the 30th, an earlier day → overdue too.
    expect(urisForTaskChange(task('2026-09-30T23:30:00.000000Z'), undefined, berlinMorning)).toEqual([project('p1'), TODAY, OVERDUE]);
    // 22:30Z on the 1st is the 2nd in Berlin (not today), but the 1st as written: the mock lists it today.
    expect(urisForTaskChange(task('2026-10-01T22:30:00.000000Z'), undefined, berlinMorning)).toEqual([project('p1'), TODAY]);
  });

  it('near midnight the user’s day is not UTC’s: both count', () => {
    // 23:00Z on the 1st is already the 2nd in Tokyo: a task due on the 2nd is today for the user.
    const tokyo = viewClocks(new Date('2026-10-01T23:00:00Z'), 'Asia/Tokyo');
    expect(urisForTaskChange(task('2026-10-02'), undefined, tokyo)).toEqual([project('p1'), TODAY]);
    // ...and a task due on the 1st is overdue for the user, today for the mock.
    expect(urisForTaskChange(task('2026-10-01'), undefined, tokyo)).toEqual([project('p1'), TODAY, OVERDUE]);
  });

  it('a timezone this runtime does not know falls back to the date as written', () => {
    const unknownZone = viewClocks(new Date('2026-10-01T12:00:00Z'), 'Mars/Olympus_Mons');
    expect(urisForTaskChange(task('2026-10-01'), undefined, unknownZone)).toEqual([project('p1'), TODAY]);
  });
});
