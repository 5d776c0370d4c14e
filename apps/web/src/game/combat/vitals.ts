/**
 * When health must grab the player's attention (pure): a hit is any drop in
 * health while alive; "low" is below LOW_HEALTH_FRACTION of the maximum.
 */
export const LOW_HEALTH_FRACTION = 0.3;

export interface Vitals {
  health: number;
  maxHealth: number;
  dead: boolean;
}

export function isLowHealth(v: Vitals): boolean {
  return !v.dead && v.maxHealth > 0 && v.health > 0 && v.health / v.maxHealth < LOW_HEALTH_FRACTION;
}

/** Health lost between two readings of the same character (0 when healed, respawned or unknown). */
export function damageTaken(prev: Vitals | null, next: Vitals): number {
  if (!prev || prev.dead || prev.maxHealth !== next.maxHealth) return 0;
  return Math.max(0, prev.health - next.health);
}
