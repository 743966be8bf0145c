import { describe, expect, it } from 'vitest';
import { packAnswer, unpackAnswer } from '../cached-answer';

const tasks = Array.from({ length: 180 }, (_, i) => ({ id: `task${i}`, content: `Task number ${i}`, priority: 'p4', due: '2026-10-01' }));
const answer = { structured: { count: 180, tasks }, summary: tasks.map((task) => `- ${task.content} [${task.id}]`), raw: tasks };

describe('packed last good answers', () => {
  it('round-trip what a stale answer shows, in a fraction of the JSON', () => {
    const packed = packAnswer(answer, false);
    expect(unpackAnswer(packed)).toMatchObject({ structured: answer.structured, summary: answer.summary });
    expect(packed.packed.length).toBeLessThan(JSON.stringify(answer).length / 5);
  });

  it('keep the raw API objects only for a raw-output reader; else raw falls back to the structured content', () => {
    expect(unpackAnswer(packAnswer(answer, true)).raw).toEqual(tasks);
    expect(unpackAnswer(packAnswer(answer, false)).raw).toEqual(answer.structured);
  });
});

describe('the packed format', () => {
  it('is raw deflate at the fastest level, base64: what every instance sharing a store reads', async () => {
    const { deflateRawSync } = await import('node:zlib');
    const small = { structured: { n: 1 }, summary: ['a'], raw: { big: 'x'.repeat(100) } };
    expect(packAnswer(small, true).packed).toBe(deflateRawSync(JSON.stringify(small), { level: 1 }).toString('base64'));
    expect(packAnswer(small, false).packed).toBe(deflateRawSync(JSON.stringify({ structured: { n: 1 }, summary: ['a'] }), { level: 1 }).toString('base64'));
    expect(packAnswer(small, false)).toEqual({ packed: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/) });
    const fastest = deflateRawSync(JSON.stringify(answer), { level: 1 }).toString('base64');
    expect(deflateRawSync(JSON.stringify(answer)).toString('base64')).not.toBe(fastest); // the level shows in the bytes
    expect(packAnswer(answer, true).packed).toBe(fastest);
  });
});
