/**
 * Level, XP, attribute points, skills and respec price. `Character.xp` holds the
 * TOTAL xp earned, so the level is a function of it and can always be recomputed.
 */
import {
  ATTRIBUTE_POINTS_PER_LEVEL,
  LEVEL_CAP,
  RESPEC_BASE_COST,
  RESPEC_COST_PER_LEVEL,
  RESPEC_MAX_MULTIPLIER,
  SKILL_LEVEL_CAP,
  SKILL_XP_BASE,
  SKILL_XP_EXPONENT,
  XP_TO_NEXT,
} from '../content/progression';
import { skillById, type Perk } from '../content/skills';

export { ATTRIBUTE_POINTS_PER_LEVEL, LEVEL_CAP, SKILL_LEVEL_CAP };

const clampLevel = (level: number) => Math.min(LEVEL_CAP, Math.max(1, Math.floor(level)));

/** XP needed to go from `level` to `level + 1`; 0 at the cap (there is no next level). */
export function xpToNextLevel(level: number): number {
  const l = clampLevel(level);
  return l >= LEVEL_CAP ? 0 : (XP_TO_NEXT[l] ?? 0);
}

/** Total XP at which `level` is reached (level 1 = 0). */
export function totalXpForLevel(level: number): number {
  const l = clampLevel(level);
  let sum = 0;
  for (let i = 1; i < l; i++) sum += XP_TO_NEXT[i] ?? 0;
  return sum;
}

/** Total XP a character can hold: anything beyond the cap's threshold is not kept. */
export const MAX_TOTAL_XP = totalXpForLevel(LEVEL_CAP);

export function levelForTotalXp(xp: number): number {
  let level = 1;
  let need = 0;
  while (level < LEVEL_CAP) {
    need += XP_TO_NEXT[level] ?? 0;
    if (xp < need) break;
    level++;
  }
  return level;
}

/** Where a total XP stands inside its level, for progress bars. `toNext` is null at the cap. */
export function levelProgress(totalXp: number): {
  level: number;
  intoLevel: number;
  toNext: number | null;
} {
  const level = levelForTotalXp(totalXp);
  return {
    level,
    intoLevel: Math.max(0, totalXp - totalXpForLevel(level)),
    toNext: level >= LEVEL_CAP ? null : xpToNextLevel(level),
  };
}

/** Points a character of this level has earned in total (spent or not). */
export const attributePointsEarned = (level: number) =>
  (clampLevel(level) - 1) * ATTRIBUTE_POINTS_PER_LEVEL;

/** Skill XP from skill level `level` to `level + 1`; 0 at the skill cap. */
export function skillXpToNext(level: number): number {
  if (level >= SKILL_LEVEL_CAP) return 0;
  return Math.round(SKILL_XP_BASE * (Math.max(0, level) + 1) ** SKILL_XP_EXPONENT);
}

/** Total skill XP at which a skill level is reached (level 0 = 0). */
export function skillTotalXpForLevel(level: number): number {
  let sum = 0;
  for (let i = 0; i < Math.min(level, SKILL_LEVEL_CAP); i++) sum += skillXpToNext(i);
  return sum;
}

export const MAX_SKILL_XP = skillTotalXpForLevel(SKILL_LEVEL_CAP);

export function skillLevelForXp(xp: number): number {
  let level = 0;
  let need = 0;
  while (level < SKILL_LEVEL_CAP) {
    need += skillXpToNext(level);
    if (xp < need) break;
    level++;
  }
  return level;
}

/** Perks of a skill unlocked at `level` (unknown skill → none). */
export function unlockedPerks(skillId: string, level: number): Perk[] {
  return skillById(skillId)?.perks.filter((p) => p.level <= level) ?? [];
}

/** Eddies the next respec costs: grows with level and with every respec bought. */
export function respecCost(level: number, respecCount: number): number {
  const mult = Math.min(RESPEC_MAX_MULTIPLIER, 1 + Math.max(0, respecCount));
  return (RESPEC_BASE_COST + RESPEC_COST_PER_LEVEL * clampLevel(level)) * mult;
}
