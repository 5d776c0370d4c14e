import { PARTY_SHARE_RANGE, type Vec2 } from '@necp/shared';
import type { Clock } from '@necp/game';
import type { CombatSink } from '../outcomes/combat-sink';
import type { CombatHooks } from '../combat/combat-world';
import type { NpcDirector } from '../npc/director';
import { npcKill, playerDeath } from './death-and-respawn';

export interface ZoneCombatHookDeps {
  zoneId: string;
  clock: Clock;
  npcs: NpcDirector;
  /** the zone's current sink (the server swaps in the database-backed one after start) */
  sink: () => CombatSink;
  /** the character of a player eid, also after it left (kill credit) */
  characterOf: (eid: number) => string | undefined;
  /** live players near a point, in id order (party members among them share a kill) */
  playersNear: (at: Vec2, range: number) => string[];
}

/**
 * Where a zone's combat outcomes go: damage and heals feed NPC threat, deaths
 * become kill payouts and death records, log rows and wear go to the sink.
 */
export function zoneCombatHooks(d: ZoneCombatHookDeps): CombatHooks {
  return {
    damaged: (target, source, amount, threat) => {
      if (target.kind === 'npc' && source.kind === 'player')
        d.npcs.onDamaged(target.eid, source.eid, amount, threat);
    },
    healed: (healer, target, amount) => {
      if (target.kind === 'player') d.npcs.onHealed(healer.eid, target.eid, amount);
    },
    died: (victim, killer) => {
      if (victim.kind === 'npc') {
        d.npcs.onDeath(victim.eid, d.clock.ms());
        d.sink().npcKilled({
          ...npcKill(d.zoneId, victim, d.characterOf),
          nearby: d.playersNear(victim, PARTY_SHARE_RANGE),
        });
        return;
      }
      // queued moves die with the player; the death record saves its 0 health
      victim.inputs = [];
      victim.savedHealth = 0;
      d.npcs.onPlayerGone(victim.eid);
      d.sink().playerDied(playerDeath(d.zoneId, victim, killer, d.clock.ms()));
    },
    log: (row) => d.sink().log(row),
    weaponUsed: (p) => d.sink().weaponUsed(p.characterId),
    hitTaken: (p) => d.sink().hitTaken(p.characterId),
  };
}
