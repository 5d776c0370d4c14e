/**
 * How long each zone's ticks take (wall time of `zone.step()`), for GET /metrics and
 * the load bench. Bounded: a ring of the most recent samples, so memory stays flat no
 * matter how long the sim runs. Samples are numbered (the zone's tick count at the
 * time), so a reader can ask for "everything after sample n" without resetting
 * anything — several observers never disturb each other.
 */

/** Samples kept per zone: at 20 Hz, about 6.8 minutes. */
export const TICK_SAMPLES_KEPT = 8192;

export interface TickSummary {
  /** samples recorded since the zone loop started */
  ticks: number;
  /** samples the summary covers (fewer than asked for when the ring wrapped) */
  samples: number;
  /** ms, over the covered samples */
  p50: number;
  p99: number;
  max: number;
  mean: number;
  /** ticks the loop skipped after falling behind (since the start) */
  skipped: number;
}

/** Nearest-rank percentile of ascending `sorted` (p in 0..100); 0 for no samples. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((Math.min(Math.max(p, 0), 100) / 100) * sorted.length);
  return sorted[Math.max(rank, 1) - 1] ?? 0;
}

export class TickStats {
  private readonly ring: Float64Array;
  private count = 0;
  private skippedTicks = 0;

  constructor(readonly capacity = TICK_SAMPLES_KEPT) {
    this.ring = new Float64Array(capacity);
  }

  get ticks(): number {
    return this.count;
  }

  record(durationMs: number): void {
    this.ring[this.count % this.capacity] = durationMs;
    this.count++;
  }

  /** The loop gave up catching up and dropped `n` ticks. */
  skipped(n: number): void {
    this.skippedTicks += n;
  }

  /** Summary of the samples numbered after `since` (0: all kept), i.e. the window since a reader's last look. */
  summary(since = 0): TickSummary {
    const from = Math.max(since, this.count - this.capacity, 0);
    const n = Math.max(this.count - from, 0);
    const window = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const v = this.ring[(from + i) % this.capacity] ?? 0;
      window[i] = v;
      sum += v;
    }
    window.sort();
    return {
      ticks: this.count,
      samples: n,
      p50: percentile(window, 50),
      p99: percentile(window, 99),
      max: n > 0 ? (window[n - 1] ?? 0) : 0,
      mean: n > 0 ? sum / n : 0,
      skipped: this.skippedTicks,
    };
  }
}

/** Tick stats of every zone loop in this process, by zone id. */
export class TickMetrics {
  private readonly zones = new Map<string, TickStats>();

  /** The stats of `zoneId`, created on first use. */
  zone(zoneId: string): TickStats {
    let s = this.zones.get(zoneId);
    if (!s) {
      s = new TickStats();
      this.zones.set(zoneId, s);
    }
    return s;
  }

  get(zoneId: string): TickStats | undefined {
    return this.zones.get(zoneId);
  }

  /** Drops a zone's stats (an instance that closed: its id never comes back). */
  forget(zoneId: string): void {
    this.zones.delete(zoneId);
  }
}

/**
 * The process-wide registry the zone loops record into and /metrics reads. Zone ids
 * are unique in a sim process; tests that boot several servers in one process share it,
 * which only matters to a test that reads the loop metrics (none asserts timings).
 */
export const tickMetrics = new TickMetrics();
