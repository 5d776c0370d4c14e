import { describe, expect, it } from 'vitest';
import type { ZoneInfo } from '@necp/shared';
import { Camera } from '../camera';
import { CityTiles, type CityModel } from './city-tiles';
import { districtStyle } from './district-style';
import type { Canvas2D } from './surfaces';
import { TILE_PX, tileRect, tileTouchesZone, tileView } from './tile-grid';

const zone: ZoneInfo = {
  id: 'watson',
  name: 'Watson',
  width: 512,
  height: 512,
  streets: [],
  obstacles: [],
  spawnPoints: [{ id: 's', kind: 'player_start', name: 'Start', x: 256, y: 256 }],
  areas: [],
};
const city: CityModel = {
  zone,
  lots: [],
  obstacles: [],
  style: districtStyle('watson'),
  flatLots: true,
};

function camAt(x: number, y: number, w = 1400, h = 900) {
  const cam = new Camera();
  cam.resize(w, h);
  cam.follow({ x, y });
  return cam;
}

/** a 2D context that records where each tile was drawn */
function recorder(w: number, h: number) {
  const drawn: { tile: string; x: number; y: number }[] = [];
  const ctx = {
    canvas: { width: w, height: h },
    save() {},
    restore() {},
    setTransform() {},
    fillRect() {},
    fillStyle: '',
    drawImage(img: { key: string }, x: number, y: number) {
      drawn.push({ tile: img.key, x, y });
    },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, drawn };
}

function counting() {
  const painted: string[] = [];
  const tiles = new CityTiles((i, j) => {
    painted.push(`${i},${j}`);
    return { key: `${i},${j}` } as unknown as Canvas2D;
  });
  return { tiles, painted };
}

describe('the city tile grid', () => {
  it('covers every pixel of the view, tile edges on whole device pixels', () => {
    for (const [x, y, dpr] of [
      [256, 256, 1],
      [3.3, 500.7, 2],
      [100.123, 77.9, 1.5],
    ] as const) {
      const cam = camAt(x, y);
      const t = tileView(cam, dpr);
      expect(Number.isInteger(t.originX) && Number.isInteger(t.originY)).toBe(true);
      expect(t.originX + t.i0 * TILE_PX).toBeLessThanOrEqual(0);
      expect(t.originX + (t.i1 + 1) * TILE_PX).toBeGreaterThanOrEqual(Math.round(1400 * dpr));
      expect(t.originY + t.j0 * TILE_PX).toBeLessThanOrEqual(0);
      expect(t.originY + (t.j1 + 1) * TILE_PX).toBeGreaterThanOrEqual(Math.round(900 * dpr));
      // no tile more than needed
      expect(t.originX + (t.i0 + 1) * TILE_PX).toBeGreaterThan(0);
      expect(t.originX + t.i1 * TILE_PX).toBeLessThan(Math.round(1400 * dpr));
    }
  });

  it('puts tile (i, j) on the same piece of the world wherever the camera is', () => {
    const r = tileRect(3, 2, 14, 1);
    expect(r.size).toBeCloseTo(TILE_PX / 14);
    expect(r.x).toBeCloseTo(3 * r.size);
    expect(tileRect(4, 2, 14, 1).x).toBeCloseTo(r.x + r.size);
    expect(tileTouchesZone(-1, 0, 14, 1, zone)).toBe(false);
    expect(tileTouchesZone(0, 0, 14, 1, zone)).toBe(true);
    expect(tileTouchesZone(Math.ceil(512 / r.size), 0, 14, 1, zone)).toBe(false);
  });
});

describe('the city tile cache', () => {
  it('paints each tile once, draws the view from the cache and paints the ring ahead', () => {
    const { tiles, painted } = counting();
    const cam = camAt(256, 256);
    const { ctx, drawn } = recorder(1400, 900);
    tiles.draw(ctx, cam, 1, city);
    const t = tileView(cam, 1);
    const inView = (t.i1 - t.i0 + 1) * (t.j1 - t.j0 + 1);
    expect(drawn).toHaveLength(inView);
    // the view at once, then two of the ring ahead
    expect(painted).toHaveLength(inView + 2);
    const first = painted.length;
    drawn.length = 0;
    tiles.draw(ctx, cam, 1, city);
    expect(drawn).toHaveLength(inView);
    expect(painted.length).toBe(first + 2);
    // a tile lands where the grid says, in device pixels
    const d = drawn.find((x) => x.tile === `${t.i0},${t.j0}`)!;
    expect(d.x).toBe(t.originX + t.i0 * TILE_PX);
  });

  it('walking a few metres reuses the tiles; the ring painted ahead means no view tile waits', () => {
    const { tiles, painted } = counting();
    const { ctx } = recorder(1400, 900);
    for (let f = 0; f < 30; f++) tiles.draw(ctx, camAt(256, 256), 1, city);
    const settled = painted.length;
    // the whole ring is painted: a walk of a tile's width needs nothing new for the view
    const ring = tileView(camAt(256, 256), 1, 1);
    expect(settled).toBe((ring.i1 - ring.i0 + 1) * (ring.j1 - ring.j0 + 1));
    tiles.draw(ctx, camAt(256 + TILE_PX / 14 - 0.5, 256), 1, city);
    const fresh = painted.slice(settled);
    const view = tileView(camAt(256 + TILE_PX / 14 - 0.5, 256), 1);
    const viewKeys = new Set<string>();
    for (let j = view.j0; j <= view.j1; j++)
      for (let i = view.i0; i <= view.i1; i++) viewKeys.add(`${i},${j}`);
    expect(fresh.filter((k) => viewKeys.has(k))).toEqual([]);
  });

  it('keeps no more than the view and its ring, and starts again on a new zoom or zone', () => {
    const { tiles, painted } = counting();
    const { ctx } = recorder(1400, 900);
    for (let x = 40; x < 480; x += 3) tiles.draw(ctx, camAt(x, 256), 1, city);
    const ring = tileView(camAt(256, 256), 1, 1);
    expect(tiles.size).toBeLessThanOrEqual((ring.i1 - ring.i0 + 2) * (ring.j1 - ring.j0 + 2) + 4);
    const before = painted.length;
    const zoomed = camAt(256, 256, 700, 450); // a smaller view zooms out (fewer px per metre)
    tiles.draw(ctx, zoomed, 1, city);
    const t = tileView(zoomed, 1);
    expect(painted.length - before).toBe((t.i1 - t.i0 + 1) * (t.j1 - t.j0 + 1) + 2);
    const other = {
      ...city,
      zone: { ...zone, id: 'westbrook' },
      style: districtStyle('westbrook'),
    };
    const again = painted.length;
    tiles.draw(ctx, zoomed, 1, other);
    expect(painted.length).toBeGreaterThan(again);
  });

  it('never paints tiles wholly outside the zone (the void is a fill)', () => {
    const { tiles, painted } = counting();
    const { ctx } = recorder(1400, 900);
    const cam = camAt(2, 2);
    tiles.draw(ctx, cam, 1, city);
    const t = tileView(cam, 1);
    expect(t.i0).toBeLessThan(0);
    expect(painted.length).toBeGreaterThan(0);
    for (const k of painted) {
      const [i, j] = k.split(',').map(Number);
      expect(tileTouchesZone(i!, j!, cam.ppm, 1, zone)).toBe(true);
    }
  });
});
