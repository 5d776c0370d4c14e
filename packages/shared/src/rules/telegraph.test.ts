import { describe, expect, it } from 'vitest';
import { insideTelegraph, telegraphBounds, type TelegraphArea } from './telegraph';

describe('telegraph areas', () => {
  it('a circle holds its edge and nothing past it', () => {
    const c: TelegraphArea = { shape: 'circle', x: 10, y: 10, r: 4 };
    expect(insideTelegraph(c, { x: 14, y: 10 })).toBe(true);
    expect(insideTelegraph(c, { x: 14.01, y: 10 })).toBe(false);
    expect(telegraphBounds(c)).toEqual({ x: 10, y: 10, r: 4 });
  });

  it('a line runs from its origin along dir, r to each side, not behind it', () => {
    const l: TelegraphArea = { shape: 'line', x: 0, y: 0, r: 2, len: 20, dir: Math.PI / 2 };
    expect(insideTelegraph(l, { x: 0, y: 19 })).toBe(true);
    expect(insideTelegraph(l, { x: 1.9, y: 5 })).toBe(true);
    expect(insideTelegraph(l, { x: 2.1, y: 5 })).toBe(false);
    expect(insideTelegraph(l, { x: 0, y: -0.5 })).toBe(false);
    expect(insideTelegraph(l, { x: 0, y: 20.5 })).toBe(false);
    const b = telegraphBounds(l);
    // every corner of the strip is inside the bounding circle
    for (const p of [
      { x: -2, y: 0 },
      { x: 2, y: 20 },
    ])
      expect(Math.hypot(p.x - b.x, p.y - b.y)).toBeLessThanOrEqual(b.r + 1e-9);
  });
});
