/**
 * Presence update latency, as the presenter's page lives it: from a
 * learner's progress report answered to the presenter's stream carrying a
 * `presence` event in which that learner's run count has caught up. The
 * server may publish before the report's answer reaches the learner; such
 * an update counts as 0 ms (and is counted apart).
 */
import { Latencies } from './load-room.stats';

interface PresenceLearner {
  label: string;
  runs: number;
  connected: boolean;
}

export interface PresenceFigures {
  total: number;
  connected: number;
  ran: number;
}

export class PresenceWatch {
  readonly latency = new Latencies();
  events = 0;
  staleEvents = 0;
  /** Reports whose update had reached the presenter before the learner had the report's answer. */
  beforeAnswer = 0;
  last: PresenceFigures | undefined;
  readonly #runsSeen = new Map<string, number>();
  readonly #waiting = new Map<string, Array<{ runs: number; answeredAt: number }>>();

  /** The presenter's stream gave a `presence` event (its data, parsed). */
  onPresence(data: { learners?: PresenceLearner[]; total?: number; connected?: number; ran?: number }) {
    const now = performance.now();
    this.events++;
    this.last = { total: data.total ?? 0, connected: data.connected ?? 0, ran: data.ran ?? 0 };
    for (const { label, runs } of data.learners ?? []) {
      this.#runsSeen.set(label, Math.max(runs, this.#runsSeen.get(label) ?? 0));
      const waiting = this.#waiting.get(label);
      if (!waiting) continue;
      const still = waiting.filter((report) => {
        if (report.runs > runs) return true;
        this.latency.add(now - report.answeredAt);
        return false;
      });
      if (still.length > 0) this.#waiting.set(label, still);
      else this.#waiting.delete(label);
    }
  }

  /** A learner's report was answered: their seat now counts `runs`. */
  reported(label: string, runs: number) {
    if ((this.#runsSeen.get(label) ?? 0) >= runs) {
      this.beforeAnswer++;
      this.latency.add(0);
      return;
    }
    const waiting = this.#waiting.get(label) ?? [];
    waiting.push({ runs, answeredAt: performance.now() });
    this.#waiting.set(label, waiting);
  }

  /** Reports the presenter never saw reflected. */
  get missed(): number {
    let count = 0;
    for (const waiting of this.#waiting.values()) count += waiting.length;
    return count;
  }
}
