import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialLiveSettings, type LiveSettings } from '@/lib/lessons/live-settings';
import { getCatalogue } from '../catalogue';
import {
  LINKED_SETTING_KEYS,
  acceptedValues,
  demoStateHref,
  demoStateQuery,
  openingState,
  readDemoState,
  withDemoQuery,
  type DemoState,
} from '../deep-link';
import type { Demo } from '../schema';

const LESSONS = getCatalogue()
  .map((entry) => entry.meta)
  .filter((meta) => meta.demos.length > 0);
const fallback = LESSONS.find((meta) => meta.slug === 'fallback')!;
const [underAFault, badData] = fallback.demos as [Demo, Demo];

/** Any state a learner can reach in one of the real lessons: a demo, and for each setting a value that demo takes. */
const reachableState = fc.constantFrom(...LESSONS).chain((lesson) =>
  fc.constantFrom(...lesson.demos).chain((demo) =>
    fc
      .record(Object.fromEntries(LINKED_SETTING_KEYS.map((key) => [key, fc.constantFrom(...acceptedValues(demo, key))])))
      .map((settings) => ({ lesson, state: { demoId: demo.id, settings: settings as LiveSettings } satisfies DemoState })),
  ),
);

describe('a demo state as a query and back', () => {
  it('reads back every reachable state exactly, with no note', () => {
    fc.assert(
      fc.property(reachableState, ({ lesson, state }) => {
        const read = readDemoState(demoStateQuery(state, lesson.demos), lesson.demos);
        expect(read).toEqual({ state, notes: [] });
      }),
    );
  });

  it('writes nothing for the lesson as it opens, so the plain lesson URL stays plain', () => {
    for (const lesson of LESSONS) expect(demoStateQuery(openingState(lesson.demos), lesson.demos).toString(), lesson.slug).toBe('');
  });

  it('names the demo and only the settings that differ from its defaults', () => {
    const state: DemoState = { demoId: underAFault.id, settings: { ...initialLiveSettings(underAFault.defaults), scenario: 'down' } };
    expect(demoStateQuery(state, fallback.demos).toString()).toBe('demo=under-a-fault&scenario=down');
    const other: DemoState = { demoId: badData.id, settings: initialLiveSettings(badData.defaults) };
    expect(demoStateQuery(other, fallback.demos).toString()).toBe('demo=bad-data');
    const protocol: DemoState = { demoId: underAFault.id, settings: { ...initialLiveSettings(underAFault.defaults), protocol: '2025-11-25' } };
    expect(demoStateQuery(protocol, fallback.demos).toString()).toBe('demo=under-a-fault&protocol=2025-11-25');
  });

  it('opens the first demo as it starts when there is no query', () => {
    expect(readDemoState('', fallback.demos)).toEqual({ state: openingState(fallback.demos), notes: [] });
    expect(openingState(fallback.demos)).toEqual({ demoId: 'under-a-fault', settings: initialLiveSettings(underAFault.defaults) });
  });

  it('takes settings without a demo as settings of the first demo', () => {
    expect(readDemoState('?scenario=down&strategy=naive', fallback.demos).state).toEqual({
      demoId: 'under-a-fault',
      settings: { ...initialLiveSettings(underAFault.defaults), scenario: 'down', strategy: 'naive' },
    });
  });
});

