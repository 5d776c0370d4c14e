/**
 * The playback clock for other entities: which moment of the stream is drawn,
 * and so which server tick the client is showing (combat:use sends it as
 * `viewTick`: the sim judges range and line against where the target was on
 * this client's screen, bounded rewind).
 *
 * Snapshots are stamped with their tick's server time (tick × tick length), so a
 * burst of late frames still plays back evenly and a change in latency never
 * squeezes two samples together. The drawn time follows "now, in server time,
 * as the least-delayed snapshot seen says, minus the delay"; the delay covers the
 * largest recent gap between frames (the sim sends a client a frame every few
 * ticks, sooner when its own input was applied) plus the largest recent lateness
 * (beyond the least-delayed arrival), plus a margin.
 *
 * How good engines keep that smooth, and so does this clock: the drawn time is
 * never set, only advanced — a little faster or slower than real time (0.5–1.1×,
 * up to 1.5× to catch up after a stall) to follow the delay as it adapts; when the newest frame is late it eases into
 * it (decelerating over ~SOFT_MS) instead of holding still and then jumping to
 * catch up; a span in which nothing changed (no frame for a while: nothing moved
 * near the client) is hopped over when reached, which nobody can see. Only a
 * clock left far behind (a hidden tab) is reset to where it should be.
 */
import { INTERP_DELAY_MS, type Pacing } from './interpolation-buffer';

/** frames remembered for the gap and lateness maxima (~2–3 s of snapshots) */
const WINDOW = 32;
/** head room on top of gap + lateness: the easing into the newest frame starts inside it */
const MARGIN_MS = 40;
/** the delay never grows beyond this (a stall of seconds is not worth waiting for) */
export const MAX_INTERP_DELAY_MS = 400;
/** playback speed bounds while following the delay (faster shows as a slightly quicker walk) */
const MIN_RATE = 0.5;
const MAX_RATE = 1.1;
/**
 * after a real stall (the clock more than STALL_BEHIND_MS behind), up to this fast,
 * rising with how far behind: seconds of lag would put the screen out of reach of
 * the sim's bounded rewind (combat judges against what is drawn)
 */
const MAX_CATCH_UP_RATE = 1.5;
const STALL_BEHIND_MS = 200;
/** how strongly the playback follows the delay: a 100 ms error changes the speed by 100/CATCH_UP_MS */
const CATCH_UP_MS = 500;
/** easing into the newest frame: its time constant */
const SOFT_MS = 25;
/** further behind than this (a hidden tab, a long stall), the clock is put back at once */
const RESET_BEHIND_MS = 1000;
/** quiet spans remembered for hopping (one per quiet period; they are reached within ~1 s) */
const MAX_HOPS = 8;

export class TickClock implements Pacing {
  private tick = 0;
  private known = false;
  /** local ms minus the tick's server time, for the least-delayed snapshot seen */
  private offset = Number.POSITIVE_INFINITY;
  /** server time of the newest frame: the drawn time never passes it */
  private newest = Number.NaN;
  /** recent gaps between frames (ticks) and arrival lateness (ms), ring buffers */
  private readonly gaps = new Float64Array(WINDOW);
  private readonly lates = new Float64Array(WINDOW);
  private frames = 0;
  /** the drawn time (server time) and the local time it was advanced to */
  private drawn = Number.NaN;
  private drawnAt = Number.NaN;
  /** quiet spans [from, to] (server time) with no change in them, in order */
  private hops: { from: number; to: number }[] = [];

  constructor(private readonly tickMs: number) {}

  /**
   * A snapshot of tick `tick` arrived at local time `now`; returns its stamp (the
   * server time its positions are drawn at, see renderAt).
   */
  observe(tick: number, now: number): number {
    const at = tick * this.tickMs;
    // the least-delayed arrival sets the offset; it relaxes 1 ms a snapshot so
    // a lasting rise in latency is followed within seconds
    this.offset = Math.min(now - at, this.offset + 1);
    // out-of-order or duplicate delivery must not move the clock backwards
    if (this.known && tick <= this.tick) return at;
    if (!this.known) {
      this.drawn = at - INTERP_DELAY_MS;
      this.drawnAt = now;
    } else {
      const gap = tick - this.tick;
      // a longer silence is no cadence: nothing changed near this client (see hops)
      const quiet = gap * this.tickMs > Math.max(2 * this.intervalMs, MAX_INTERP_DELAY_MS);
      if (quiet) {
        // every entity that moves in this frame restarts from an anchor one interval
        // before it (InterpolationBuffer.push): up to there, nothing on screen changes
        if (this.hops.length >= MAX_HOPS) this.hops.shift();
        this.hops.push({ from: this.newest, to: at - this.intervalMs });
      } else {
        const i = this.frames++ % WINDOW;
        this.gaps[i] = gap;
        this.lates[i] = now - at - this.offset;
      }
    }
    this.tick = tick;
    this.newest = at;
    this.known = true;
    return at;
  }

  /** The local time at which the snapshot of `tick` would arrive with the least delay seen. */
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

  /**
   * The time others are drawn at, at local time `now` (server time): advances the
   * playback clock to `now` (an earlier `now` than the last call changes nothing).
   */
  renderAt(now: number): number {
    if (!this.known) return Number.NEGATIVE_INFINITY;
    const dt = now - this.drawnAt;
    if (!(dt > 0)) return this.drawn;
    this.drawnAt = now;
    const target = now - this.offset - this.targetDelayMs();
    if (target - this.drawn > RESET_BEHIND_MS) {
      this.drawn = Math.min(target, this.newest);
      this.hops = this.hops.filter((h) => h.from > this.drawn);
      return this.drawn;
    }
    // ahead of or behind where playing at real speed would put it: play slower or faster
    const error = target - (this.drawn + dt);
    const fastest = Math.min(
      MAX_CATCH_UP_RATE,
      MAX_RATE + Math.max(0, error - STALL_BEHIND_MS) / CATCH_UP_MS,
    );
    const rate = Math.min(Math.max(1 + error / CATCH_UP_MS, MIN_RATE), fastest);
    // never past the newest frame: within a few SOFT_MS of it, ease in exponentially
    const headroom = Math.max(0, this.newest - this.drawn);
    this.drawn += Math.min(dt * rate, headroom * (1 - Math.exp(-dt / SOFT_MS)));
    // a quiet span reached (to within a millisecond of easing): hop over it
    const hop = this.hops[0];
    if (hop && this.drawn >= hop.from - 1) {
      this.hops.shift();
      this.drawn = Math.max(this.drawn, Math.min(target, hop.to));
    }
    return this.drawn;
  }

  /** The tick others are drawn at, at local time `now`. */
  viewTick(now: number): number {
    if (!this.known) return 0;
    return Math.max(0, Math.round(this.renderAt(now) / this.tickMs));
  }
}
