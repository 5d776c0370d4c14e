/**
 * Skill checks for dialogue and quests: d20 + modifier against a difficulty (DC).
 * A natural 20 always succeeds and a natural 1 always fails, so no check is ever
 * certain. Randomness comes from the injected rng (the same interface combat uses).
 */
import type { CombatRng } from './combat';

/** Named DCs content can use instead of raw numbers. */
export const SKILL_CHECK_DC = {
  trivial: 5,
  easy: 8,
  moderate: 12,
  hard: 16,
  very_hard: 20,
  legendary: 25,
} as const;

/**
 * Modifier for an attribute value (1–20): floor((value − 5) / 2). A fresh
 * character's 5 is +0, the minimum 1 is −2 and the maximum 20 is +7, so a maxed
 * attribute makes a hard (16) check a 60 % chance rather than a certainty.
 */
export function attributeModifier(value: number): number {
  return Math.floor((Math.trunc(value) - 5) / 2);
}

export interface SkillCheckInput {
  modifier: number;
  difficulty: number;
}

export interface SkillCheckResult {
  /** the natural d20 */
  roll: number;
  modifier: number;
  total: number;
  difficulty: number;
  success: boolean;
  critical: 'success' | 'failure' | null;
}

export function rollSkillCheck(input: SkillCheckInput, rng: CombatRng): SkillCheckResult {
  const roll = rng.int(1, 20);
  if (!Number.isInteger(roll) || roll < 1 || roll > 20)
    throw new RangeError(`d20 roll out of range: ${roll}`);
  const total = roll + input.modifier;
  const critical = roll === 20 ? 'success' : roll === 1 ? 'failure' : null;
  const success = critical === 'success' || (critical === null && total >= input.difficulty);
  return { roll, modifier: input.modifier, total, difficulty: input.difficulty, success, critical };
}

/** Exact chance a check succeeds (0.05–0.95), for showing odds in the dialogue UI. */
export function skillCheckChance(input: SkillCheckInput): number {
  // the lowest succeeding roll, kept in 2..20 because 1 always fails and 20 always succeeds
  const needed = Math.min(20, Math.max(2, Math.ceil(input.difficulty - input.modifier)));
  return (21 - needed) / 20;
}
