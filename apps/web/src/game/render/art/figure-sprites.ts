/**
 * Figures are drawn once per look, facing, walk frame and size into small canvases and
 * stamped with drawImage every frame: a crowd costs a copy per figure, not the paths,
 * gradients and glows of each (software canvas on a laptop or a phone is the budget).
 * Facing left is facing right mirrored. The cache forgets everything when it grows past
 * its cap (a zoom change or a new crowd fills it again in a few frames).
 */
import { drawFigure } from './draw-figure';
import type { Facing } from './pose';
import type { FigureLook } from './figure-look';

/** frames of one walk cycle */
export const WALK_FRAMES = 8;
/** metres walked per walk cycle (two strides) */
export const CYCLE_M = 2.4;
const CAP = 800;

export interface FigureState {
  /** facing in world terms: down (south), up (north), left, right */
  dir: 'down' | 'up' | 'left' | 'right';
  /** walk cycle 0..1, or null standing */
  phase: number | null;
  dead: boolean;
}

/** The facing nearest a heading (world metres; y grows southwards). */
export function facingOf(dx: number, dy: number, was: FigureState['dir']): FigureState['dir'] {
  if (Math.abs(dx) < 1e-3 && Math.abs(dy) < 1e-3) return was;
  if (Math.abs(dx) > Math.abs(dy)) return dx > 0 ? 'right' : 'left';
  return dy > 0 ? 'down' : 'up';
}

export class FigureSprites {
  private readonly cache = new Map<string, HTMLCanvasElement>();

  /** Stamps `look` in `state` with its feet at (x, y); `h` the height of a normal figure. */
  draw(
    ctx: CanvasRenderingContext2D,
    look: FigureLook,
    state: FigureState,
    x: number,
    y: number,
    h: number,
  ) {
    const size = Math.round(h * look.scale);
    const facing: Facing = state.dir === 'left' || state.dir === 'right' ? 'side' : state.dir;
    const frame = state.phase === null ? -1 : Math.floor(state.phase * WALK_FRAMES) % WALK_FRAMES;
    const key = `${look.key}|${facing}|${frame}|${state.dead ? 1 : 0}|${size}`;
    let sprite = this.cache.get(key);
    if (!sprite) {
      if (this.cache.size >= CAP) this.cache.clear();
      sprite = render(look, facing, frame, state.dead, size);
      this.cache.set(key, sprite);
    }
    const w = sprite.width;
    const hh = sprite.height;
    if (state.dir === 'left') {
      ctx.save();
      ctx.translate(x, y);
      ctx.scale(-1, 1);
      ctx.drawImage(sprite, -w / 2, -hh * ANCHOR);
      ctx.restore();
    } else ctx.drawImage(sprite, x - w / 2, y - hh * ANCHOR);
  }

  get size(): number {
    return this.cache.size;
  }
}

/** where the feet are, as a fraction of the sprite's height from its top */
const ANCHOR = 0.8;

function render(look: FigureLook, facing: Facing, frame: number, dead: boolean, h: number) {
  const canvas = document.createElement('canvas');
  // room for the boss's crown and aura above, the shadow below, a lying body beside
  canvas.width = Math.ceil(h * 1.6);
  canvas.height = Math.ceil(h * 1.5);
  const c = canvas.getContext('2d')!;
  c.translate(canvas.width / 2, canvas.height * ANCHOR);
  drawFigure(c, look, { facing, phase: frame < 0 ? null : frame / WALK_FRAMES, dead }, h);
  return canvas;
}
