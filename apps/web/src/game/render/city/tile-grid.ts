/**
 * Which cached city tiles a view needs. Tiles are squares of TILE_PX device pixels on
 * a grid anchored at the zone's origin (world metres × ppm × dpr): tile (i, j) always
 * holds the same piece of the city at a given zoom, so panning reuses them.
 */
export const TILE_PX = 256;

export interface TileView {
  /** device px on screen where the world's (0, 0) lands, rounded so tiles sit on pixels */
  originX: number;
  originY: number;
  i0: number;
  i1: number;
  j0: number;
  j1: number;
}

export function tileView(
  cam: { center: { x: number; y: number }; ppm: number; width: number; height: number },
  dpr: number,
  ring = 0,
): TileView {
  const originX = Math.round((cam.width / 2 - cam.center.x * cam.ppm) * dpr);
  const originY = Math.round((cam.height / 2 - cam.center.y * cam.ppm) * dpr);
  const W = Math.round(cam.width * dpr);
  const H = Math.round(cam.height * dpr);
  return {
    originX,
    originY,
    i0: Math.floor(-originX / TILE_PX) - ring,
    i1: Math.floor((W - 1 - originX) / TILE_PX) + ring,
    j0: Math.floor(-originY / TILE_PX) - ring,
    j1: Math.floor((H - 1 - originY) / TILE_PX) + ring,
  };
}

/** The world rectangle (metres) tile (i, j) covers. */
export function tileRect(i: number, j: number, ppm: number, dpr: number) {
  const m = TILE_PX / (ppm * dpr);
  return { x: i * m, y: j * m, size: m };
}

/** Whether tile (i, j) holds any of a zone of this size (outside it is void). */
export const tileTouchesZone = (
  i: number,
  j: number,
  ppm: number,
  dpr: number,
  zone: { width: number; height: number },
) => {
  const r = tileRect(i, j, ppm, dpr);
  return r.x < zone.width && r.y < zone.height && r.x + r.size > 0 && r.y + r.size > 0;
};
