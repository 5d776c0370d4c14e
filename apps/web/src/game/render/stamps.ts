/**
 * Text drawn once into a small canvas and copied every frame after. On a software
 * canvas (a laptop without a GPU, most phones) shaping and rasterising glyphs — with
 * an outline or a glow — is the costly part of a name plate or a floating number;
 * copying a few hundred pixels is not. A stamp is drawn at the context's pixel scale
 * (crisp on HiDPI); the least recently used are forgotten past the cap.
 */
import { context2d, makeCanvas, type Canvas2D, type Ctx2D } from './city/surfaces';

export interface Stamp {
  image: Canvas2D;
  /** its size in CSS pixels (the image is this × the scale it was drawn at) */
  w: number;
  h: number;
}

/** What a stamp is: its CSS size (measured with the stamp's fonts) and how to draw it. */
export interface StampRecipe {
  w: number;
  h: number;
  /** `scale`: device pixels per CSS pixel (a shadow's blur is in device pixels) */
  paint: (ctx: Ctx2D, scale: number) => void;
}

/** Where stamps are drawn: canvases off the page (a test gives its own). */
export interface StampSurface {
  canvas(w: number, h: number): { image: Canvas2D; ctx: Ctx2D };
  /** a context for measuring text before a stamp's size is known */
  measure(): Ctx2D;
}

let measurer: Ctx2D | null = null;
const offPage: StampSurface = {
  canvas(w, h) {
    const image = makeCanvas(w, h);
    return { image, ctx: context2d(image) };
  },
  measure() {
    measurer ??= context2d(makeCanvas(1, 1));
    return measurer;
  },
};

export class Stamps {
  private readonly map = new Map<string, Stamp>();
  constructor(
    private readonly cap: number,
    private readonly surface: StampSurface = offPage,
  ) {}

  get size() {
    return this.map.size;
  }

  /** The stamp for `key` at the scale `ctx` draws at; `recipe` runs only when it is new. */
  get(ctx: CanvasRenderingContext2D, key: string, recipe: (m: Ctx2D) => StampRecipe): Stamp {
    const scale = ctx.getTransform().a || 1;
    const full = `${scale}|${key}`;
    const hit = this.map.get(full);
    if (hit) {
      // most recently used last: the first in the map is the one to forget
      this.map.delete(full);
      this.map.set(full, hit);
      return hit;
    }
    const r = recipe(this.surface.measure());
    const { image, ctx: c } = this.surface.canvas(
      Math.max(1, Math.ceil(r.w * scale)),
      Math.max(1, Math.ceil(r.h * scale)),
    );
    c.scale(scale, scale);
    r.paint(c, scale);
    const stamp = { image, w: r.w, h: r.h };
    if (this.map.size >= this.cap) this.map.delete(this.map.keys().next().value!);
    this.map.set(full, stamp);
    return stamp;
  }
}
