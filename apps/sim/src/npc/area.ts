/** Points inside an NPC spawn area: spawn homes and patrol destinations. */
import type { Obstacle, Vec2 } from '@necp/shared';

export interface Area {
  x: number;
  y: number;
  radius: number;
}

/** Tries for a free point before settling for the centre (content keeps centres free). */
const POINT_TRIES = 8;

export function insideObstacle(p: Vec2, obstacles: readonly Obstacle[]): boolean {
  return obstacles.some((o) => p.x > o.x && p.x < o.x + o.w && p.y > o.y && p.y < o.y + o.h);
}

/** A uniformly random point within the area for which `free` holds; the centre if none is found. */
export function randomPointInArea(
  area: Area,
  random: () => number,
  free: (p: Vec2) => boolean,
): Vec2 {
  for (let i = 0; i < POINT_TRIES; i++) {
    // sqrt: uniform over the disc, not bunched at the centre
    const r = area.radius * Math.sqrt(random());
    const a = 2 * Math.PI * random();
    const p = { x: area.x + r * Math.cos(a), y: area.y + r * Math.sin(a) };
    if (free(p)) return p;
  }
  return { x: area.x, y: area.y };
}
