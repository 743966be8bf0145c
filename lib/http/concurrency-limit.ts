/**
 * At most `max` runs of something expensive at once (a child process, temp
 * files). A caller over the limit is answered "busy" straight away rather
 * than queued: a queue would let a flood of requests pile up behind the cap,
 * each holding a connection, and the learner's own request would wait
 * behind all of them.
 */
export class ConcurrencyLimit {
  #active = 0;

  constructor(readonly max: number) {}

  get active(): number {
    return this.#active;
  }

  /** A release function for the slot taken, or `undefined` when all `max` are in use. Releasing twice frees one slot. */
  tryAcquire(): (() => void) | undefined {
    if (this.#active >= this.max) return undefined;
    this.#active += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#active -= 1;
    };
  }
}

/** 503 with Retry-After: the server is busy for everyone, not this client over its quota (that would be a 429). */
export function busyResponse(what: string, limit: ConcurrencyLimit, retryAfterSeconds: number): Response {
  return Response.json(
    {
      error: `Busy: ${what} runs at most ${limit.max} at once on this server, and that many are running. Try again in ${retryAfterSeconds} s.`,
    },
    { status: 503, headers: { 'Retry-After': String(retryAfterSeconds), 'Cache-Control': 'no-store' } },
  );
}
