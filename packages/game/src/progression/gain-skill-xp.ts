import {
  GainSkillXpInputSchema,
  MAX_SKILL_XP,
  skillLevelForXp,
  unlockedPerks,
  type GainSkillXpInput,
  type Perk,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { lockCharacter } from '../core/row-locks';
import { inTransaction } from '../core/transaction';

export interface GainSkillXpResult {
  skillId: string;
  xp: number;
  level: number;
  levelsGained: number;
  /** perks unlocked by this gain (the sim announces them) */
  newPerks: Perk[];
}

/**
 * Skill XP from use (the sim after a shot, a hack, a heal; quests). Stops at the
 * skill cap. Locks the character row so concurrent gains on one skill add up.
 */
export async function gainSkillXp(
  deps: Pick<GameDeps, 'db'>,
  input: GainSkillXpInput,
): Promise<GainSkillXpResult> {
  const { characterId, skillId, amount } = parseInput(GainSkillXpInputSchema, input);
  return inTransaction(deps.db, async (tx) => {
    await lockCharacter(tx, characterId);
    const key = { characterId_skillId: { characterId, skillId } };
    const row = await tx.characterSkill.findUnique({ where: key });
    const beforeXp = row?.xp ?? 0;
    const before = skillLevelForXp(beforeXp);
    const xp = Math.min(MAX_SKILL_XP, beforeXp + amount);
    const level = skillLevelForXp(xp);
    await tx.characterSkill.upsert({
      where: key,
      create: { characterId, skillId, xp, level },
      update: { xp, level },
    });
    const had = new Set(unlockedPerks(skillId, before).map((p) => p.id));
    return {
      skillId,
      xp,
      level,
      levelsGained: level - before,
      newPerks: unlockedPerks(skillId, level).filter((p) => !had.has(p.id)),
    };
  });
}
