/**
 * What the presenter sees of the room, worked out from the seats: who is
 * connected, where each learner is, who has run the demo, and what the room
 * observed, grouped ("23 of 25 saw …"). Pure, so it is tested without a store.
 */
import type { Seat } from './seat';

/** A seat with no sign of life for this long is shown as gone (its instance may have died). */
export const STALE_AFTER_MS = 45_000;

export interface LearnerPresence {
  /** Their chosen name, or "Learner N" by order of joining. */
  label: string;
  named: boolean;
  connected: boolean;
  lesson?: string;
  demo?: string;
  runs: number;
  observed?: Seat['observed'];
}

export interface ObservedGroup {
  lesson: string;
  summary: string;
  ok: boolean;
  /** Learners whose last observation this is. */
  count: number;
}

export interface RoomPresence {
  learners: LearnerPresence[];
  total: number;
  connected: number;
  /** Learners who ran at least one demo while seated. */
  ran: number;
  /** Most common first. */
  observed: ObservedGroup[];
}

export function summarizePresence(seats: Record<string, Seat>, now: number): RoomPresence {
  const ordered = Object.values(seats).sort((a, b) => a.joinedAt - b.joinedAt);
  const learners = ordered.map((seat, index): LearnerPresence => ({
    label: seat.name ?? `Learner ${index + 1}`,
    named: seat.name !== undefined,
    connected: seat.online && now - seat.lastSeen < STALE_AFTER_MS,
    ...(seat.lesson && { lesson: seat.lesson }),
    ...(seat.demo && { demo: seat.demo }),
    runs: seat.runs,
    ...(seat.observed && { observed: seat.observed }),
  }));
  return {
    learners,
    total: learners.length,
    connected: learners.filter((learner) => learner.connected).length,
    ran: learners.filter((learner) => learner.runs > 0).length,
    observed: groupObservations(ordered),
  };
}

function groupObservations(seats: Seat[]): ObservedGroup[] {
  const groups = new Map<string, ObservedGroup>();
  for (const { observed } of seats) {
    if (!observed) continue;
    const key = `${observed.lesson}\n${observed.summary}`;
    const group = groups.get(key) ?? { lesson: observed.lesson, summary: observed.summary, ok: observed.ok, count: 0 };
    group.count += 1;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}
