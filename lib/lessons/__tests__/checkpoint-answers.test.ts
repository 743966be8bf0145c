/**
 * A learner who notices that the right answer is "usually B" learns the pattern, not the lesson:
 * the right answers must be spread over the positions.
 */
import { describe, expect, it } from 'vitest';
import { getCatalogue } from '../catalogue';

const checkpoints = getCatalogue().flatMap((entry) => entry.meta.checkpoints ?? []);

describe('checkpoint answers', () => {
  it('no single position holds more than half of the right answers', () => {
    const byPosition = new Map<number, number>();
    for (const { answer } of checkpoints) byPosition.set(answer, (byPosition.get(answer) ?? 0) + 1);
    expect(checkpoints.length).toBeGreaterThan(0);
    for (const [position, count] of byPosition) {
      expect(count, `answer ${'ABCD'[position]} is right in ${count} of ${checkpoints.length} checkpoints`).toBeLessThanOrEqual(checkpoints.length / 2);
    }
  });
});
