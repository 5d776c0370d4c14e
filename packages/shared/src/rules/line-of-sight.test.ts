import { describe, expect, it } from 'vitest';
import { lineOfSight, segmentCrossesRect } from './line-of-sight';

// a 10 × 10 building from (10, 10) to (20, 20)
const box = { x: 10, y: 10, w: 10, h: 10 };
const los = (ax: number, ay: number, bx: number, by: number, obstacles = [box]) =>
  lineOfSight({ x: ax, y: ay }, { x: bx, y: by }, obstacles);

describe('lineOfSight', () => {
  it('is clear with no obstacles and when the segment passes beside one', () => {
    expect(los(0, 0, 100, 100, [])).toBe(true);
    expect(los(0, 5, 30, 5)).toBe(true);
    expect(los(0, 25, 30, 25)).toBe(true);
    expect(los(5, 0, 5, 30)).toBe(true);
    // ends short of the building
    expect(los(0, 15, 9.9, 15)).toBe(true);
  });

  it('is blocked straight through, diagonally, and in either direction', () => {
    expect(los(0, 15, 30, 15)).toBe(false);
    expect(los(30, 15, 0, 15)).toBe(false);
    expect(los(15, 0, 15, 30)).toBe(false);
    expect(los(0, 0, 30, 30)).toBe(false);
    expect(los(30, 0, 0, 30)).toBe(false);
    // clips only a corner region, still through the interior
    expect(los(8, 14, 14, 8)).toBe(false);
  });

  it('is blocked when only one end is inside', () => {
    expect(los(15, 15, 40, 15)).toBe(false);
    expect(los(40, 15, 15, 15)).toBe(false);
  });

  it('is blocked when both ends are inside (the segment lies in the interior)', () => {
    expect(los(12, 12, 18, 18)).toBe(false);
  });

  it('is not blocked by grazing an edge or running along it', () => {
    expect(los(0, 10, 30, 10)).toBe(true);
    expect(los(0, 20, 30, 20)).toBe(true);
    expect(los(10, 0, 10, 30)).toBe(true);
    expect(los(20, 5, 20, 12)).toBe(true);
  });

  it('is not blocked when the segment only touches a corner', () => {
    // x + y = 20 meets the box only at its corner (10, 10)
    expect(los(0, 20, 20, 0)).toBe(true);
    // ends exactly on the corner
    expect(los(5, 5, 10, 10)).toBe(true);
    // passes through the corner (20, 10) from outside to outside
    expect(los(15, 5, 25, 15)).toBe(true);
  });

  it('treats an end on an edge as outside: a fighter against a wall can shoot away from it', () => {
    expect(los(10, 15, 0, 15)).toBe(true);
    expect(los(20, 15, 30, 15)).toBe(true);
    // …but not through the wall it stands against
    expect(los(10, 15, 30, 15)).toBe(false);
  });

  it('handles zero-length segments: clear outside or on an edge, blocked inside', () => {
    expect(los(5, 5, 5, 5)).toBe(true);
    expect(los(10, 15, 10, 15)).toBe(true);
    expect(los(15, 15, 15, 15)).toBe(false);
  });

  it('is blocked if any one of several obstacles is in the way', () => {
    const other = { x: 40, y: 0, w: 5, h: 30 };
    expect(los(0, 5, 60, 5, [box, other])).toBe(false);
    expect(los(0, 5, 39, 5, [box, other])).toBe(true);
  });

  it('segmentCrossesRect is symmetric in its ends', () => {
    const cases: [number, number, number, number][] = [
      [0, 15, 30, 15],
      [0, 10, 30, 10],
      [8, 14, 14, 8],
      [15, 5, 25, 15],
    ];
    for (const [ax, ay, bx, by] of cases)
      expect(segmentCrossesRect({ x: ax, y: ay }, { x: bx, y: by }, box)).toBe(
        segmentCrossesRect({ x: bx, y: by }, { x: ax, y: ay }, box),
      );
  });
});
