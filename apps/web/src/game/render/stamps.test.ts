import { describe, expect, it } from 'vitest';
import type { Ctx2D } from './city/surfaces';
import { Stamps, type StampSurface } from './stamps';

/** canvases that record their size and the scale painted at */
function fakeSurface() {
  const made: { w: number; h: number; scaled: number }[] = [];
  const surface: StampSurface = {
    canvas(w, h) {
      const rec = { w, h, scaled: 1 };
      made.push(rec);
      const ctx = {
        scale(s: number) {
          rec.scaled = s;
        },
      } as unknown as Ctx2D;
      return { image: rec as never, ctx };
    },
    measure: () => ({ measureText: (t: string) => ({ width: t.length * 7 }) }) as unknown as Ctx2D,
  };
  return { surface, made };
}

/** a drawing context at a pixel ratio */
const at = (scale: number) =>
  ({ getTransform: () => ({ a: scale }) }) as unknown as CanvasRenderingContext2D;

const textRecipe = (text: string, painted: string[]) => (m: Ctx2D) => ({
  w: m.measureText(text).width + 4,
  h: 16,
  paint: () => void painted.push(text),
});

describe('stamps', () => {
  it('draws a stamp once and copies it after; its image is its size × the pixel ratio', () => {
    const { surface, made } = fakeSurface();
    const stamps = new Stamps(10, surface);
    const painted: string[] = [];
    const a = stamps.get(at(2), 'Jun', textRecipe('Jun', painted));
    const b = stamps.get(at(2), 'Jun', textRecipe('Jun', painted));
    expect(b).toBe(a);
    expect(painted).toEqual(['Jun']);
    expect({ w: a.w, h: a.h }).toEqual({ w: 25, h: 16 });
    expect(made).toEqual([{ w: 50, h: 32, scaled: 2 }]);
    // another pixel ratio (the window moved to another screen): drawn again, crisp there
    stamps.get(at(1), 'Jun', textRecipe('Jun', painted));
    expect(painted).toEqual(['Jun', 'Jun']);
    expect(made[1]).toEqual({ w: 25, h: 16, scaled: 1 });
  });

  it('forgets the least recently used past its cap', () => {
    const { surface } = fakeSurface();
    const stamps = new Stamps(2, surface);
    const painted: string[] = [];
    const get = (t: string) => stamps.get(at(1), t, textRecipe(t, painted));
    get('a');
    get('b');
    get('a'); // a used again: b is now the oldest
    get('c');
    expect(stamps.size).toBe(2);
    get('a');
    expect(painted).toEqual(['a', 'b', 'c']);
    get('b');
    expect(painted).toEqual(['a', 'b', 'c', 'b']);
  });
});
