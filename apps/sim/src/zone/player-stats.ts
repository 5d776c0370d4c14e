import type { CharStatsMsg } from '@necp/shared';
import { barFor, type Player, type PlayerStats } from './player';

/** What new stats do to the simulated health (see Zone.setStats). */
export type HealthUpdate = 'keep' | 'take' | 'full';

/** Derived stats plus the encumbrance figures char:stats reports. */
export type StatsUpdate = PlayerStats & { weight?: number; carryWeight?: number };

/**
 * Applies derived stats to a player in the zone. A new level or class rebuilds
 * the ability bar. The dead keep their 0 health; the living get `update`'s health
 * (`keep` the simulated, `take` the loaded, `full` the maximum), capped at the new
 * maximum and never below 1. Returns whether what others see of it changed (another
 * weapon in hand): the caller describes it again.
 */
export function applyStats(p: Player, stats: PlayerStats, update: HealthUpdate): boolean {
  p.speed = stats.speed;
  const weapon = stats.weapon === undefined ? p.weapon : (stats.weapon?.templateId ?? null);
  const seen = weapon !== p.weapon;
  p.weapon = weapon;
  p.maxHealth = stats.maxHealth;
  if (stats.combat) p.combat.stats = stats.combat;
  const classId = stats.classId ?? p.classId;
  if (stats.level !== p.level || classId !== p.classId) {
    p.level = stats.level;
    p.classId = classId;
    p.abilities = barFor(classId, stats.level);
    p.combat.dirty = true;
  }
  if (p.combat.dead) return seen;
  const health = update === 'full' ? p.maxHealth : update === 'take' ? stats.health : p.health;
  p.health = Math.max(1, Math.min(health, p.maxHealth));
  return seen;
}

/** The char:stats message for a player after `stats` were applied. */
export function statsMsg(p: Player, stats: StatsUpdate): CharStatsMsg {
  return {
    speed: p.speed,
    maxHealth: p.maxHealth,
    health: p.health,
    level: p.level,
    weight: stats.weight ?? 0,
    carryWeight: stats.carryWeight ?? 0,
    weapon: p.weapon,
  };
}
