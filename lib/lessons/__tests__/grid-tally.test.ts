import { describe, expect, it } from 'vitest';
import { describeGrid, describeUpstream, headline, tally, verdict } from '../widgets/grid-tally';

describe('tally', () => {
  it('the naive mock: 12 = 12, nothing missing', () => {
    const result = tally(12, 12);
    expect(result).toEqual({ kind: 'match', returned: 12, exact: 12 });
    expect(headline(result)).toBe('12 = 12');
    expect(verdict(result)).toBe('All 12 — nothing missing.');
  });

  it('the naive read of the real account: 50 of 180, 130 missing', () => {
    const result = tally(50, 180);
    expect(result).toEqual({ kind: 'missing', returned: 50, exact: 180, missing: 130 });
    expect(headline(result)).toBe('50 of 180');
    expect(verdict(result)).toBe('130 missing — and nothing said so.');
  });

  it('before the production read, the total is unknown', () => {
    expect(headline(tally(50, undefined))).toBe('50 of ?');
  });

  it('more than exist is called out too', () => {
    expect(tally(52, 50)).toEqual({ kind: 'extra', returned: 52, exact: 50, extra: 2 });
    expect(headline(tally(52, 50))).toBe('52 of 50');
  });
});

describe('canned todos', () => {
  it('are never counted as real, whatever the production cell knows', () => {
    const result = tally(12, undefined, true);
    expect(result).toEqual({ kind: 'canned', returned: 12 });
    expect(headline(result)).toBe('12 canned');
    expect(verdict(result)).toMatch(/^Canned mock todos, swapped in after the real call failed/);
    expect(tally(12, 180, true).kind).toBe('canned');
  });
});

describe('describeUpstream', () => {
  it('names the stand-in, Todoist, or what real will reach', () => {
    expect(describeUpstream('standin')).toMatch(/^the Todoist stand-in on this machine/);
    expect(describeUpstream('todoist')).toBe('Todoist — your account');
    expect(describeUpstream(undefined)).toMatch(/without one, this app's Todoist stand-in/);
  });
});

describe('describeGrid', () => {
  it('puts both rows in one sentence with the missing count', () => {
    expect(
      describeGrid([
        { label: "the story's mock", naive: { ok: true, count: 12, requests: 1 }, production: { ok: true, count: 12, requests: 2 } },
        { label: 'the real backend', naive: { ok: true, count: 50, requests: 1 }, production: { ok: true, count: 180, requests: 2 } },
      ]),
    ).toBe(
      "In the pagination grid: on the story's mock the naive read returned 12 = 12 tasks in 1 request, the production read 12; " +
        'on the real backend the naive read returned 50 of 180 tasks in 1 request (130 missing, and nothing said so), the production read 180.',
    );
  });

  it('a canned naive cell is named as canned, not as a count', () => {
    expect(
      describeGrid([
        { label: 'the real backend', naive: { ok: true, count: 12, requests: 1, canned: true }, production: { ok: false, requests: 0 } },
      ]),
    ).toBe(
      'In the pagination grid: on the real backend the real call failed, the naive read returned 12 canned mock todos instead and said nothing, the production read failed and said so.',
    );
  });
});
