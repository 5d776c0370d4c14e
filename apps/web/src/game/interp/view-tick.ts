/**
 * Which server tick the client is showing other entities at, and how far behind
 * the newest snapshot that is. Others are drawn `delay` behind the arrival time
 * of their samples, so the tick on screen is the newest snapshot's tick minus
 * that delay (plus the time since it arrived), in ticks. combat:use sends it as
 * `viewTick`: the sim judges range and line against where the target was on this
 * client's screen (bounded rewind).
 *
 * The delay adapts to the stream: the sim sends a client a frame at most every
 * few ticks (10 Hz while it steps at 20 Hz, sooner when the client's own input
 * was applied), and frames arrive with jitter. To always have a newer sample to
 * interpolate towards, the delay covers the largest recent gap between frames
 * plus the largest recent lateness (beyond the least-delayed arrival), never
 * less than INTERP_DELAY_MS. It changes slowly (a slew limit), so the drawn
 * time never runs backwards and never jumps.
 */
import { INTERP_DELAY_MS, type Pacing } from './interpolation-buffer';

/** frames remembered for the gap and lateness maxima (~2–3 s of snapshots) */
const WINDOW = 32;
/** head room on top of gap + lateness */
const MARGIN_MS = 15;
/** the delay never grows beyond this (a stall of seconds is not worth waiting for) */
export const MAX_INTERP_DELAY_MS = 400;
/** how fast the delay may follow its target, in ms per ms of time: growing, shrinking */
const GROW_PER_MS = 0.2;
const SHRINK_PER_MS = 0.02;

export class TickClock implements Pacing {
  private tick = 0;
  private at = 0;
  private known = false;
  /** local ms minus the tick's server time, for the least-delayed snapshot seen (see arrivalOf) */
  private offset = Number.POSITIVE_INFINITY;
  /** recent gaps between frames (ticks) and arrival lateness (ms), ring buffers */
  private readonly gaps = new Float64Array(WINDOW);
  private readonly lates = new Float64Array(WINDOW);
  private frames = 0;
  private delay = INTERP_DELAY_MS;
  private delayAt = Number.NaN;

  constructor(private readonly tickMs: number) {}

  /** A snapshot of tick `tick` arrived at local time `now`. */
  observe(tick: number, now: number) {
    // the least-delayed arrival sets the offset; it relaxes 1 ms a snapshot so
    // a lasting rise in latency is followed within seconds
    this.offset = Math.min(now - tick * this.tickMs, this.offset + 1);
    // out-of-order or duplicate delivery must not move the clock backwards
    if (this.known && tick <= this.tick) return;
    if (this.known) {
      const i = this.frames++ % WINDOW;
      this.gaps[i] = tick - this.tick;
      this.lates[i] = now - this.arrivalOf(tick);
    }
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

  /** The usual time between this client's frames (ms): the largest recent gap. */
  get intervalMs(): number {
    let gap = 1;
    const n = Math.min(this.frames, WINDOW);
    for (let i = 0; i < n; i++) gap = Math.max(gap, this.gaps[i]!);
    return Math.min(gap * this.tickMs, MAX_INTERP_DELAY_MS);
  }

  /** What the delay is heading for: the largest recent gap and lateness, plus a margin. */
  targetDelayMs(): number {
    let late = 0;
    const n = Math.min(this.frames, WINDOW);
    for (let i = 0; i < n; i++) late = Math.max(late, this.lates[i]!);
    const want = this.intervalMs + late + MARGIN_MS;
    return Math.min(Math.max(want, INTERP_DELAY_MS), MAX_INTERP_DELAY_MS);
  }

  /** How far behind `now` others are drawn; follows targetDelayMs slowly (call with a clock that does not go back). */
  delayMs(now: number): number {
    const elapsed = Number.isNaN(this.delayAt) ? 0 : Math.max(0, now - this.delayAt);
    this.delayAt = now;
    const target = this.targetDelayMs();
    if (target > this.delay) this.delay = Math.min(target, this.delay + elapsed * GROW_PER_MS);
    else this.delay = Math.max(target, this.delay - elapsed * SHRINK_PER_MS);
    return this.delay;
  }

  /** The tick others are drawn at, at local time `now`. */
  viewTick(now: number, delay = this.delay): number {
    if (!this.known) return 0;
    const elapsed = now - delay - this.at;
    return Math.max(0, Math.round(this.tick + elapsed / this.tickMs));
  }
}
