import { describe, expect, it } from 'vitest';
import { layoutPlates, PLATE_PRIORITY as P, type PlateRequest, type Rect } from './plate-layout';

const overlap = (a: Rect, b: Rect) => a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;
const plate = (
  key: string,
  cx: number,
  y: number,
  priority: number,
  order = 0,
): PlateRequest<string> => ({
  key,
  cx,
  y,
  w: 80,
  h: 20,
  priority,
  order,
});

describe('layoutPlates', () => {
  it('leaves plates that do not touch where they want to be', () => {
    const r = layoutPlates([plate('a', 100, 100, P.self), plate('b', 300, 100, P.other)]);
    expect(r.hidden).toEqual([]);
    expect(r.placed.map((p) => [p.key, p.y0, p.lift])).toEqual([
      ['a', 100, 0],
      ['b', 100, 0],
    ]);
  });

  it('never lets two placed plates overlap, even in a crowd', () => {
    const crowd = Array.from({ length: 30 }, (_, i) =>
      plate(`n${i}`, 200 + (i % 5) * 7, 200 + (i % 3) * 4, P.hostileNear, i),
    );
    const r = layoutPlates([plate('me', 210, 205, P.self), ...crowd], { maxLift: 80 });
    for (const a of r.placed)
      for (const b of r.placed) if (a !== b) expect(overlap(a, b)).toBe(false);
    expect(r.placed.length + r.hidden.length).toBe(31);
    // 80 px of lift fits the own plate plus three more rows of 22 px
    expect(r.placed.length).toBe(4);
  });

  it('stacks the labels of a loot pile downwards, under a name plate that is there first', () => {
    const loot = (key: string, order: number) => ({
      ...plate(key, 100, 120, P.loot, order),
      shift: 'down' as const,
    });
    const r = layoutPlates(
      [loot('d3', 3), loot('d1', 1), plate('me', 100, 110, P.self), loot('d2', 2)],
      { maxLift: 80 },
    );
    expect(r.hidden).toEqual([]);
    expect(r.placed.map((p) => [p.key, p.y0])).toEqual([
      ['me', 110],
      ['d1', 132],
      ['d2', 154],
      ['d3', 176],
    ]);
    // beyond maxLift below its anchor a label is hidden, not pushed off forever
    const crowded = layoutPlates(
      [1, 2, 3, 4, 5].map((i) => loot(`d${i}`, i)),
      { maxLift: 50 },
    );
    expect(crowded.placed.map((p) => p.key)).toEqual(['d1', 'd2', 'd3']);
    expect(crowded.hidden).toEqual(['d4', 'd5']);
  });

  it('keeps the own plate in place and moves an attacker above it', () => {
    const r = layoutPlates([plate('punk', 205, 102, P.hostileNear), plate('me', 200, 100, P.self)]);
    const me = r.placed.find((p) => p.key === 'me')!;
    const punk = r.placed.find((p) => p.key === 'punk')!;
    expect(me.y0).toBe(100);
    expect(punk.y1).toBeLessThanOrEqual(me.y0 - 2);
    expect(r.placed[0]!.key).toBe('me');
  });

  it('hides the least important plate when there is no room left', () => {
    const r = layoutPlates(
      [
        plate('other', 100, 100, P.other),
        plate('contact', 100, 100, P.contact),
        plate('me', 100, 100, P.self),
      ],
      { maxLift: 25 },
    );
    expect(r.placed.map((p) => p.key)).toEqual(['me', 'contact']);
    expect(r.hidden).toEqual(['other']);
  });

  it('orders by priority, then by the tie-break (nearest first)', () => {
    const r = layoutPlates(
      [
        plate('far', 100, 100, P.hostileNear, 9),
        plate('near', 100, 100, P.hostileNear, 1),
        plate('target', 100, 100, P.target),
        plate('player', 100, 100, P.player),
      ],
      { maxLift: 1000 },
    );
    expect(r.placed.map((p) => p.key)).toEqual(['target', 'player', 'near', 'far']);
  });

  it('keeps plates off the blockers (e.g. a contact the own plate would cover)', () => {
    const body = { x0: 90, x1: 130, y0: 95, y1: 125 };
    const r = layoutPlates([plate('me', 100, 100, P.self)], { blockers: [body] });
    expect(overlap(r.placed[0]!, body)).toBe(false);
    expect(r.placed[0]!.y1).toBeLessThanOrEqual(93);
  });
});
