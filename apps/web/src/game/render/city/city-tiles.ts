/**
 * The static city — ground, streets, props, named areas, buildings and their signs —
 * painted once into tiles of TILE_PX device pixels and kept (least recently used
 * first out): a frame draws a few dozen images instead of thousands of paths. Tiles
 * the view needs are painted at once; a ring around it is painted ahead, at most
 * PAINT_AHEAD a frame, so walking never waits for one.
 */
import type { Obstacle, ZoneInfo } from '@necp/shared';
import { Camera } from '../camera';
import { drawAreaLabels, drawAreas } from '../draw-areas';
import type { DistrictStyle } from './district-style';
import type { Lot } from './lots';
import { paintBuildings } from './paint-buildings';
import { paintGround } from './paint-ground';
import { context2d, makeCanvas, type Canvas2D } from './surfaces';
import { TILE_PX, tileRect, tileTouchesZone, tileView } from './tile-grid';

const PAINT_AHEAD = 2;

export interface CityModel {
  zone: ZoneInfo;
  lots: readonly Lot[];
  obstacles: readonly Obstacle[];
  style: DistrictStyle;
  flatLots: boolean;
}

type PaintTile = (i: number, j: number, ppm: number, dpr: number, city: CityModel) => Canvas2D;

export class CityTiles {
  private readonly tiles = new Map<string, Canvas2D>();
  /** `paint` is the tile painter (a test counts its calls) */
  constructor(private readonly paint: PaintTile = paintTile) {}
  private key = '';
  /** tiles painted since the cache was made (read by the bench) */
  painted = 0;

  /** how many tiles are kept now */
  get size() {
    return this.tiles.size;
  }

  draw(ctx: CanvasRenderingContext2D, cam: Camera, dpr: number, city: CityModel) {
    const key = `${city.zone.id}|${cam.ppm}|${dpr}|${city.style.key}`;
    if (key !== this.key) {
      this.tiles.clear();
      this.key = key;
    }
    const t = tileView(cam, dpr);
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = city.style.void;
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    for (let j = t.j0; j <= t.j1; j++)
      for (let i = t.i0; i <= t.i1; i++) {
        if (!tileTouchesZone(i, j, cam.ppm, dpr, city.zone)) continue;
        const tile = this.tile(i, j, cam.ppm, dpr, city);
        ctx.drawImage(tile, t.originX + i * TILE_PX, t.originY + j * TILE_PX);
      }
    ctx.restore();
    this.paintAhead(cam, dpr, city);
    this.evict((t.i1 - t.i0 + 3) * (t.j1 - t.j0 + 3) + 4);
  }

  private tile(i: number, j: number, ppm: number, dpr: number, city: CityModel): Canvas2D {
    const k = `${i},${j}`;
    let tile = this.tiles.get(k);
    if (tile) {
      // most recently used last
      this.tiles.delete(k);
    } else {
      tile = this.paint(i, j, ppm, dpr, city);
      this.painted++;
    }
    this.tiles.set(k, tile);
    return tile;
  }

  private paintAhead(cam: Camera, dpr: number, city: CityModel) {
    const t = tileView(cam, dpr, 1);
    let budget = PAINT_AHEAD;
    for (let j = t.j0; j <= t.j1 && budget > 0; j++)
      for (let i = t.i0; i <= t.i1 && budget > 0; i++) {
        if (this.tiles.has(`${i},${j}`) || !tileTouchesZone(i, j, cam.ppm, dpr, city.zone))
          continue;
        // painted ahead: the oldest in the cache, the first out if never seen
        const tile = this.paint(i, j, cam.ppm, dpr, city);
        this.painted++;
        this.tiles.set(`${i},${j}`, tile);
        budget--;
      }
  }

  private evict(keep: number) {
    for (const k of this.tiles.keys()) {
      if (this.tiles.size <= keep) break;
      this.tiles.delete(k);
    }
  }
}

/** One tile: the static city seen through a camera that frames exactly that tile. */
function paintTile(i: number, j: number, ppm: number, dpr: number, city: CityModel): Canvas2D {
  const canvas = makeCanvas(TILE_PX, TILE_PX);
  const ctx = context2d(canvas, true);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const r = tileRect(i, j, ppm, dpr);
  const cam = new Camera();
  cam.ppm = ppm;
  cam.width = TILE_PX / dpr;
  cam.height = TILE_PX / dpr;
  cam.center = { x: r.x + r.size / 2, y: r.y + r.size / 2 };
  paintGround(ctx, cam, city.zone, city.lots, city.style, city.flatLots);
  drawAreas(ctx, cam, city.zone);
  paintBuildings(ctx, cam, city.obstacles, city.style);
  drawAreaLabels(ctx, cam, city.zone);
  return canvas;
}
