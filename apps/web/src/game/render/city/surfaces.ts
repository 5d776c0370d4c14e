/**
 * Surface textures made once in code: a grain for asphalt and concrete, gravel for
 * roofs. Patterns are anchored to the world's origin, so a surface runs on without a
 * seam from one cached tile to the next.
 */
import type { Camera } from '../camera';
import { hash3 } from './hash';

export type Canvas2D = HTMLCanvasElement | OffscreenCanvas;
export type Ctx2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** A canvas off the page (OffscreenCanvas where the browser has it). */
export function makeCanvas(w: number, h: number): Canvas2D {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(w, h);
  const c = document.createElement('canvas');
  c.width = w;
  c.height = h;
  return c;
}

export function context2d(c: Canvas2D, opaque = false): Ctx2D {
  const ctx = c.getContext('2d', { alpha: !opaque }) as Ctx2D | null;
  if (!ctx) throw new Error('Canvas 2D is not available');
  return ctx;
}

const SIZE = 128;
const grains = new Map<string, Canvas2D>();

/** Speckles of light and dark on transparency: `density` of the pixels, `alpha` strong. */
function grain(kind: 'fine' | 'gravel', density: number, alpha: number): Canvas2D {
  const key = `${kind}:${density}:${alpha}`;
  let c = grains.get(key);
  if (c) return c;
  c = makeCanvas(SIZE, SIZE);
  const ctx = context2d(c);
  const img = ctx.createImageData(SIZE, SIZE);
  const seed = kind === 'fine' ? 1 : 2;
  for (let y = 0; y < SIZE; y++)
    for (let x = 0; x < SIZE; x++) {
      const r = hash3(x, y, seed);
      if (r > density) continue;
      const light = hash3(x, y, seed + 10) > 0.5;
      const i = (y * SIZE + x) * 4;
      const v = light ? 200 : 0;
      img.data[i] = v;
      img.data[i + 1] = v;
      img.data[i + 2] = light ? 230 : 0;
      img.data[i + 3] = Math.round(255 * alpha * (0.4 + 0.6 * hash3(x, y, seed + 20)));
    }
  ctx.putImageData(img, 0, 0);
  grains.set(key, c);
  return c;
}

/**
 * Fills a rectangle (screen pixels) with a world-anchored grain: `scale` texture
 * pixels per screen pixel of the grain.
 */
export function fillGrain(
  ctx: Ctx2D,
  cam: Camera,
  x: number,
  y: number,
  w: number,
  h: number,
  kind: 'fine' | 'gravel' = 'fine',
) {
  const pattern = ctx.createPattern(
    kind === 'fine' ? grain('fine', 0.22, 0.18) : grain('gravel', 0.3, 0.14),
    'repeat',
  );
  if (!pattern) return;
  // one texture pixel ≈ 12 cm on the ground, whatever the zoom
  const k = (cam.ppm * 0.12) / (kind === 'fine' ? 1 : 1.6);
  pattern.setTransform(new DOMMatrix([k, 0, 0, k, cam.sx(0), cam.sy(0)]));
  ctx.fillStyle = pattern;
  ctx.fillRect(x, y, w, h);
}
