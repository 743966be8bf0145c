import { describe, expect, it } from 'vitest';
import { describeFlood, leakVerdict, sharedTaskIds, tallyFlood, type TenantAnswer } from '../widgets/two-tenants';

const answer = (server: TenantAnswer['server'], account: string, taskIds: string[]): TenantAnswer => ({ server, outcome: 'ok', account, taskIds, ms: 12 });

describe('two tenants, one server', () => {
  it("calls it a leak when the naive server answers with another account's tasks", () => {
    const own = answer('production', 'Bob Brown', ['b1', 'b2']);
    const naive = answer('naive', 'Alice Ahmed', ['a1', 'a2', 'a3']);
    expect(leakVerdict('Client 2', own, naive)).toEqual({
      leaked: true,
      sentence: "Client 2 is signed in as Bob Brown, but the naive server answered with Alice Ahmed's 3 tasks (0 of them Bob Brown's) — and said nothing.",
    });
  });

  it('is no leak when the naive server happened to answer with the caller\'s own account (it was first)', () => {
    const verdict = leakVerdict('Client 1', answer('production', 'Alice Ahmed', ['a1']), answer('naive', 'Alice Ahmed', ['a1']));
    expect(verdict?.leaked).toBe(false);
  });

  it('gives no verdict until both answers are in and succeeded', () => {
    expect(leakVerdict('Client 1', undefined, answer('naive', 'A', []))).toBeUndefined();
    expect(leakVerdict('Client 1', { ...answer('production', 'A', []), outcome: 'unauthorized' }, answer('naive', 'B', []))).toBeUndefined();
  });

  it('counts task ids two different accounts share', () => {
    expect(sharedTaskIds(answer('production', 'A', ['1', '2']), answer('production', 'B', ['3']))).toBe(0);
    expect(sharedTaskIds(answer('production', 'A', ['1', '2']), answer('production', 'B', ['2']))).toBe(1);
    expect(sharedTaskIds(answer('production', 'A', ['1']), answer('production', 'A', ['1']))).toBeUndefined();
  });

  it('tallies a flood into answered, rate-limited and other failures, with the advised wait', () => {
    const tally = tallyFlood([
      { ok: true },
      { ok: true },
      { ok: false, message: 'Rate limit: this account made more tool calls than it may … Wait 2 s and retry.' },
      { ok: false, message: 'network down' },
    ]);
    expect(tally).toEqual({ calls: 4, answered: 2, limited: 1, failed: 1, retryAfterSeconds: 2 });
    expect(describeFlood('Client 2 (Bob)', tally, 'Client 1 (Alice)', [30, 10, 20])).toBe(
      'Client 2 (Bob) sent 4 calls at once: 2 answered, 1 refused by its own rate limit (429), 1 failed otherwise. Meanwhile Client 1 (Alice)\'s 3 calls were all answered (median 20 ms).',
    );
  });
});
