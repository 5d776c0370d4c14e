/**
 * The numbers a fighter attacks and defends with, whoever it is: players derive
 * them from attributes and gear (deriveStats), NPCs read them off their template.
 */
import type { Attributes } from '../content/attributes';
import type { NpcTemplate } from '../content/npc-schema';
import type { DerivedStats } from './stats';

export type CombatStats = Pick<
  DerivedStats,
  'damageMin' | 'damageMax' | 'damageType' | 'attackSpeed' | 'range' | 'critChance' | 'armor'
> & {
  resist: Partial<DerivedStats['resist']>;
  /** attributes including item bonuses (Reflexes: hit, Cool: crit multiplier, the rest scale ability damage) */
  attributes: Attributes;
};

/** From a player's derived stats. */
export function playerCombatStats(d: DerivedStats): CombatStats {
  return {
    damageMin: d.damageMin,
    damageMax: d.damageMax,
    damageType: d.damageType,
    attackSpeed: d.attackSpeed,
    range: d.range,
    critChance: d.critChance,
    armor: d.armor,
    resist: { ...d.resist },
    attributes: { ...d.attributes },
  };
}

/** NPCs have no attributes: they fight with their template's flat numbers and a 5 % crit chance. */
export function npcCombatStats(t: NpcTemplate): CombatStats {
  return {
    damageMin: t.damageMin,
    damageMax: t.damageMax,
    damageType: t.damageType,
    attackSpeed: t.attackSpeed,
    range: t.range,
    critChance: 0.05,
    armor: t.armor,
    resist: { ...t.resist },
    attributes: { body: 0, reflexes: 0, technical: 0, intelligence: 0, cool: 0 },
  };
}
