import { describe, expect, it } from 'vitest';
import { bodyOf, describeSize, formatBytes, formatShare, taskIdsInText, textSize } from '../text-measure';

describe('text-measure', () => {
  it('measures UTF-8 bytes and estimated tokens of the text', () => {
    expect(textSize('abcd')).toEqual({ bytes: 4, tokens: 1 });
    expect(textSize('€')).toEqual({ bytes: 3, tokens: 1 });
    expect(describeSize({ bytes: 5_600, tokens: 1_400 })).toBe('5.6 kB, about 1,400 tokens');
  });

  it('label lines are not the body', () => {
    expect(bodyOf('Source: x\nNote: y\nbody\nmore')).toBe('body\nmore');
    expect(bodyOf('Source: only')).toBe('');
  });

  it('finds the task ids in compact lines, in raw JSON lists and in one raw task', () => {
    const compact = 'Source: MOCK DATA\nOverdue (1):\n- p1 · Pay rent · id a1\n  - p4 · Sub · id a2\nLeft out: 3 upcoming.';
    expect(taskIdsInText(compact)).toEqual(['a1', 'a2']);
    expect(taskIdsInText(`Source: x\n${JSON.stringify([{ id: 'r1' }, { id: 'r2', content: 'x' }], null, 2)}`)).toEqual(['r1', 'r2']);
    expect(taskIdsInText(JSON.stringify({ id: 'one', content: 'x' }))).toEqual(['one']);
    expect(taskIdsInText('[]')).toEqual([]);
  });

  it('an error or a summary without ids names no tasks (undefined, not an empty answer)', () => {
    expect(taskIdsInText('get_overview failed: boom')).toBeUndefined();
    expect(taskIdsInText('Nothing is overdue.')).toBeUndefined();
    expect(taskIdsInText('[1, 2]')).toBeUndefined();
  });

  it('formats bytes and shares for a projector', () => {
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(68_519)).toBe('68.5 kB');
    expect(formatBytes(1_527_120)).toBe('1.53 MB');
    expect(formatShare(0.1214)).toBe('12 %');
    expect(formatShare(0.004)).toBe('< 1 %');
    expect(formatShare(0)).toBe('0 %');
  });
});
