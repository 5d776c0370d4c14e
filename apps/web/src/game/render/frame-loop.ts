/**
 * The game's animation loop: one paint per display frame, or at most `maxFps()` a second
 * when the player capped the frame rate (game menu → display). A capped loop waits on a
 * timer until its frame is nearly due and only then asks for a display frame: a display
 * frame asked for and skipped still runs the browser's whole frame pipeline. Without GPU
 * raster an idle city tab at 60 frames a second took ~0.6 of a core (docs/perf.md).
 */

/** What the loop needs of the browser (a fake clock in its test). */
export interface FrameClock {
  requestFrame(cb: (now: number) => void): number;
  cancelFrame(id: number): void;
  setTimer(cb: () => void, ms: number): number;
  clearTimer(id: number): void;
  now(): number;
}

/** The page's own clock, looked up at each call (a test harness may wrap it before). */
const browserClock: FrameClock = {
  requestFrame: (cb) => window.requestAnimationFrame(cb),
  cancelFrame: (id) => window.cancelAnimationFrame(id),
  setTimer: (cb, ms) => window.setTimeout(cb, ms),
  clearTimer: (id) => window.clearTimeout(id),
  now: () => performance.now(),
};

/** Display frames do not land exactly on the cap's interval: one this early still counts. */
const EARLY_MS = 2;
/** A timer wakes this long before the frame is due, so the display frame it asks for is the due one. */
const WAKE_EARLY_MS = 8;

/** Whether a frame at `now` may be painted, the last one painted at `last`. */
export function frameDue(last: number, now: number, maxFps: number): boolean {
  return maxFps <= 0 || now - last >= 1000 / maxFps - EARLY_MS;
}

/**
 * When the frame painted at `now` counts as painted: on the cap's own beat, so a display
 * frame that lands a little late does not push every later frame back (on a 144 Hz screen
 * a 60 cap would paint ~48 a second); after a long pause (a hidden tab), from `now`.
 */
export function paintedAt(last: number, now: number, maxFps: number): number {
  if (maxFps <= 0) return now;
  const interval = 1000 / maxFps;
  const elapsed = now - last;
  if (elapsed > interval * 2) return now;
  return last + interval * Math.max(1, Math.floor((elapsed + EARLY_MS) / interval));
}

/** How long to wait before asking for the next display frame (0: ask now). */
export function frameWait(last: number, now: number, maxFps: number): number {
  if (maxFps <= 0) return 0;
  return Math.max(0, 1000 / maxFps - (now - last) - WAKE_EARLY_MS);
}

export class FrameLoop {
  private frame: number | undefined;
  private timer: number | undefined;
  private last = -Infinity;
  private running = false;
  /** frames painted so far, and the cap read at the last frame (the test hook shows both) */
  painted = 0;
  cap = 0;

  constructor(
    private readonly paint: (now: number) => void,
    /** the cap, read at every frame (0: the display's rate) */
    private readonly maxFps: () => number,
    private readonly clock: FrameClock = browserClock,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.ask();
  }

  stop(): void {
    this.running = false;
    if (this.frame !== undefined) this.clock.cancelFrame(this.frame);
    if (this.timer !== undefined) this.clock.clearTimer(this.timer);
    this.frame = this.timer = undefined;
  }

  private ask = (): void => {
    this.timer = undefined;
    this.frame = this.clock.requestFrame(this.tick);
  };

  /** After `wait` ms, or at once, ask for a display frame. */
  private next(wait: number): void {
    if (wait > 0) this.timer = this.clock.setTimer(this.ask, wait);
    else this.ask();
  }

  private tick = (now: number): void => {
    this.frame = undefined;
    if (!this.running) return;
    const cap = (this.cap = this.maxFps());
    if (!frameDue(this.last, now, cap)) {
      this.next(frameWait(this.last, now, cap));
      return;
    }
    this.last = paintedAt(this.last, now, cap);
    // the next frame is asked for first: a paint that throws does not stop the loop
    this.next(frameWait(this.last, this.clock.now(), cap));
    this.painted++;
    this.paint(now);
  };
}
