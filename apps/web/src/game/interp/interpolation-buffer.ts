/**
 * Positions of another entity, stamped with when they arrived, rendered a delay
 * in the past so there are (almost) always two samples to interpolate between:
 * remote movement looks smooth despite 10–20 Hz snapshots and jitter. The time
 * drawn and the usual time between samples come from a Pacing (TickClock's
 * playback clock, which slows down rather than run past the newest sample), or
 * a fixed delay.
 *
 * Never extrapolates: a still entity is in no snapshot, so "no news" cannot be
 * told from "late news" — guessing ahead would overshoot every stop and walk back.
 */
import type { Vec2 } from '@necp/shared';

/** the least delay (and the fixed one without a Pacing) */
export const INTERP_DELAY_MS = 100;

/** How the stream is paced: the usual time between frames, and the time drawn at `now`. */
export interface Pacing {
  readonly intervalMs: number;
  renderAt(now: number): number;
}
/**
 * Keep this much history: the playback clock may fall this far behind the newest
 * frame (after a stall: up to its reset threshold plus the largest delay, TickClock).
 */
const KEEP_MS = 2000;

interface Sample {
  t: number;
  x: number;
  y: number;
}

export class InterpolationBuffer {
  private samples: Sample[] = [];

  constructor(
    first: Vec2,
    now: number,
    /** nominal time between snapshots (used to restart smoothly after standing still), or the stream's pacing */
    private readonly pacing: number | Pacing = 50,
  ) {
    this.samples.push({ t: now, ...first });
  }

  push(p: Vec2, now: number) {
    const last = this.samples[this.samples.length - 1];
    const interval = typeof this.pacing === 'number' ? this.pacing : this.pacing.intervalMs;
    // After a pause there was no snapshot for this entity for a while; without
    // this anchor the render would jump most of the way at once.
    if (last && now - last.t > interval * 2)
      this.samples.push({ t: now - interval, x: last.x, y: last.y });
    this.samples.push({ t: now, x: p.x, y: p.y });
    while (this.samples.length > 2 && this.samples[0]!.t < now - KEEP_MS) this.samples.shift();
  }

  /** Latest known position (what the server last said). */
  latest(): Vec2 {
    const s = this.samples[this.samples.length - 1]!;
    return { x: s.x, y: s.y };
  }

  /** Position at render time `now - delay` (default: the pacing's render time, else `now - INTERP_DELAY_MS`). */
  sample(now: number, delay?: number): Vec2 {
    const t =
      delay !== undefined
        ? now - delay
        : typeof this.pacing === 'number'
          ? now - INTERP_DELAY_MS
          : this.pacing.renderAt(now);
    const s = this.samples;
    const first = s[0]!;
    if (t <= first.t) return { x: first.x, y: first.y };
    for (let i = s.length - 1; i > 0; i--) {
      const a = s[i - 1]!;
      const b = s[i]!;
      if (t >= a.t) {
        if (t >= b.t) return { x: b.x, y: b.y }; // past the newest sample: hold, do not guess
        const k = (t - a.t) / (b.t - a.t);
        return { x: a.x + (b.x - a.x) * k, y: a.y + (b.y - a.y) * k };
      }
    }
    return { x: first.x, y: first.y };
  }
}
