import { describe, expect, it } from 'vitest';
import { getCatalogue } from '../catalogue';
import { continueLabel, continueTarget, filterStages, groupByStage, type LessonCard } from '../listing';
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

  it('continues with the last visited live lesson while it is not completed', () => {
    const lessons = [card('a', true), card('b', true), card('c', false)];
    expect(continueTarget(lessons, { completed: [] })).toEqual({ lesson: lessons[0], kind: 'next' });
    expect(continueTarget(lessons, { completed: [], lastVisited: 'b' })).toEqual({ lesson: lessons[1], kind: 'resume' });
    // A lesson that is not live (any more) is no place to continue.
    expect(continueTarget(lessons, { completed: ['a'], lastVisited: 'c' })?.lesson.slug).toBe('b');
    expect(continueTarget([card('c', false)], { completed: [] })).toBeUndefined();
  });

  it('after a completed lesson, goes to the next incomplete one, looking forward first', () => {
    const lessons = ['a', 'b', 'c', 'd'].map((slug) => card(slug, true));
    expect(continueTarget(lessons, { completed: ['a'], lastVisited: 'a' })).toEqual({ lesson: lessons[1], kind: 'next' });
    // b was skipped; finishing c leads on to d, then back round to b.
    expect(continueTarget(lessons, { completed: ['a', 'c'], lastVisited: 'c' })?.lesson.slug).toBe('d');
    expect(continueTarget(lessons, { completed: ['a', 'c', 'd'], lastVisited: 'd' })?.lesson.slug).toBe('b');
  });

  it('says when every live lesson is done', () => {
    const lessons = [card('a', true), card('b', true), card('c', false)];
    const target = continueTarget(lessons, { completed: ['a', 'b'], lastVisited: 'b' })!;
    expect(target).toEqual({ lesson: lessons[0], kind: 'all-done' });
    expect(continueLabel(target, 2)).toBe('All lessons done — review lesson 1');
  });

  it('labels the button by what it does', () => {
    const lesson = { ...card('b', true), number: 2 };
    expect(continueLabel({ lesson, kind: 'resume' }, 1)).toBe('Continue where you left off');
    expect(continueLabel({ lesson, kind: 'next' }, 0)).toBe('Start with lesson 2');
    expect(continueLabel({ lesson, kind: 'next' }, 1)).toBe('Next up: lesson 2');
  });
});
