/**
 * A deadline for a whole tool call. Per-request timeouts stop one slow
 * request; the deadline stops the sum of requests, retries and waits from
 * exceeding what the caller can wait for.
 */
export class DeadlineExceededError extends Error {
  override name = 'DeadlineExceededError';
  constructor(readonly budgetMs: number) {
    super(`The call ran out of its ${budgetMs} ms budget (requests, retries and waits together). Try again later.`);
  }
}

export class Deadline {
  readonly #endsAt: number;
  readonly #controller = new AbortController();
  readonly #timer: ReturnType<typeof setTimeout>;

  constructor(
    readonly budgetMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.#endsAt = now() + budgetMs;
    this.#timer = setTimeout(() => this.#controller.abort(new DeadlineExceededError(budgetMs)), budgetMs);
  }

  /** Aborts when the budget is spent: pass it to every request of the call. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  remainingMs(): number {
    return Math.max(0, this.#endsAt - this.now());
  }

  /** Stop the timer once the call is over. */
  dispose(): void {
    clearTimeout(this.#timer);
  }
}
