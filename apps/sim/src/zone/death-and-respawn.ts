import { distance, type Vec2 } from '@necp/shared';
import type { AwardKillInput, RecordPlayerDeathInput } from '@necp/game';
import { actorOf, type Fighter } from '../combat/fighter';
import type { Npc } from '../npc/npc';
import type { Player } from './player';

/**
 * The kill an NPC's death pays out: every player that did it damage shares it,
 * including those that left since (`characterOf` remembers their eids).
 */
export function npcKill(
  zoneId: string,
  npc: Npc,
  characterOf: (eid: number) => string | undefined,
): AwardKillInput {
  const contributors: { characterId: string; damage: number }[] = [];
  for (const [eid, damage] of npc.damageBy) {
    const characterId = characterOf(eid);
    if (characterId && damage > 0) contributors.push({ characterId, damage });
  }
  const t = npc.template;
  return {
    zoneId,
    killKey: npc.lifeId,
    npc: {
      templateId: t.id,
      name: t.name,
      level: npc.level,
      rank: t.rank,
      lootTable: t.lootTable,
      x: npc.x,
      y: npc.y,
    },
    contributors,
  };
}

/** The death record of a player; a self-kill (or none) names no killer. */
export function playerDeath(
  zoneId: string,
  p: Player,
  killer: Fighter | undefined,
  now: number,
): RecordPlayerDeathInput {
  const k = killer && killer !== p ? actorOf(killer) : undefined;
  return {
    characterId: p.characterId,
    zoneId,
    x: p.x,
    y: p.y,
    killer: k
      ? { kind: k.sourceKind === 'npc' ? 'npc' : 'player', id: k.sourceId, name: k.sourceName }
      : null,
    // the outbox event key: a retried record lands once
    deathKey: `character.died:${p.characterId}:${p.combat.diedAt ?? now}`,
  };
}

/** The nearest medical centre, or the zone's default spawn if it has none. */
export function respawnPoint(medicalCenters: readonly Vec2[], p: Vec2, fallback: Vec2): Vec2 {
  let best: Vec2 | undefined;
  for (const m of medicalCenters) if (!best || distance(p, m) < distance(p, best)) best = m;
  return best ?? fallback;
}
