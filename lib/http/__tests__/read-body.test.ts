import { describe, expect, it } from 'vitest';
import { readBodyCapped, readCapped } from '../read-body';
import { countedBody } from './body-stream';

const post = (init: RequestInit) => new Request('http://localhost/x', { method: 'POST', ...init });

describe('readCapped', () => {
  it('returns the whole body when it fits', async () => {
    const bytes = await readCapped(post({ body: 'hello' }), 5);
    expect(new TextDecoder().decode(bytes)).toBe('hello');
  });

  it('refuses a declared Content-Length over the cap without reading', async () => {
    const { init, bytesRead } = countedBody(64 * 1024);
    const request = post({ ...init, headers: { 'content-length': String(64 * 1024) } });
    expect(await readBodyCapped(request, 1024)).toEqual({ tooLarge: true });
    expect(bytesRead()).toBeLessThanOrEqual(1024);
  });

  it('stops reading a streamed body at the cap', async () => {
    const { init, bytesRead } = countedBody(1024 * 1024);
    expect(await readCapped(post(init), 4 * 1024)).toBeUndefined();
    expect(bytesRead()).toBeLessThan(16 * 1024);
  });

  it('returns on a cloned request too, whose stream is teed (MSW hands handlers a clone): the cancel is not awaited', async () => {
    const { init } = countedBody(1024 * 1024);
    const original = post(init);
    const clone = original.clone();
    // A teed branch's cancel settles only when its twin is cancelled; awaiting it would hang this test.
    expect(await readCapped(clone, 4 * 1024)).toBeUndefined();
    await original.body?.cancel();
  });
});
