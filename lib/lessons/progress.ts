/**
 * The learner's progress — completed lessons, the last one visited and the
 * answers given to checkpoints — kept in the browser's localStorage.
 *
 * Framework-free: the store takes any `Storage`-like object, so tests pass a
 * Map-backed fake and the React hook passes `window.localStorage`.
 */

/** Versioned: if the shape ever changes, a new key starts clean instead of misreading old data. */
export const PROGRESS_KEY = 'mcp-dojo:progress:v1';

export interface Progress {
  completed: string[];
  lastVisited?: string;
  /** slug → checkpoint index (as a string: JSON keys are strings) → chosen answer index. */
  answers: Record<string, Record<string, number>>;
}

/**
 * Stored progress checked by hand, not with zod: every page reads it, and zod
 * would be the largest script of the home page. Unknown fields are dropped.
 */
function asProgress(json: unknown): Progress | undefined {
  if (!isObject(json)) return undefined;
  const { completed, lastVisited, answers } = json;
  if (!Array.isArray(completed) || !completed.every((slug) => typeof slug === 'string')) return undefined;
  if (lastVisited !== undefined && typeof lastVisited !== 'string') return undefined;
  if (!isObject(answers) || !Object.values(answers).every(isAnswerMap)) return undefined;
  return { completed, ...(lastVisited !== undefined && { lastVisited }), answers: answers as Progress['answers'] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** checkpoint index → chosen answer index (a whole number from 0). */
function isAnswerMap(value: unknown): boolean {
  return isObject(value) && Object.values(value).every((choice) => Number.isInteger(choice) && (choice as number) >= 0);
}

/** The part of the Web Storage API the store needs. */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const EMPTY_PROGRESS: Progress = Object.freeze({ completed: [], answers: {} });

export interface ProgressStore {
  /** The same object until the progress changes, as React's useSyncExternalStore requires. */
  get(): Progress;
  subscribe(listener: () => void): () => void;
  /** Re-reads storage, e.g. after another tab changed it. */
  refresh(): void;
  setCompleted(slug: string, completed: boolean): void;
  markVisited(slug: string): void;
  saveAnswer(slug: string, checkpoint: number, choice: number): void;
  /** Forgets one checkpoint's answer, so it can be tried again fresh. */
  clearAnswer(slug: string, checkpoint: number): void;
  /** Forgets everything: completed lessons, the last visit and every answer. */
  reset(): void;
}

export function createProgressStore(storage: ProgressStorage | undefined, key: string = PROGRESS_KEY): ProgressStore {
  const listeners = new Set<() => void>();
  let raw: string | null | undefined; // what `current` was parsed from
  let current: Progress = EMPTY_PROGRESS;
  // Without working storage (server rendering, private mode, quota full) progress lives in memory for this tab.
  let memoryOnly = storage === undefined;

  function read(): Progress {
    if (memoryOnly) return current;
    let text: string | null;
    try {
      text = storage!.getItem(key);
    } catch {
      memoryOnly = true;
      return current;
    }
    if (text === raw) return current;
    raw = text;
    current = text === null ? EMPTY_PROGRESS : parse(text);
    return current;
  }

  function parse(text: string): Progress {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const progress = asProgress(json);
    if (progress) return progress;
    // Corrupt or foreign data must not break the page: start over, and say so for whoever debugs it.
    console.warn(`[mcp-dojo] Ignoring unreadable progress in localStorage "${key}"; starting fresh.`);
    try {
      storage?.removeItem(key);
    } catch {
      // Nothing to do: the fresh progress replaces it on the next write.
    }
    raw = null;
    return EMPTY_PROGRESS;
  }

  function write(next: Progress): void {
    current = next;
    raw = JSON.stringify(next);
    try {
      if (!memoryOnly) storage!.setItem(key, raw);
    } catch {
      memoryOnly = true;
    }
    listeners.forEach((listener) => listener());
  }

  function update(change: (progress: Progress) => Progress): void {
    write(change(read()));
  }

  return {
    get: read,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh() {
      const before = current;
      if (read() !== before) listeners.forEach((listener) => listener());
    },
    setCompleted(slug, completed) {
      update((progress) => ({
        ...progress,
        completed: completed
          ? [...new Set([...progress.completed, slug])]
          : progress.completed.filter((done) => done !== slug),
      }));
    },
    markVisited(slug) {
      if (read().lastVisited === slug) return; // no write, no re-render
      update((progress) => ({ ...progress, lastVisited: slug }));
    },
    saveAnswer(slug, checkpoint, choice) {
      update((progress) => ({
        ...progress,
        answers: { ...progress.answers, [slug]: { ...progress.answers[slug], [String(checkpoint)]: choice } },
      }));
    },
    clearAnswer(slug, checkpoint) {
      const { [String(checkpoint)]: _cleared, ...kept } = read().answers[slug] ?? {};
      const { [slug]: _lesson, ...others } = read().answers;
      // A lesson with no answers left drops out, so a cleared store is exactly an empty one.
      update((progress) => ({ ...progress, answers: Object.keys(kept).length ? { ...others, [slug]: kept } : others }));
    },
    reset() {
      write({ completed: [], answers: {} });
    },
  };
}
