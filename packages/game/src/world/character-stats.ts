import {
  BASE_MOVE_SPEED,
  EQUIPMENT_SLOTS,
  carriedWeight,
  deriveStats,
  encumbrance,
  playerCombatStats,
  type CombatStats,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { templateContent } from '../inventory/templates';
import { weaponSkillId } from '../combat/weapon-skill';
import { characterNotFound } from '../core/errors';

/** The weapon in hand, as the sim reports its use (combat wear, skill XP). */
export interface WeaponInHand {
  itemId: string;
  templateId: string;
  /** the skill it trains (weaponSkillId) */
  skillId: string | null;
}

/** What the sim simulates a character with (and reports in char:stats). */
export interface CharacterStats {
  level: number;
  /** content class id (solo, netrunner …): picks the ability bar */
  classId: string;
  health: number;
  maxHealth: number;
  /** m/s */
  speed: number;
  /** kg carried in bag and equipment */
  weight: number;
  /** kg carried without slowing down */
  carryWeight: number;
  /** what the character attacks and defends with (attributes and working gear) */
  combat: CombatStats;
  /** the working (not broken) weapon in the main hand; null: fists */
  weapon: WeaponInHand | null;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const MAIN_HAND = EQUIPMENT_SLOTS.indexOf('main_hand');

/**
 * Reads attributes, equipment and everything carried, and derives the stats the
 * sim needs: speed = BASE_MOVE_SPEED × item move-speed bonus × encumbrance, so a
 * character over its carry weight slows down (never below the encumbrance floor).
 * Broken gear (durability 0) gives no bonuses but still weighs.
 */
export async function loadCharacterStats(
  deps: Pick<GameDeps, 'db'>,
  characterId: string,
): Promise<CharacterStats> {
  const c = await deps.db.character.findFirst({
    where: { id: characterId, deletedAt: null },
    include: {
      items: {
        where: { container: { in: ['BAG', 'EQUIPMENT'] } },
        include: { template: true },
      },
    },
  });
  if (!c) throw characterNotFound(characterId);
  return statsOf(c, c.items);
}

/** The rows loadCharacterStats (and loadSimEntry, in one query) derive stats from. */
export interface StatsCharacterRow {
  level: number;
  class: string;
  health: number;
  body: number;
  reflexes: number;
  technical: number;
  intelligence: number;
  cool: number;
}
export interface StatsItemRow {
  id: string;
  templateId: string;
  quantity: number;
  durability: number | null;
  container: string;
  slot: number;
  template: { id: string; data: unknown; weight: number };
}

/** Stats from the character's attributes and the stacks it carries in bag and equipment. */
export function statsOf(c: StatsCharacterRow, items: readonly StatsItemRow[]): CharacterStats {
  const working = items
    .filter((i) => i.container === 'EQUIPMENT' && (i.durability === null || i.durability > 0))
    .map((i) => ({ item: i, template: templateContent(i.template) }));
  const derived = deriveStats({
    attributes: {
      body: c.body,
      reflexes: c.reflexes,
      technical: c.technical,
      intelligence: c.intelligence,
      cool: c.cool,
    },
    level: c.level,
    equipped: working.map((w) => w.template),
  });
  const weight = carriedWeight(items);
  const speed = BASE_MOVE_SPEED * derived.moveSpeed * encumbrance(weight, derived.carryWeight);
  const inHand = working.find((w) => w.item.slot === MAIN_HAND && w.template.kind === 'weapon');
  return {
    level: c.level,
    classId: c.class,
    health: Math.min(c.health, derived.maxHealth),
    maxHealth: derived.maxHealth,
    speed: round2(speed),
    weight,
    carryWeight: derived.carryWeight,
    combat: playerCombatStats(derived),
    weapon: inHand
      ? {
          itemId: inHand.item.id,
          templateId: inHand.item.templateId,
          skillId: weaponSkillId(inHand.template),
        }
      : null,
  };
}
