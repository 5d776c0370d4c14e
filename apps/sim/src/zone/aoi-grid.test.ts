import { describe, expect, it } from 'vitest';
import { AoiGrid } from './aoi-grid';

const near = (g: AoiGrid, x: number, y: number, r: number) => {
  const ids: number[] = [];
  g.forEachNear(x, y, r, (id) => ids.push(id));
  return ids.sort((a, b) => a - b);
};

describe('AoiGrid', () => {
  it('finds entities in the cells around a point and not far away', () => {
    const g = new AoiGrid(16, 512, 512);
    g.upsert(1, 100, 100);
    g.upsert(2, 110, 120);
    g.upsert(3, 400, 400);
    expect(near(g, 100, 100, 20)).toEqual([1, 2]);
    expect(near(g, 400, 400, 10)).toEqual([3]);
  });

  it('follows moves between cells and forgets removed entities', () => {
    const g = new AoiGrid(16, 512, 512);
    g.upsert(1, 10, 10);
    g.upsert(1, 300, 300);
    expect(near(g, 10, 10, 5)).toEqual([]);
    expect(near(g, 300, 300, 5)).toEqual([1]);
    g.remove(1);
    expect(near(g, 300, 300, 5)).toEqual([]);
    expect(g.size).toBe(0);
  });

  it('handles queries and positions at and beyond the edges', () => {
    const g = new AoiGrid(16, 512, 512);
    g.upsert(1, 0, 0);
    g.upsert(2, 512, 512);
    expect(near(g, -50, -50, 60)).toEqual([1]);
    expect(near(g, 600, 600, 100)).toEqual([2]);
  });
});
