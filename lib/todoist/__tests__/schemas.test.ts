import { describe, expect, it } from 'vitest';
import { ProjectSchema, TaskSchema, TodoistErrorBodySchema, listEnvelopeSchema, toApiPriority, toUiPriority } from '../schemas';
import { projectFixture, taskFixture } from './fixtures';

describe('schemas', () => {
  it('accepts a real-shaped task with unknown extra fields (the API adds fields)', () => {
    const wire = { ...taskFixture(), completed_by_uid: null, v2_id: 'abc', brand_new_field: { nested: true } };
    const parsed = TaskSchema.parse(wire);
    expect(parsed.id).toBe('6XR4GqQQCW6Gv9h4');
    expect(parsed).not.toHaveProperty('brand_new_field');
  });

  it('accepts all three due.date forms and a recurring due', () => {
    for (const due of [
      { date: '2026-10-01', string: 'Oct 1', is_recurring: false, timezone: null, lang: 'en' },
      { date: '2026-10-01T12:00:00.000000', string: 'Oct 1 12:00', is_recurring: false, timezone: null, lang: 'en' },
      { date: '2026-10-01T17:00:00.000000Z', string: 'Oct 1 12pm', is_recurring: false, timezone: 'America/Chicago', lang: 'en', datetime: '2026-10-01T17:00:00Z' },
      { date: '2026-10-05', string: 'every monday', is_recurring: true, timezone: null, lang: 'en' },
    ]) {
      expect(TaskSchema.safeParse(taskFixture({ due })).success).toBe(true);
    }
  });

  it('names the path of a missing required field', () => {
    const { priority: _dropped, ...withoutPriority } = taskFixture();
    const envelope = listEnvelopeSchema(TaskSchema).safeParse({
      results: [taskFixture(), taskFixture(), taskFixture(), withoutPriority],
      next_cursor: null,
    });
    expect(envelope.success).toBe(false);
    expect(envelope.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['results.3.priority']);
  });

  it('rejects numeric ids: ids are opaque strings in v1', () => {
    expect(TaskSchema.safeParse({ ...taskFixture(), id: 123 }).success).toBe(false);
  });

  it('treats inbox_project as present only when true', () => {
    expect(ProjectSchema.parse(projectFixture()).inbox_project).toBeUndefined();
    expect(ProjectSchema.parse({ ...projectFixture(), inbox_project: true }).inbox_project).toBe(true);
  });

  it('parses the error body and defaults error_extra', () => {
    const body = TodoistErrorBodySchema.parse({ error: 'x', error_code: 478, error_tag: 'NOT_FOUND', http_code: 404 });
    expect(body.error_extra).toEqual({});
  });

  it('maps UI priorities to API priorities: p1 is the most urgent (4)', () => {
    expect(toApiPriority('p1')).toBe(4);
    expect(toApiPriority('p4')).toBe(1);
    expect(toUiPriority(4)).toBe('p1');
    expect(toUiPriority(1)).toBe('p4');
  });
});
