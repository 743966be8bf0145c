import { describe, expect, it } from 'vitest';
import { getCatalogue } from '../catalogue';
import { continueTarget, filterStages, groupByStage, type LessonCard } from '../listing';
import { STAGES } from '../schema';

const card = (slug: string, live: boolean): LessonCard => ({ slug, number: 1, title: slug, summary: '', minutes: 5, live });

describe('catalogue listing', () => {
  it('groups all nine lessons by stage, in stage order', () => {
    const stages = groupByStage(getCatalogue());
    expect(stages.map((stage) => stage.title)).toEqual(Object.values(STAGES));
    expect(stages.flatMap((stage) => stage.lessons.map((lesson) => lesson.number))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('filters by every word of the query, in title or summary, ignoring case', () => {
    const stages = groupByStage(getCatalogue());
    const titles = (query: string) => filterStages(stages, query).flatMap((stage) => stage.lessons.map((lesson) => lesson.title));
    expect(titles('PAGINATION')).toEqual(['Pagination and nested data']);
    expect(titles('mock lied')).toEqual(['The mock that lied']);
    expect(titles('  ')).toHaveLength(9);
    expect(titles('no such lesson')).toEqual([]);
    expect(filterStages(stages, 'pagination')).toHaveLength(1); // empty stages disappear
  });

  it('continues with the last visited live lesson, else the first one not completed', () => {
    const lessons = [card('a', true), card('b', true), card('c', false)];
    expect(continueTarget(lessons, { completed: [] })).toEqual({ lesson: lessons[0], resuming: false });
    expect(continueTarget(lessons, { completed: ['a'] })?.lesson.slug).toBe('b');
    expect(continueTarget(lessons, { completed: [], lastVisited: 'b' })).toEqual({ lesson: lessons[1], resuming: true });
    // A lesson that is not live (any more) is no place to continue.
    expect(continueTarget(lessons, { completed: ['a', 'b'], lastVisited: 'c' })?.lesson.slug).toBe('a');
    expect(continueTarget([card('c', false)], { completed: [] })).toBeUndefined();
  });
});
