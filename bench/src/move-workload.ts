/**
 * The move-only workload of issue 11 ("a full city in one zone"): bots spawn at
 * seeded points in a square sized so that about 15 % of the players are in each
 * player's view, and walk in a random direction that changes every 1.5–2.5 s
 * (seeded per bot), turning back at the square's edges. Pure: no sockets, no clock.
 */
import type { Vec2, ZoneContent } from '@necp/shared';

/** share of all players in each player's view (issue 11: ~30 of 200, ~150 of 1,000) */
export const VISIBLE_SHARE = 0.15;
/** a new direction every 1.5–2.5 s */
export const TURN_MIN_MS = 1_500;
export const TURN_MAX_MS = 2_500;

export interface Square {
  x: number;
  y: number;
  side: number;
}

/**
 * The side of a square in which a view disc of `viewRadius` covers `share` of the
 * area: π r² / side² = share. (Players near an edge see less of the square, so the
 * measured share is somewhat lower; the bench reports what the bots really saw.)
 */
export function spawnSquareSide(viewRadius: number, share = VISIBLE_SHARE): number {
  return Math.sqrt((Math.PI * viewRadius * viewRadius) / share);
}

/** That square, centred in `zone`; throws when the zone is too small to hold it. */
export function spawnSquare(
  zone: Pick<ZoneContent, 'id' | 'width' | 'height'>,
  viewRadius: number,
): Square {
  const side = spawnSquareSide(viewRadius);
  if (side > zone.width || side > zone.height)
    throw new Error(
      `a ${side.toFixed(0)} m spawn square does not fit in ${zone.id} (${zone.width}×${zone.height} m)`,
    );
  return { x: (zone.width - side) / 2, y: (zone.height - side) / 2, side };
}

export const insideObstacle = (zone: Pick<ZoneContent, 'obstacles'>, p: Vec2) =>
  zone.obstacles.some((o) => p.x >= o.x && p.x <= o.x + o.w && p.y >= o.y && p.y <= o.y + o.h);

/** `n` seeded points in the box `x`..`x + w`, `y`..`y + h`, none inside a building. */
export function freePoints(
  zone: Pick<ZoneContent, 'obstacles'>,
  box: { x: number; y: number; w: number; h: number },
  n: number,
  random: () => number,
): Vec2[] {
  return Array.from({ length: n }, () => {
    for (;;) {
      const p = { x: box.x + random() * box.w, y: box.y + random() * box.h };
      if (!insideObstacle(zone, p)) return p;
    }
  });
}

/** `n` seeded points in `square`, none inside a building. */
export function squareHomes(
  zone: Pick<ZoneContent, 'obstacles'>,
  square: Square,
  n: number,
  random: () => number,
): Vec2[] {
  return freePoints(zone, { x: square.x, y: square.y, w: square.side, h: square.side }, n, random);
}

/** A bot's heading over time: a seeded random direction, renewed every 1.5–2.5 s. */
export class DirectionSchedule {
  private dir: Vec2 = { x: 0, y: 0 };
  private nextTurnAt = -Infinity;

  constructor(private readonly random: () => number) {}

  /** The unit direction at `now` (ms), turning when the current one's time is up. */
  at(now: number): Vec2 {
    if (now >= this.nextTurnAt) {
      const a = this.random() * Math.PI * 2;
      this.dir = { x: Math.cos(a), y: Math.sin(a) };
      this.nextTurnAt = now + TURN_MIN_MS + this.random() * (TURN_MAX_MS - TURN_MIN_MS);
    }
    return this.dir;
  }

  /** Keeps the current direction but mirrored (`reflect` decided the bot is leaving its square). */
  set(dir: Vec2): void {
    this.dir = dir;
  }
}

/** `dir`, mirrored on each axis along which `p` is outside `square` and still heading out. */
export function reflect(p: Vec2, dir: Vec2, square: Square): Vec2 {
  const hi = { x: square.x + square.side, y: square.y + square.side };
  const x = (p.x <= square.x && dir.x < 0) || (p.x >= hi.x && dir.x > 0) ? -dir.x : dir.x;
  const y = (p.y <= square.y && dir.y < 0) || (p.y >= hi.y && dir.y > 0) ? -dir.y : dir.y;
  return { x, y };
}
