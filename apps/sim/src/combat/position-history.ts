import { MAX_REWIND_MS, TICK_MS, type Vec2 } from '@necp/shared';

/** How many ticks the server rewinds at most (MAX_REWIND_MS, rounded down). */
export const MAX_REWIND_TICKS = Math.floor(MAX_REWIND_MS / TICK_MS);
/** Room for every tick of the window plus the position held when it opened. */
const CAPACITY = MAX_REWIND_TICKS + 2;

/**
 * Where one entity was over the last MAX_REWIND_MS, by zone tick: a ring buffer
 * written only when the entity moves, so a standing NPC costs nothing. Lag
 * compensation asks `at(tick)`; a claim older than the window is clamped to its
 * start, so a client can never make the server rewind further than MAX_REWIND_MS.
 */
export class PositionHistory {
  private readonly ticks = new Array<number>(CAPACITY).fill(-Infinity);
  private readonly xs = new Array<number>(CAPACITY).fill(0);
  private readonly ys = new Array<number>(CAPACITY).fill(0);
  /** index of the newest entry */
  private head = 0;
  private size = 0;

  /** The entity is at (x, y) as of `tick` (a second record in one tick replaces the first). */
  record(tick: number, x: number, y: number): void {
    if (this.size > 0 && this.ticks[this.head] === tick) {
      this.xs[this.head] = x;
      this.ys[this.head] = y;
      return;
    }
    this.head = (this.head + 1) % CAPACITY;
    this.ticks[this.head] = tick;
    this.xs[this.head] = x;
    this.ys[this.head] = y;
    this.size = Math.min(CAPACITY, this.size + 1);
  }

  /**
   * Position at `tick`, with `tick` clamped to [now − MAX_REWIND_TICKS, now]: the
   * newest record at or before it. undefined when nothing that old is known (then
   * the caller uses the current position).
   */
  at(tick: number, now: number): Vec2 | undefined {
    const t = Math.min(now, Math.max(tick, now - MAX_REWIND_TICKS));
    for (let i = 0; i < this.size; i++) {
      const k = (this.head - i + CAPACITY) % CAPACITY;
      if ((this.ticks[k] ?? Infinity) <= t) return { x: this.xs[k] ?? 0, y: this.ys[k] ?? 0 };
    }
    return undefined;
  }
}
