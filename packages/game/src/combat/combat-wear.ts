import { EQUIPMENT_SLOTS } from '@necp/shared';
import { z } from 'zod';
import type { GameDeps } from '../core/deps';
import { isDomainError } from '../core/errors';
import type { Rng } from '../core/rng';
import { parseInput } from '../core/validation';
import { lockCharacter, lockCharacterItems } from '../core/row-locks';
import { templateContent } from '../inventory/templates';
import { gainSkillXp, type GainSkillXpResult } from '../progression/gain-skill-xp';
import { weaponSkillId } from './weapon-skill';
import { inTransaction } from '../core/transaction';

/** A weapon loses one durability point per this many uses (attacks and abilities). */
export const WEAPON_USES_PER_DURABILITY = 20;
/** Armour loses one durability point (on a random worn piece) per this many hits taken. */
export const HITS_PER_ARMOR_DURABILITY = 10;
/** Skill XP the weapon's skill gains per use. */
export const SKILL_XP_PER_WEAPON_USE = 1;

const count = z.int().min(0).max(1_000_000);
export const CombatWearInputSchema = z
  .array(z.object({ characterId: z.string().min(1), weaponUses: count, hitsTaken: count }))
  .max(1000);
export type CombatWearInput = z.input<typeof CombatWearInputSchema>;

export interface CombatWearResult {
  characterId: string;
  /** items whose durability changed, with the new value */
  worn: { itemId: string; durability: number }[];
  /** an item reached 0 here: its bonuses are gone, the sim should reload the stats */
  broke: boolean;
  /** weapon skill progress (null: no weapon in hand, or no uses) */
  skill: GainSkillXpResult | null;
}

/**
 * Wear from a batch of fighting, as the sim counted it per character. The
 * working weapon in hand loses a point per WEAPON_USES_PER_DURABILITY uses, and
 * each HITS_PER_ARMOR_DURABILITY hits taken cost a random working armour piece a
 * point. Fractions are rounded up or down at random in proportion, so batches of
 * any size wear gear at the same average rate. One transaction per character
 * (character → items locked); its weapon skill then gains XP like repairs grow
 * engineering. Characters gone meanwhile are skipped; another character's
 * failure is logged and does not stop the batch.
 */
export async function applyCombatWear(
  deps: Pick<GameDeps, 'db' | 'rng' | 'log'>,
  input: CombatWearInput,
): Promise<CombatWearResult[]> {
  const rows = parseInput(CombatWearInputSchema, input);
  const merged = new Map<string, { weaponUses: number; hitsTaken: number }>();
  for (const r of rows) {
    const m = merged.get(r.characterId) ?? { weaponUses: 0, hitsTaken: 0 };
    m.weaponUses += r.weaponUses;
    m.hitsTaken += r.hitsTaken;
    merged.set(r.characterId, m);
  }
  const out: CombatWearResult[] = [];
  for (const [characterId, use] of merged) {
    if (use.weaponUses === 0 && use.hitsTaken === 0) continue;
    try {
      out.push(await wearOne(deps, characterId, use));
    } catch (err) {
      if (isDomainError(err) && err.code === 'NOT_FOUND') continue;
      deps.log.error({ err, characterId }, 'combat wear failed');
    }
  }
  return out;
}

const MAIN_HAND = EQUIPMENT_SLOTS.indexOf('main_hand');

async function wearOne(
  deps: Pick<GameDeps, 'db' | 'rng'>,
  characterId: string,
  use: { weaponUses: number; hitsTaken: number },
): Promise<CombatWearResult> {
  const { worn, skillId } = await inTransaction(deps.db, async (tx) => {
    await lockCharacter(tx, characterId);
    const items = await lockCharacterItems(tx, characterId);
    const templates = await tx.itemTemplate.findMany({
      where: { id: { in: [...new Set(items.map((i) => i.templateId))] } },
      select: { id: true, data: true },
    });
    const byId = new Map(templates.map((t) => [t.id, templateContent(t)]));
    const working = items
      .filter((i) => i.container === 'EQUIPMENT' && i.durability !== null && i.durability > 0)
      .map((i) => ({
        id: i.id,
        slot: i.slot,
        durability: i.durability ?? 0,
        t: byId.get(i.templateId),
      }));
    const next = new Map<string, number>();

    const weapon = working.find((w) => w.slot === MAIN_HAND && w.t?.kind === 'weapon');
    if (weapon) {
      const loss = randomRound(use.weaponUses / WEAPON_USES_PER_DURABILITY, deps.rng);
      if (loss > 0) next.set(weapon.id, Math.max(0, weapon.durability - loss));
    }
    const armour = working.filter((w) => w.t?.kind === 'armor');
    let armourLoss = randomRound(use.hitsTaken / HITS_PER_ARMOR_DURABILITY, deps.rng);
    while (armourLoss > 0) {
      const left = armour.filter((a) => (next.get(a.id) ?? a.durability) > 0);
      const piece = left[deps.rng.int(0, left.length - 1)];
      if (!piece) break;
      next.set(piece.id, (next.get(piece.id) ?? piece.durability) - 1);
      armourLoss--;
    }
    for (const [id, durability] of next)
      await tx.item.update({ where: { id }, data: { durability } });
    return {
      worn: [...next].map(([itemId, durability]) => ({ itemId, durability })),
      skillId: weapon?.t ? weaponSkillId(weapon.t) : null,
    };
  });

  // skill XP is progress, not wear: its own transaction after the wear, as for repairs
  const xp = use.weaponUses * SKILL_XP_PER_WEAPON_USE;
  const skill =
    skillId && xp > 0 ? await gainSkillXp(deps, { characterId, skillId, amount: xp }) : null;
  return { characterId, worn, broke: worn.some((w) => w.durability === 0), skill };
}

/** floor(v), plus one with probability frac(v): the expected value is exactly v. */
export function randomRound(v: number, rng: Rng): number {
  const whole = Math.floor(v);
  return whole + (rng.float() < v - whole ? 1 : 0);
}
