/**
 * Positions of another entity, stamped with when they arrived, rendered a fixed
 * delay in the past so there are (almost) always two samples to interpolate
 * between: remote movement looks smooth despite 20 Hz snapshots and jitter.
 */
import type { Vec2 } from '@necp/shared';

export const INTERP_DELAY_MS = 100;
/** Keep this much history; older samples can never be rendered again. */
const KEEP_MS = 1000;

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
    /** nominal time between snapshots: used to restart smoothly after standing still */
    private intervalMs = 50,
  ) {
    this.samples.push({ t: now, ...first });
  }

  push(p: Vec2, now: number) {
    const last = this.samples[this.samples.length - 1];
    // After a pause there was no snapshot for this entity for a while; without
    // this anchor the render would jump most of the way at once.
    if (last && now - last.t > this.intervalMs * 2)
      this.samples.push({ t: now - this.intervalMs, x: last.x, y: last.y });
    this.samples.push({ t: now, x: p.x, y: p.y });
    while (this.samples.length > 2 && this.samples[0]!.t < now - KEEP_MS) this.samples.shift();
  }

  /** Latest known position (what the server last said). */
  latest(): Vec2 {
    const s = this.samples[this.samples.length - 1]!;
    return { x: s.x, y: s.y };
  }

  /** Position at render time `now - INTERP_DELAY_MS`. */
  sample(now: number, delay = INTERP_DELAY_MS): Vec2 {
    const t = now - delay;
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
