/**
 * What a workshop room is, as plain data the StateStore keeps: who presents
 * it, where "follow me" points, the scenario the presenter set for everyone,
 * and the generation that a reset moves on.
 */
import type { ScenarioName } from '@/lib/mock/scenario-names';

export interface Room {
  code: string;
  /** The presenter's tenant key: only this caller may control the room. */
  presenter: string;
  createdAt: number;
  /** Where "follow me" takes learners: a lesson page and its demo state, as a deep link. */
  focus?: RoomFocus;
  /** Set by the presenter for every seated learner's mock workspaces; unset, each demo keeps its own. */
  scenario?: ScenarioName;
  /**
   * Learners' room workspaces are keyed by it: a reset moves it on, so every
   * workspace starts over from the generated data at once (the old keys idle out).
   */
  generation: number;
  /** Moves on with every change: a learner's page acts on a room event once. */
  revision: number;
}

export interface RoomFocus {
  slug: string;
  /** The deep link learners open, e.g. `/lessons/fallback?demo=under-a-fault`. */
  href: string;
}

/** What a learner's page is told about its room (no presenter key). */
export interface RoomView {
  code: string;
  focus?: RoomFocus;
  scenario?: ScenarioName;
  generation: number;
  revision: number;
}

export function roomView({ code, focus, scenario, generation, revision }: Room): RoomView {
  return { code, ...(focus && { focus }), ...(scenario && { scenario }), generation, revision };
}

/** What the presenter can do to the whole room. */
export type RoomControl =
  | { action: 'move'; focus: RoomFocus }
  | { action: 'scenario'; scenario: ScenarioName | null }
  | { action: 'reset' }
  | { action: 'end' };

/** The room after a control (a new object; `end` is handled by the caller, which deletes the room). */
export function applyControl(room: Room, control: Exclude<RoomControl, { action: 'end' }>): Room {
  const next = { ...room, revision: room.revision + 1 };
  switch (control.action) {
    case 'move':
      return { ...next, focus: control.focus };
    case 'scenario': {
      const { scenario: _previous, ...rest } = next;
      return control.scenario ? { ...rest, scenario: control.scenario } : rest;
    }
    case 'reset': {
      // Fresh data and the demos' own scenarios: the room as it was before anyone ran anything.
      const { scenario: _previous, ...rest } = next;
      return { ...rest, generation: room.generation + 1 };
    }
  }
}
