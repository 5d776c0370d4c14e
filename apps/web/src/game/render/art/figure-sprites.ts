/**
 * Figures are drawn once per look, facing, walk frame and size into small canvases and
 * stamped with drawImage every frame: a crowd costs a copy per figure, not the paths,
 * gradients and glows of each (software canvas on a laptop or a phone is the budget).
 * Facing left is facing right mirrored. The cache forgets everything when it grows past
 * its cap (a zoom change or a new crowd fills it again in a few frames).
 */
import { drawFigure } from './draw-figure';
import type { Act, Facing, Pose } from './pose';
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
  /** attacking or casting right now (a pose of its own) */
  act?: Act | null;
  /** 0..1 through falling as it dies (the standing drawing tips over) */
  fall?: number;
  /** 0..1 through coming back (a respawn: it materialises in a beam) */
  rise?: number;
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
    const act = state.dead ? null : (state.act ?? null);
    // an act is a pose of its own: the walk frame gives way to it
    const frame =
      state.phase === null || act ? -1 : Math.floor(state.phase * WALK_FRAMES) % WALK_FRAMES;
    // falling: the standing drawing, tipped over (then the lying one)
    const dead = state.dead && state.fall === undefined;
    const key = `${look.key}|${facing}|${frame}|${dead ? 1 : 0}|${act}|${size}`;
    let sprite = this.cache.get(key);
    if (!sprite) {
      if (this.cache.size >= CAP) this.cache.clear();
      sprite = render(
        look,
        { facing, phase: frame < 0 ? null : frame / WALK_FRAMES, dead, act },
        size,
      );
      this.cache.set(key, sprite);
    }
    const w = sprite.width;
    const hh = sprite.height;
    if (state.fall !== undefined || state.rise !== undefined) {
      drawMoving(ctx, sprite, state, x, y, size, look.glow);
      return;
    }
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

function render(look: FigureLook, pose: Pose, h: number) {
  const canvas = document.createElement('canvas');
  // room for the boss's crown and aura above, the shadow below, a lying body beside
  canvas.width = Math.ceil(h * 1.6);
  canvas.height = Math.ceil(h * 1.5);
  const c = canvas.getContext('2d')!;
  c.translate(canvas.width / 2, canvas.height * ANCHOR);
  drawFigure(c, look, pose, h);
  return canvas;
}

/**
 * A figure mid-fall (tipping over its feet, greying) or mid-respawn (fading in inside a
 * beam of its outline's colour): the cached drawing moved, nothing drawn anew.
 */
function drawMoving(
  ctx: CanvasRenderingContext2D,
  sprite: HTMLCanvasElement,
  state: FigureState,
  x: number,
  y: number,
  h: number,
  glow: string,
) {
  const w = sprite.width;
  const hh = sprite.height;
  ctx.save();
  ctx.translate(x, y);
  if (state.dir === 'left') ctx.scale(-1, 1);
  if (state.fall !== undefined) {
    const t = state.fall;
    ctx.rotate((-Math.PI / 2) * t * t);
    ctx.globalAlpha = 1 - t * 0.3;
    ctx.drawImage(sprite, -w / 2, -hh * ANCHOR);
  } else if (state.rise !== undefined) {
    const t = state.rise;
    ctx.globalAlpha = 0.35 * (1 - t);
    ctx.fillStyle = glow;
    ctx.fillRect(-h * 0.32, -h * 1.4, h * 0.64, h * 1.45);
    ctx.globalAlpha = t;
    ctx.drawImage(sprite, -w / 2, -hh * ANCHOR);
  }
  ctx.restore();
}
