/**
 * Where the own character is drawn. Prediction moves in 50 ms steps; drawing
 * those steps directly stutters at 60 fps, so the view glides from the previous
 * step to the latest one over a sample interval. Small reconciliation
 * corrections become an offset that decays quickly instead of a visible pop;
 * big ones (SNAP_DISTANCE) jump.
 */
import type { Vec2 } from '@necp/shared';
import { SAMPLE_MS } from '../input/input-sampler';

const CORRECTION_DECAY_MS = 120;

export class SmoothedSelf {
  private from: Vec2;
  private to: Vec2;
  private since: number;
  private offset: Vec2 = { x: 0, y: 0 };
  private lastFrame: number;

  constructor(start: Vec2, now: number) {
    this.from = start;
    this.to = start;
    this.since = now;
    this.lastFrame = now;
  }

  /** A new predicted position after local input. */
  stepped(predicted: Vec2, now: number) {
    this.from = this.base(now);
    this.to = predicted;
    this.since = now;
  }

  /** Reconciliation moved the predicted position from `before` to `after`. */
  corrected(before: Vec2, after: Vec2, snapped: boolean) {
    if (snapped) {
      this.from = after;
      this.to = after;
      this.offset = { x: 0, y: 0 };
      return;
    }
    const dx = before.x - after.x;
    const dy = before.y - after.y;
    if (dx === 0 && dy === 0) return;
    this.from = { x: this.from.x - dx, y: this.from.y - dy };
    this.to = after;
    this.offset = { x: this.offset.x + dx, y: this.offset.y + dy };
  }

  /** Drawn position at `now` (call once per frame: it also decays the correction). */
  at(now: number): Vec2 {
    const dt = Math.max(0, now - this.lastFrame);
    this.lastFrame = now;
    const decay = Math.exp(-dt / CORRECTION_DECAY_MS);
    this.offset = { x: this.offset.x * decay, y: this.offset.y * decay };
    const b = this.base(now);
    return { x: b.x + this.offset.x, y: b.y + this.offset.y };
  }

  private base(now: number): Vec2 {
    const k = Math.min(1, Math.max(0, (now - this.since) / SAMPLE_MS));
    return {
      x: this.from.x + (this.to.x - this.from.x) * k,
      y: this.from.y + (this.to.y - this.from.y) * k,
    };
  }
}
