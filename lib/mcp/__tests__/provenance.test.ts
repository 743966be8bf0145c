/**
 * The first line of every tool result, word for word per backend and source (issue 14's planted bug: the real
 * backend's first line losing "DEGRADED"), the validation of a provenance read back, and the call recorder.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallRecorder, parseProvenance, provenanceLine, type Provenance } from '../provenance';

const base: Provenance = { backend: 'real', upstream: 'todoist', source: 'live', pages: 1, requests: 1, retries: 0, durationMs: 12.4, degraded: false };

afterEach(() => vi.useRealTimers());

describe('provenanceLine', () => {
  it('live Todoist: pages (singular and plural) and rounded milliseconds', () => {
    expect(provenanceLine(base)).toBe('Source: Todoist API (live, 1 page, 12 ms) — your account');
    expect(provenanceLine({ ...base, pages: 3, durationMs: 12.5 })).toBe('Source: Todoist API (live, 3 pages, 13 ms) — your account');
    expect(provenanceLine({ ...base, pages: 0 })).toBe('Source: Todoist API (live, 0 pages, 12 ms) — your account');
  });

  // Planted bug: "the real backend's first line losing DEGRADED".
  it('live Todoist, degraded: the first line itself says DEGRADED', () => {
    expect(provenanceLine({ ...base, degraded: true })).toBe('Source: Todoist API (live, 1 page, 12 ms) — your account — DEGRADED, see note');
  });

  it("a signed-in user's account is named", () => {
    expect(provenanceLine({ ...base, account: 'ada@example.com' })).toBe('Source: Todoist API (live, 1 page, 12 ms) — the account of ada@example.com');
    expect(provenanceLine({ ...base, upstream: undefined })).toBe('Source: Todoist API (live, 1 page, 12 ms) — your account');
  });

  it('the stand-in: sample data, not your account; DEGRADED when degraded', () => {
    const standin: Provenance = { ...base, upstream: 'standin' };
    expect(provenanceLine(standin)).toBe('Source: Todoist stand-in on this machine (live, 1 page, 12 ms) — sample data, not your account');
    expect(provenanceLine({ ...standin, account: 'ada', degraded: true })).toBe(
      'Source: Todoist stand-in on this machine (live, 1 page, 12 ms) — sample account of ada, not your account — DEGRADED, see note',
    );
  });

  it('cached: says CACHED, how old, and whose data', () => {
    const cached: Provenance = { ...base, source: 'cache', staleSeconds: 40, degraded: true };
    expect(provenanceLine(cached)).toBe('Source: CACHED Todoist data, 40 s old — the live API failed; this may be out of date.');
    expect(provenanceLine({ ...cached, upstream: 'standin' })).toBe(
      'Source: CACHED Todoist stand-in (sample) data, 40 s old — the live API failed; this may be out of date.',
    );
    expect(provenanceLine({ ...cached, staleSeconds: undefined })).toBe(
      'Source: CACHED Todoist data, ? s old — the live API failed; this may be out of date.',
    );
  });

  it('mock: MOCK DATA and the scenario come first, whatever the source', () => {
    const mock: Provenance = { ...base, backend: 'mock', upstream: 'mock', scenario: 'flaky', pages: 2 };
    expect(provenanceLine(mock)).toBe('Source: MOCK DATA (scenario "flaky") — not the user\'s real Todoist. (2 pages, 12 ms)');
    expect(provenanceLine({ ...mock, source: 'cache', scenario: undefined, pages: 1 })).toBe(
      'Source: MOCK DATA (scenario "unknown") — not the user\'s real Todoist. (1 page, 12 ms)',
    );
  });
});

describe('parseProvenance', () => {
  const full: Provenance = {
    ...base,
    workspace: 'default',
    tenant: 'learner-1',
    account: 'ada',
    scenario: 's',
    staleSeconds: 3,
    bytes: 10,
    note: 'n',
  };

  it('keeps every known field, and leaves absent optionals absent (not undefined keys)', () => {
    expect(parseProvenance(full)).toEqual(full);
    const parsed = parseProvenance(base)!;
    expect(Object.keys(parsed).sort()).toEqual(['backend', 'degraded', 'durationMs', 'pages', 'requests', 'retries', 'source', 'upstream']);
  });

  it.each([
    ['null', null],
    ['a number', 3],
    ['upstream mock', { ...base, upstream: 'mock' }],
    ['upstream standin', { ...base, upstream: 'standin' }],
    ['source cache', { ...base, source: 'cache' }],
    ['backend mock', { ...base, backend: 'mock' }],
  ])('accepts %s only when valid', (what, value) => {
    const valid = !['null', 'a number'].includes(what);
    expect(parseProvenance(value) !== undefined).toBe(valid);
  });

  it.each([
    ['workspace', 1],
    ['tenant', 1],
    ['account', 1],
    ['scenario', 1],
    ['staleSeconds', '3'],
    ['staleSeconds', Number.POSITIVE_INFINITY],
    ['requests', 1.5],
    ['requests', undefined],
    ['retries', -0.5],
    ['retries', undefined],
    ['durationMs', '1'],
    ['durationMs', Number.NaN],
    ['durationMs', undefined],
    ['degraded', undefined],
    ['bytes', '1'],
    ['source', undefined],
    ['backend', undefined],
  ])('refuses %s = %s', (field, value) => {
    expect(parseProvenance({ ...full, [field]: value })).toBeUndefined();
  });
});

describe('CallRecorder', () => {
  it('starts at zero and measures the call to a tenth of a millisecond', () => {
    const times = [1_000, 1_012.345];
    vi.spyOn(performance, 'now').mockImplementation(() => times.shift() ?? 0);
    const recorder = new CallRecorder();
    expect(recorder).toMatchObject({ upstream: undefined, pages: 0, requests: 0, bytes: 0, retries: 0, notes: [] });
    expect(recorder.timeline.events).toEqual([]);
    expect(recorder.elapsedMs()).toBe(12.3);
    vi.restoreAllMocks();
  });
});
