/**
 * Runs tasks one after another per key, in this process: two webhooks for one
 * account arriving together must not apply one delta twice or lose one, and
 * two registrations of one Todoist user must not overwrite each other.
 *
 * It only orders work inside one process. Several app instances behind a
 * load balancer each have their own queue, so there the same guarantee needs
 * a lock every instance sees (issue 13: a Redis lock, or compare-and-set on
 * the stored value).
 */
export class PerKeyQueue {
  readonly #tails = new Map<string, Promise<unknown>>();

  /** Runs `task` after every task queued before it under `key`; its outcome is the caller's. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    // A failed task must not stop the ones behind it.
    const result = previous.catch(() => undefined).then(task);
    const tail = result.catch(() => undefined);
    this.#tails.set(key, tail);
    // Forget the key once its last task is done, so keys cannot pile up.
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }

  /** Keys with queued or running work (tests check nothing is left behind). */
  get size(): number {
    return this.#tails.size;
  }
}