describe('a link with values the demo cannot take', () => {
  it('keeps the default of each bad value and says so, politely and by name', () => {
    const read = readDemoState('?demo=bad-data&scenario=foo&size=huge&strategy=naive', fallback.demos);
    expect(read.state).toEqual({ demoId: 'bad-data', settings: { ...initialLiveSettings(badData.defaults), strategy: 'naive' } });
    expect(read.notes).toEqual([
      'The link\'s scenario "foo" is not one this demo knows; using malformed.',
      'The link\'s size "huge" is not one this demo knows; using small.',
    ]);
  });

  it('refuses a value the endpoint knows but this demo does not offer', () => {
    // "down" is a scenario, and the first demo offers it; the bad-data demo offers only malformed and faithful.
    expect(readDemoState('?demo=under-a-fault&scenario=down', fallback.demos).notes).toEqual([]);
    expect(readDemoState('?demo=bad-data&scenario=down', fallback.demos).notes).toEqual([
      'The link\'s scenario "down" is not one this demo knows; using malformed.',
    ]);
  });

  it('opens the first demo for an unknown demo, still using the settings it can', () => {
    const read = readDemoState('?demo=breaker&scenario=down&protocol=1999-01-01', fallback.demos);
    expect(read.state).toEqual({ demoId: 'under-a-fault', settings: { ...initialLiveSettings(underAFault.defaults), scenario: 'down' } });
    expect(read.notes).toEqual([
      'The link\'s demo "breaker" is not one of this lesson\'s demos; showing "Naive vs production under a fault".',
      'The link\'s protocol "1999-01-01" is not one this demo knows; using 2026-07-28.',
    ]);
  });

  it('quotes at most 40 characters of a value', () => {
    const [note] = readDemoState(`?scenario=${'x'.repeat(500)}`, fallback.demos).notes;
    expect(note).toBe(`The link's scenario "${'x'.repeat(40)}…" is not one this demo knows; using faithful.`);
  });

  it('never throws, ends in a state the demo can show, and writes one note per bad value', () => {
    const anyValue = fc.oneof(fc.string(), fc.constantFrom('mock', 'real', 'naive', 'down', 'large', 'sync', '2025-11-25', ''));
    const params = fc.dictionary(fc.constantFrom('demo', ...LINKED_SETTING_KEYS, 'utm_source'), anyValue);
    fc.assert(
      fc.property(fc.constantFrom(...LESSONS), params, (lesson, given) => {
        const { state, notes } = readDemoState(new URLSearchParams(given), lesson.demos);
        const demo = lesson.demos.find((candidate) => candidate.id === state.demoId)!;
        expect(demo).toBeDefined();
        for (const key of LINKED_SETTING_KEYS) {
          const value = state.settings[key];
          if (value !== undefined) expect(acceptedValues(demo, key)).toContain(value);
        }
        const badDemo = given.demo !== undefined && !lesson.demos.some((candidate) => candidate.id === given.demo) ? 1 : 0;
        const badSettings = LINKED_SETTING_KEYS.filter((key) => given[key] !== undefined && !acceptedValues(demo, key).includes(given[key]!));
        expect(notes).toHaveLength(badDemo + badSettings.length);
      }),
    );
  });
});

describe('withDemoQuery', () => {
  it("replaces the panel's parameters and keeps everyone else's", () => {
    const query = new URLSearchParams('demo=bad-data&strategy=naive');
    expect(withDemoQuery('?utm_source=slides&demo=under-a-fault&scenario=down', query)).toBe('?utm_source=slides&demo=bad-data&strategy=naive');
    expect(withDemoQuery('?demo=bad-data&scenario=foo', new URLSearchParams())).toBe('');
    expect(withDemoQuery('', new URLSearchParams())).toBe('');
  });
});

describe('demoStateHref', () => {
  it('is the lesson path with the demo and the settings given', () => {
    expect(demoStateHref('fallback', 'under-a-fault', { scenario: 'down' })).toBe('/lessons/fallback?demo=under-a-fault&scenario=down');
    expect(demoStateHref('fallback', 'under-a-fault')).toBe('/lessons/fallback?demo=under-a-fault');
    expect(demoStateHref('fallback', 'bad-data', { protocol: '2025-11-25', strategy: 'naive' })).toBe(
      '/lessons/fallback?demo=bad-data&strategy=naive&protocol=2025-11-25',
    );
  });

  it('opens, read by the panel, the state it names', () => {
    fc.assert(
      fc.property(reachableState, ({ lesson, state }) => {
        const href = demoStateHref(lesson.slug, state.demoId, state.settings);
        const url = new URL(href, 'http://dojo.test');
        expect(url.pathname).toBe(`/lessons/${lesson.slug}`);
        expect(readDemoState(url.search, lesson.demos)).toEqual({ state, notes: [] });
      }),
    );
  });
});
