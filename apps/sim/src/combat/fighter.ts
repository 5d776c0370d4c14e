import { NPC_ATTACK_ABILITY_ID } from '@necp/shared';
import type { CombatLogRow } from '@necp/game';
import type { Npc } from '../npc/npc';
import type { Player } from '../zone/player';

/** Anything that fights: a player or an NPC (both carry health and a CombatState). */
export type Fighter = Player | Npc;

/**
 * Players fight NPCs, NPCs never hurt NPCs; players hurt players only on opposing
 * teams (an arena instance gives teams; in the open world nobody has one).
 */
export const hostile = (a: Fighter, b: Fighter): boolean =>
  a.kind !== b.kind ||
  (a.kind === 'player' &&
    b.kind === 'player' &&
    a.team !== null &&
    b.team !== null &&
    a.team !== b.team);

/** Whether the ability is on the fighter's bar (players) or in its template (NPCs, plus the auto-attack). */
export function knowsAbility(f: Fighter, abilityId: string): boolean {
  if (f.kind === 'player') return f.abilities.includes(abilityId);
  return abilityId === NPC_ATTACK_ABILITY_ID || f.template.abilities.includes(abilityId);
}

/** A stable id for the combat log and logs: spawn area + index, not the per-process eid. */
const npcActorId = (n: Pick<Npc, 'spawnId' | 'index'>) => `npc:${n.spawnId}#${n.index}`;

/** Who a fighter is in the combat log: character id, or the NPC's stable spawn id. */
export function actorOf(
  f: Fighter | undefined,
): Pick<CombatLogRow, 'sourceKind' | 'sourceId' | 'sourceName'> {
  if (!f) return { sourceKind: 'unknown', sourceId: 'unknown', sourceName: 'unknown' };
  if (f.kind === 'player')
    return { sourceKind: 'player', sourceId: f.characterId, sourceName: f.name };
  return { sourceKind: 'npc', sourceId: npcActorId(f), sourceName: f.template.name };
}
