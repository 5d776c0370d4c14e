/**
 * Progression tuning: the XP curve, attribute points, skill curve and respec price.
 * Numbers live here (content); rules/progression.ts turns them into answers.
 */

export const LEVEL_CAP = 50;
/** Attribute points granted on each level-up (none at creation). */
export const ATTRIBUTE_POINTS_PER_LEVEL = 1;
/** No attribute may be raised above this by spending points (AttributesSchema allows 20). */
export const ATTRIBUTE_MAX = 20;

/** XP from level L to L+1 = XP_BASE × L^XP_EXPONENT, rounded to tens. */
export const XP_BASE = 100;
export const XP_EXPONENT = 1.5;

/**
 * XP_TO_NEXT[L] is what level L needs to reach L+1 (index 0 unused, the cap has
 * none). Precomputed so the curve is a visible table, not hidden arithmetic.
 */
export const XP_TO_NEXT: readonly number[] = Array.from({ length: LEVEL_CAP }, (_, level) =>
  level === 0 ? 0 : Math.round((XP_BASE * level ** XP_EXPONENT) / 10) * 10,
);

/** Skills grow by use from 0 to SKILL_LEVEL_CAP. */
export const SKILL_LEVEL_CAP = 20;
/** Skill XP from level S to S+1 = SKILL_XP_BASE × (S+1)^SKILL_XP_EXPONENT, rounded. */
export const SKILL_XP_BASE = 50;
export const SKILL_XP_EXPONENT = 1.5;

/** Respec price: (base + perLevel × level) × (1 + respecs bought so far), the multiplier capped. */
export const RESPEC_BASE_COST = 100;
export const RESPEC_COST_PER_LEVEL = 50;
export const RESPEC_MAX_MULTIPLIER = 10;
