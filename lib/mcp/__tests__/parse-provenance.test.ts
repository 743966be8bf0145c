import { describe, expect, it } from 'vitest';
import { breakerChangesOf, parseProvenance, TIMELINE_META_KEY, type Provenance } from '../provenance';

const LIVE_MOCK: Provenance = {
  backend: 'mock',
  scenario: 'faithful',
  source: 'live',
  pages: 2,
  requests: 2,
  retries: 0,
  durationMs: 12.5,
  degraded: false,
};

describe('parseProvenance', () => {
  it('reads a provenance back as it was sent, optional fields included', () => {
    expect(parseProvenance(LIVE_MOCK)).toEqual(LIVE_MOCK);
    const stale = { ...LIVE_MOCK, backend: 'real', upstream: 'standin', source: 'cache', staleSeconds: 40, bytes: 1024, note: 'n' };
    expect(parseProvenance(stale)).toEqual(stale);
  });

  it('drops fields it does not know', () => {
    expect(parseProvenance({ ...LIVE_MOCK, extra: 'x' })).toEqual(LIVE_MOCK);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'mock'],
    ['an unknown backend', { ...LIVE_MOCK, backend: 'fake' }],
    ['an unknown upstream', { ...LIVE_MOCK, upstream: 'elsewhere' }],
    ['an unknown source', { ...LIVE_MOCK, source: 'guess' }],
    ['a missing page count', { ...LIVE_MOCK, pages: undefined }],
    ['a fractional page count', { ...LIVE_MOCK, pages: 1.5 }],
    ['fractional bytes', { ...LIVE_MOCK, bytes: 0.5 }],
    ['degraded as a string', { ...LIVE_MOCK, degraded: 'false' }],
    ['a numeric note', { ...LIVE_MOCK, note: 1 }],
  ])('is undefined for %s', (_what, value) => {
    expect(parseProvenance(value)).toBeUndefined();
  });
});

describe('breakerChangesOf', () => {
  it('lists the breaker changes of a call’s timeline, in order, and nothing else', () => {
    const meta = {
      [TIMELINE_META_KEY]: [
        { type: 'attempt', at: 0, label: 'GET tasks' },
        { type: 'breaker', at: 10, from: 'closed', to: 'open' },
        { type: 'breaker', at: 20, from: 'open', to: 'half-open' },
        { type: 'breaker', at: 30, from: 'half-open', to: 'open' },
      ],
    };
    expect(breakerChangesOf(meta)).toEqual(['closed → open', 'open → half-open', 'half-open → open']);
  });

  it('skips what is not a breaker change it can name, and a missing or malformed timeline', () => {
    expect(breakerChangesOf(undefined)).toEqual([]);
    expect(breakerChangesOf({ [TIMELINE_META_KEY]: 'closed → open' })).toEqual([]);
    expect(breakerChangesOf({ [TIMELINE_META_KEY]: [null, 7, 'breaker', { type: 'breaker', from: 'closed', to: '<img>' }, { type: 'breaker', from: 'shut', to: 'open' }, { type: 'cache', from: 'closed', to: 'open' }] })).toEqual([]);
  });
});
