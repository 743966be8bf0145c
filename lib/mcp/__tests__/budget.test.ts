import { describe, expect, it } from 'vitest';
import { estimateTokens, fitToBudget } from '../budget';

describe('context budget', () => {
  it('estimates about four characters per token', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('abcd')).toBe(1);
    expect(estimateTokens('abcde')).toBe(2);
  });

  it('keeps the most important items first and never skips ahead to a smaller, later one', () => {
    const groups = [
      { name: 'overdue', items: ['x'.repeat(36), 'x'.repeat(36)] }, // 10 tokens each with the newline
      { name: 'today', items: ['x'.repeat(80)] }, // 21
      { name: 'upcoming', items: ['x'] }, // 2: would fit, but comes after one that did not
    ];
    const { kept, omitted, usedTokens } = fitToBudget(groups, (item) => item, 30);
    expect(kept.get('overdue')).toHaveLength(2);
    expect(omitted.get('today')).toBe(1);
    expect(omitted.get('upcoming')).toBe(1);
    expect(usedTokens).toBe(20);
  });
});
