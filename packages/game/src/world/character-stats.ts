import { BASE_MOVE_SPEED, carriedWeight, deriveStats, encumbrance } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { characterNotFound } from '../characters/get-owned-character';
import { templateContent } from '../inventory/templates';

/** What the sim simulates a character with (and reports in char:stats). */
export interface CharacterStats {
  level: number;
  health: number;
  maxHealth: number;
  /** m/s */
  speed: number;
  /** kg carried in bag and equipment */
  weight: number;
  /** kg carried without slowing down */
  carryWeight: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

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
  const equipped = c.items
    .filter((i) => i.container === 'EQUIPMENT' && (i.durability === null || i.durability > 0))
    .map((i) => templateContent(i.template));
  const derived = deriveStats({
    attributes: {
      body: c.body,
      reflexes: c.reflexes,
      technical: c.technical,
      intelligence: c.intelligence,
      cool: c.cool,
    },
    level: c.level,
    equipped,
  });
  const weight = carriedWeight(c.items);
  const speed = BASE_MOVE_SPEED * derived.moveSpeed * encumbrance(weight, derived.carryWeight);
  return {
    level: c.level,
    health: Math.min(c.health, derived.maxHealth),
    maxHealth: derived.maxHealth,
    speed: round2(speed),
    weight,
    carryWeight: derived.carryWeight,
  };
}
