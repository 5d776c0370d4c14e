/**
 * Telegraphed areas (boss attacks): where one lies and who is inside. The sim
 * decides impacts with it, the client draws the same shapes.
 */
import type { Vec2 } from './movement';
import type { TelegraphShape } from '../content/npc-schema';

/**
 * A circle of radius `r` around (x, y), or a line from (x, y) `len` metres long in
 * direction `dir` (radians, 0 = +x, growing towards +y) and 2 × `r` wide.
 */
export type TelegraphArea =
  | { shape: Extract<TelegraphShape, 'circle'>; x: number; y: number; r: number }
  | {
      shape: Extract<TelegraphShape, 'line'>;
      x: number;
      y: number;
      r: number;
      len: number;
      dir: number;
    };

/** Inside (edges included): what an impact hits. */
export function insideTelegraph(a: TelegraphArea, p: Vec2): boolean {
  const dx = p.x - a.x;
  const dy = p.y - a.y;
  if (a.shape === 'circle') return dx * dx + dy * dy <= a.r * a.r;
  // along and across the line's axis
  const along = dx * Math.cos(a.dir) + dy * Math.sin(a.dir);
  const across = -dx * Math.sin(a.dir) + dy * Math.cos(a.dir);
  return along >= 0 && along <= a.len && Math.abs(across) <= a.r;
}

/** A circle holding the whole area (for a proximity query before the exact test). */
export function telegraphBounds(a: TelegraphArea): { x: number; y: number; r: number } {
  if (a.shape === 'circle') return { x: a.x, y: a.y, r: a.r };
  const half = a.len / 2;
  return {
    x: a.x + Math.cos(a.dir) * half,
    y: a.y + Math.sin(a.dir) * half,
    r: Math.hypot(half, a.r),
  };
}
