import { describe, expect, it } from 'vitest';
import { busyResponse, ConcurrencyLimit } from '../concurrency-limit';

describe('ConcurrencyLimit', () => {
  it('hands out at most max slots; a released slot can be taken again, and releasing twice frees one', () => {
    const limit = new ConcurrencyLimit(2);
    const first = limit.tryAcquire();
    const second = limit.tryAcquire();
    expect(first && second).toBeTruthy();
    expect(limit.tryAcquire()).toBeUndefined();
    first!();
    first!();
    expect(limit.active).toBe(1);
    expect(limit.tryAcquire()).toBeDefined();
    expect(limit.tryAcquire()).toBeUndefined();
  });

  it('busy is a 503 with Retry-After and a sentence naming the limit', async () => {
    const response = busyResponse('the thing', new ConcurrencyLimit(2), 3);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('3');
    expect((await response.json()).error).toBe('Busy: the thing runs at most 2 at once on this server, and that many are running. Try again in 3 s.');
  });
});
