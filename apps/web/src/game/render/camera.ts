/** World metres ↔ screen pixels, centred on a followed point. */
import type { Vec2 } from '@necp/shared';

export interface ViewRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export class Camera {
  center: Vec2 = { x: 0, y: 0 };
  /** pixels per metre */
  ppm = 12;
  width = 0;
  height = 0;

  resize(width: number, height: number) {
    this.width = width;
    this.height = height;
    // about ±32 m along the short side: roughly the sim's area of interest
    this.ppm = Math.min(22, Math.max(8, Math.min(width, height) / 64));
  }

  follow(p: Vec2) {
    this.center = p;
  }

  sx(x: number): number {
    return (x - this.center.x) * this.ppm + this.width / 2;
  }
  sy(y: number): number {
    return (y - this.center.y) * this.ppm + this.height / 2;
  }

  /** The world rectangle on screen, plus a margin in metres. */
  view(margin = 0): ViewRect {
    const hw = this.width / 2 / this.ppm + margin;
    const hh = this.height / 2 / this.ppm + margin;
    return {
      x0: this.center.x - hw,
      y0: this.center.y - hh,
      x1: this.center.x + hw,
      y1: this.center.y + hh,
    };
  }
}

export const intersects = (r: ViewRect, x: number, y: number, w: number, h: number) =>
  x < r.x1 && x + w > r.x0 && y < r.y1 && y + h > r.y0;
