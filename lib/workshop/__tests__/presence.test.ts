import { describe, expect, it } from 'vitest';
import { STALE_AFTER_MS, summarizePresence } from '../presence';
import type { Seat } from '../seat';

const NOW = 1_764_460_800_000; // a real clock's value: presence compares times, not small counters
const seat = (joinedAt: number, extra: Partial<Seat> = {}): Seat => ({ joinedAt, lastSeen: NOW, online: true, runs: 0, ...extra });

describe('summarizePresence', () => {
  it('lists learners in the order they joined, whatever order the store returns them in', () => {
    const presence = summarizePresence({ late: seat(NOW - 10, { name: 'Late' }), early: seat(NOW - 1_000), middle: seat(NOW - 500, { name: 'Mid' }) }, NOW);
    expect(presence.learners.map((learner) => learner.label)).toEqual(['Learner 1', 'Mid', 'Late']);
  });

  it('connected: online and heard from less than STALE_AFTER_MS ago', () => {
    const presence = summarizePresence(
      {
        fresh: seat(1, { lastSeen: NOW - STALE_AFTER_MS + 1 }),
        stale: seat(2, { lastSeen: NOW - STALE_AFTER_MS }),
        closed: seat(3, { online: false }),
      },
      NOW,
    );
    expect(presence.learners.map((learner) => learner.connected)).toEqual([true, false, false]);
    expect(presence.connected).toBe(1);
  });

  it('groups what the room observed by lesson and sentence, most common first; each learner keeps their own', () => {
    const saw = (lesson: string, summary: string, ok = true) => ({ observed: { lesson, summary, ok, at: NOW }, runs: 1 });
    const presence = summarizePresence(
      {
        a: seat(1, saw('fallback', 'breaker opened', false)),
        b: seat(2, saw('pagination', 'naive read missed 130 tasks')),
        c: seat(3, saw('pagination', 'naive read missed 130 tasks')),
        d: seat(4, saw('fallback', 'naive read missed 130 tasks')),
        e: seat(5),
      },
      NOW,
    );
    expect(presence.observed).toEqual([
      { lesson: 'pagination', summary: 'naive read missed 130 tasks', ok: true, count: 2 },
      { lesson: 'fallback', summary: 'breaker opened', ok: false, count: 1 },
      { lesson: 'fallback', summary: 'naive read missed 130 tasks', ok: true, count: 1 },
    ]);
    expect(presence.learners[0]!.observed).toMatchObject({ summary: 'breaker opened' });
    expect(presence.learners[4]).not.toHaveProperty('observed');
    expect(presence.ran).toBe(4);
  });
});
