/**
 * A way round the city's buildings for `walkTo`: the shortest chain of corners (each
 * building grown by CLEARANCE) whose legs the keys can walk without touching one. A
 * leg is walked as the keys walk it — diagonally until one axis is done, then
 * straight — so it is that bent line, not the straight one, that must be clear.
 * Test code: players move by keys, the game has no route finding of its own.
 */
import { lineOfSight, zoneById, type Obstacle, type Vec2 } from '@necp/shared';

/** metres kept from a wall at a corner */
const CLEARANCE = 1.5;

/** The bend of a key-walked leg: where the diagonal ends. */
function bend(a: Vec2, b: Vec2): Vec2 {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const m = Math.min(Math.abs(dx), Math.abs(dy));
  return { x: a.x + Math.sign(dx) * m, y: a.y + Math.sign(dy) * m };
}

function walkable(a: Vec2, b: Vec2, obstacles: readonly Obstacle[]): boolean {
  const k = bend(a, b);
  return lineOfSight(a, k, obstacles) && lineOfSight(k, b, obstacles);
}

/**
 * Waypoints from `from` to `to` in zone `zoneId`, ending with `to`; just `[to]` when
 * the way is open, the zone unknown (an instance) or no way is found.
 */
export function routeTo(zoneId: string | null, from: Vec2, to: Vec2): Vec2[] {
  const zone = zoneId ? zoneById(zoneId) : undefined;
  if (!zone || walkable(from, to, zone.obstacles)) return [to];
  const inside = (p: Vec2) =>
    p.x >= 0 &&
    p.y >= 0 &&
    p.x <= zone.width &&
    p.y <= zone.height &&
    zone.obstacles.every((o) => !(p.x > o.x && p.x < o.x + o.w && p.y > o.y && p.y < o.y + o.h));
  const corners = zone.obstacles.flatMap((o) =>
    [
      { x: o.x - CLEARANCE, y: o.y - CLEARANCE },
      { x: o.x + o.w + CLEARANCE, y: o.y - CLEARANCE },
      { x: o.x - CLEARANCE, y: o.y + o.h + CLEARANCE },
      { x: o.x + o.w + CLEARANCE, y: o.y + o.h + CLEARANCE },
    ].filter(inside),
  );
  // Dijkstra over from, the corners and to (a few dozen nodes)
  const nodes = [from, ...corners, to];
  const dist = nodes.map((_, i) => (i === 0 ? 0 : Infinity));
  const prev = nodes.map(() => -1);
  const done = new Set<number>();
  for (;;) {
    let u = -1;
    for (let i = 0; i < nodes.length; i++)
      if (!done.has(i) && dist[i]! < Infinity && (u < 0 || dist[i]! < dist[u]!)) u = i;
    if (u < 0) return [to];
    if (u === nodes.length - 1) break;
    done.add(u);
    for (let v = 0; v < nodes.length; v++) {
      if (done.has(v)) continue;
      const a = nodes[u]!;
      const b = nodes[v]!;
      const d = dist[u]! + Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
      if (d < dist[v]! && walkable(a, b, zone.obstacles)) {
        dist[v] = d;
        prev[v] = u;
      }
    }
  }
  const out: Vec2[] = [];
  for (let i = nodes.length - 1; i > 0; i = prev[i]!) out.unshift(nodes[i]!);
  return out;
}
