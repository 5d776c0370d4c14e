/**
 * A latency histogram that a worker thread fills and the main thread merges: a million
 * deliveries a window would not fit as arrays of numbers. Buckets are 0.1 ms wide up to
 * 100 ms, 1 ms up to 10 s, 10 ms up to 60 s, then one overflow bucket; a percentile is
 * the upper edge of the bucket holding that rank (nearest rank, like stats.percentile),
 * so it reads at most one bucket width high. Count, sum and max are exact.
 */

const FINE_END = 100; // ms, 0.1 ms buckets
const MID_END = 10_000; // ms, 1 ms buckets
const COARSE_END = 60_000; // ms, 10 ms buckets
const FINE = FINE_END * 10;
const MID = MID_END - FINE_END;
const COARSE = (COARSE_END - MID_END) / 10;
/** buckets in all, the last one for everything from 60 s on */
export const BUCKETS = FINE + MID + COARSE + 1;

/** The bucket of `ms` (negative: 0, from clocks a hair apart). */
export function bucketOf(ms: number): number {
  if (!(ms > 0)) return 0;
  if (ms < FINE_END) return Math.floor(ms * 10);
  if (ms < MID_END) return FINE + Math.floor(ms - FINE_END);
  if (ms < COARSE_END) return FINE + MID + Math.floor((ms - MID_END) / 10);
  return BUCKETS - 1;
}

/** The upper edge (ms) of bucket `b`. */
export function bucketTop(b: number): number {
  if (b < FINE) return (b + 1) / 10;
  if (b < FINE + MID) return FINE_END + (b - FINE) + 1;
  if (b < BUCKETS - 1) return MID_END + (b - FINE - MID + 1) * 10;
  return Infinity;
}

/** What crosses the thread boundary (structured clone). */
export interface HistogramData {
  counts: Uint32Array;
  count: number;
  sum: number;
  max: number;
}

export class Histogram {
  counts = new Uint32Array(BUCKETS);
  count = 0;
  sum = 0;
  max = 0;

  record(ms: number): void {
    this.counts[bucketOf(ms)]!++;
    this.count++;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
  }

  merge(other: HistogramData): this {
    for (let i = 0; i < BUCKETS; i++) this.counts[i]! += other.counts[i] ?? 0;
    this.count += other.count;
    this.sum += other.sum;
    this.max = Math.max(this.max, other.max);
    return this;
  }

  /** Nearest rank (p in 0..100), as the upper edge of its bucket (never above max); 0 when empty. */
  percentile(p: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil((Math.min(Math.max(p, 0), 100) / 100) * this.count));
    let seen = 0;
    for (let b = 0; b < BUCKETS; b++) {
      seen += this.counts[b]!;
      if (seen >= rank) return Math.min(bucketTop(b), this.max);
    }
    return this.max;
  }

  mean(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }

  data(): HistogramData {
    return { counts: this.counts, count: this.count, sum: this.sum, max: this.max };
  }

  static from(data: HistogramData): Histogram {
    return new Histogram().merge(data);
  }
}

/** Merges histograms by name (each thread sends its own). */
export function mergeByName(
  parts: readonly Record<string, HistogramData>[],
): Map<string, Histogram> {
  const out = new Map<string, Histogram>();
  for (const part of parts)
    for (const [name, h] of Object.entries(part)) {
      const into = out.get(name);
      if (into) into.merge(h);
      else out.set(name, Histogram.from(h));
    }
  return out;
}
