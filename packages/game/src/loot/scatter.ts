import { clampToBounds, type Bounds, type Vec2 } from '@necp/shared';
import type { Rng } from '../core/rng';

/** Drops land within this many metres of where they fell, so several stay tellable apart. */
export const SCATTER_RADIUS = 1.5;

/**
 * `count` positions around `at`: the first 0.3–SCATTER_RADIUS m away in a random
 * direction, each kept inside the zone. Uses the injected RNG, so a test can replay it.
 */
export function scatterAround(at: Vec2, count: number, rng: Rng, bounds: Bounds): Vec2[] {
  const out: Vec2[] = [];
  for (let i = 0; i < count; i++) {
    const angle = rng.float() * 2 * Math.PI;
    const r = 0.3 + rng.float() * (SCATTER_RADIUS - 0.3);
    out.push(
      clampToBounds({ x: at.x + Math.cos(angle) * r, y: at.y + Math.sin(angle) * r }, bounds),
    );
  }
  return out;
}
