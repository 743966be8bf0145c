/**
 * A learner's seat in a room: what the presenter sees of them. A name only
 * if they chose to show one; otherwise they are counted, not named.
 */
export interface Seat {
  joinedAt: number;
  /** Last sign of life: the learner's room stream beats while it is open. */
  lastSeen: number;
  /** False once their room stream closed; `lastSeen` going stale says the same when an instance dies. */
  online: boolean;
  name?: string;
  lesson?: string;
  demo?: string;
  /** Demo runs reported while seated. */
  runs: number;
  /** The last thing they observed (the panel's one-sentence summary). */
  observed?: { lesson: string; summary: string; ok: boolean; at: number };
}

export const NAME_MAX_LENGTH = 40;

/** A shown name: trimmed, control characters removed, at most 40 characters; empty means "count me, don't name me". */
export function cleanName(typed: unknown): string | undefined {
  if (typeof typed !== 'string') return undefined;
  const name = typed.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, NAME_MAX_LENGTH);
  return name || undefined;
}
