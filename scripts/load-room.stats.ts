/** Small counters for the room load script: latencies with percentiles, answers by status, first error texts. */

export class Latencies {
  readonly #values: number[] = [];
  add(ms: number) {
    this.#values.push(ms);
  }
  get count() {
    return this.#values.length;
  }
  /** Nearest-rank percentile; NaN when empty. */
  percentile(p: number): number {
    const sorted = [...this.#values].sort((a, b) => a - b);
    if (sorted.length === 0) return NaN;
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  }
  summary(): string {
    if (this.count === 0) return 'none';
    return `p50 ${ms(this.percentile(50))}  p95 ${ms(this.percentile(95))}  max ${ms(this.percentile(100))}  (${this.count})`;
  }
}

/** Counts by a label (an HTTP status, a scenario, an instance), printed most frequent first. */
export class Tally {
  readonly counts = new Map<string, number>();
  add(label: string | number, by = 1) {
    this.counts.set(String(label), (this.counts.get(String(label)) ?? 0) + by);
  }
  get(label: string | number) {
    return this.counts.get(String(label)) ?? 0;
  }
  toString() {
    return [...this.counts].sort((a, b) => b[1] - a[1]).map(([label, count]) => `${label}: ${count}`).join(', ') || 'none';
  }
}

export class ErrorLog {
  count = 0;
  readonly first: string[] = [];
  add(text: string) {
    this.count++;
    if (this.first.length < 5 && !this.first.includes(text)) this.first.push(text);
  }
  lines(indent = '     '): string {
    return this.first.map((text) => `\n${indent}- ${text}`).join('');
  }
}

export const ms = (value: number) => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(1) : Math.round(value)} ms` : '—');
