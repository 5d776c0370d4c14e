/**
 * Which server tick the client is showing other entities at. Others are drawn
 * INTERP_DELAY_MS behind the arrival time of their samples, so the tick on screen
 * is the newest snapshot's tick minus that delay (plus the time since it arrived),
 * in ticks. combat:use sends it as `viewTick`: the sim judges range and line against
 * where the target was on this client's screen (bounded rewind).
 */
import { INTERP_DELAY_MS } from './interpolation-buffer';

export class TickClock {
  private tick = 0;
  private at = 0;
  private known = false;
  /** local ms minus the tick's server time, for the least-delayed snapshot seen (see arrivalOf) */
  private offset = Number.POSITIVE_INFINITY;

  constructor(private readonly tickMs: number) {}

  /** A snapshot of tick `tick` arrived at local time `now`. */
  observe(tick: number, now: number) {
    // the least-delayed arrival sets the offset; it relaxes 1 ms a snapshot so
    // a lasting rise in latency is followed within seconds
    this.offset = Math.min(now - tick * this.tickMs, this.offset + 1);
    // out-of-order or duplicate delivery must not move the clock backwards
    if (this.known && tick <= this.tick) return;
    this.tick = tick;
    this.at = now;
    this.known = true;
  }

  /**
   * When the snapshot of `tick` would have arrived with the least delay seen: a
   * steady clock for interpolation that bursts of late frames do not bunch up.
   */
  arrivalOf(tick: number): number {
    return tick * this.tickMs + this.offset;
  }

  /** The tick others are drawn at, at local time `now`. */
  viewTick(now: number, delay = INTERP_DELAY_MS): number {
    if (!this.known) return 0;
    const elapsed = now - delay - this.at;
    return Math.max(0, Math.round(this.tick + elapsed / this.tickMs));
  }
}
