import {
  AUTO_RESPAWN_MS,
  RESPAWN_DELAY_MS,
  abilityById,
  inCombat,
  type SelfCombatState,
} from '@necp/shared';
import type { CombatState } from './combat-state';

/**
 * The own character's combat state for the client, as times remaining at `now`.
 * Cooldowns that are over are dropped from the state here, so the map stays small.
 */
export function selfCombatState(f: { combat: CombatState }, now: number): SelfCombatState {
  const c = f.combat;
  const cd: SelfCombatState['cd'] = {};
  for (const [id, readyAt] of c.cooldowns) {
    if (readyAt <= now) {
      c.cooldowns.delete(id);
      continue;
    }
    cd[id] = [readyAt - now, abilityById(id)?.cooldownMs ?? readyAt - now];
  }
  const diedAt = c.diedAt ?? now;
  return {
    resource: Math.floor(c.resource),
    maxResource: c.maxResource,
    gcd: Math.max(0, c.gcdUntil - now),
    cd,
    cast: c.cast
      ? {
          ability: c.cast.abilityId,
          target: c.cast.targetEid,
          total: c.cast.endsAt - c.cast.startedAt,
          left: Math.max(0, c.cast.endsAt - now),
        }
      : null,
    dead: c.dead
      ? {
          canRespawnIn: Math.max(0, diedAt + RESPAWN_DELAY_MS - now),
          autoRespawnIn: Math.max(0, diedAt + AUTO_RESPAWN_MS - now),
        }
      : null,
    inCombat: inCombat(c.lastCombatAt, now),
  };
}
