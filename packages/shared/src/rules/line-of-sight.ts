/**
 * Line of sight between two points across a zone's obstacles (buildings). Pure
 * and isomorphic: the sim gates abilities and NPC aggro with it, the client greys
 * out targets it cannot hit.
 */
import type { Obstacle } from '../content/zones';
import type { Vec2 } from './movement';

/**
 * Slack in segment parameter space: a segment that only touches an obstacle's edge
 * or corner (floating-point noise included) is not blocked by it.
 */
const EPS = 1e-9;

/**
 * True when the segment a→b passes through the interior of the rectangle. Points
 * on its edges do not count: a fighter standing against a wall can still shoot
 * along it or away from it. Slab method: intersect the open parameter intervals
 * in which the segment is strictly inside each axis's slab.
 */
export function segmentCrossesRect(a: Vec2, b: Vec2, r: Obstacle): boolean {
  let lo = 0;
  let hi = 1;
  const axes: [number, number, number, number][] = [
    [a.x, b.x - a.x, r.x, r.x + r.w],
    [a.y, b.y - a.y, r.y, r.y + r.h],
  ];
  for (const [start, delta, min, max] of axes) {
    if (delta === 0) {
      // parallel to this slab: inside it for the whole segment, or never
      if (!(start > min && start < max)) return false;
      continue;
    }
    const t1 = (min - start) / delta;
    const t2 = (max - start) / delta;
    lo = Math.max(lo, Math.min(t1, t2));
    hi = Math.min(hi, Math.max(t1, t2));
    if (!(hi - lo > EPS)) return false;
  }
  // (a zero-length segment gets here only when it lies strictly inside)
  return true;
}

/** True when nothing in `obstacles` stands between a and b. */
export function lineOfSight(a: Vec2, b: Vec2, obstacles: readonly Obstacle[]): boolean {
  for (const o of obstacles) if (segmentCrossesRect(a, b, o)) return false;
  return true;
}
