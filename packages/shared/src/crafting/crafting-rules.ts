/**
 * Crafting and salvage rules: pure and deterministic. A craft's outcome depends only
 * on (seed, skill, recipe), a salvage's only on (seed, template), so the server
 * records the seed and the rolls and a retry with the same idempotency key replays
 * the same outcome. Content: content/recipes.ts, content/salvage.ts.
 *
 * The numbers, at a glance (`d` = skill − recipe difficulty):
 * - success: 85 % at d = 0, +1.5 % per point (100 % from d = +10), −1.5 % per point
 *   below, never under 25 %;
 * - skill-up (success only, +1, never above MAX_CRAFT_SKILL): by the recipe's colour —
 *   orange (d ≤ 0) 100 %, yellow (d 1–9) 75 %, green (d 10–24) 25 %, grey (d ≥ 25) 0 %;
 * - quality (success only), standard/fine/superior/masterwork: 80/15/4/1 % at d = 0;
 *   each point above moves 0.5 % to fine, 0.15 % to superior and 0.05 % to masterwork
 *   (0.7 % from standard), up to d = +40 (52/35/10/3 %); each point below moves it
 *   back, down to d = −20 (94/5/1/0 %);
 * - failure: consumes half of each input (rounded down), at least one unit of the
 *   first input; no output, no skill-up.
 */
import { itemTemplateById } from '../content/items';
import type { ItemTemplate } from '../content/item-schema';
import { MAX_CRAFT_SKILL, type Recipe, type RecipeItem } from '../content/recipe-schema';
import { salvageTableFor } from '../content/salvage';
import type { SalvageTable } from '../content/salvage-schema';

// ── success ─────────────────────────────────────────────────────────────────

/** Success chance when the skill equals the recipe's difficulty. */
export const CRAFT_SUCCESS_AT_DIFFICULTY = 0.85;
/** Success chance gained per skill point above the difficulty (lost per point below). */
export const CRAFT_SUCCESS_PER_POINT = 0.015;
/** No craft the crafter may attempt fails more often than this allows (25 % success). */
export const CRAFT_SUCCESS_FLOOR = 0.25;

// ── skill-up ────────────────────────────────────────────────────────────────

/** Skill points a successful craft adds when the skill-up roll hits. */
export const SKILL_GAIN_PER_SUCCESS = 1;
/** How a recipe looks to a crafter, by skill above its difficulty (WoW's colours). */
export const RECIPE_COLORS = ['orange', 'yellow', 'green', 'grey'] as const;
export type RecipeColor = (typeof RECIPE_COLORS)[number];
/** Skill points above the difficulty from which a recipe is yellow (below: orange). */
export const YELLOW_FROM = 1;
/** Skill points above the difficulty from which a recipe is green. */
export const GREEN_FROM = 10;
/** Skill points above the difficulty from which a recipe is grey (teaches nothing). */
export const GREY_FROM = 25;
/** Chance that a successful craft raises the skill, by the recipe's colour. */
export const SKILL_GAIN_CHANCE: Readonly<Record<RecipeColor, number>> = {
  orange: 1,
  yellow: 0.75,
  green: 0.25,
  grey: 0,
};

// ── quality ─────────────────────────────────────────────────────────────────

/** Quality of a crafted item, worst to best. */
export const QUALITY_TIERS = ['standard', 'fine', 'superior', 'masterwork'] as const;
export type QualityTier = (typeof QUALITY_TIERS)[number];
/** Odds in basis points (1/10 000) at skill = difficulty: 80 / 15 / 4 / 1 %. */
export const QUALITY_BASE_BP: Readonly<Record<QualityTier, number>> = {
  standard: 8000,
  fine: 1500,
  superior: 400,
  masterwork: 100,
};
/** Basis points each skill point above the difficulty moves from standard to a better tier. */
export const QUALITY_SHIFT_BP_PER_POINT: Readonly<
  Record<Exclude<QualityTier, 'standard'>, number>
> = { fine: 50, superior: 15, masterwork: 5 };
/** Skill above the difficulty stops improving quality here (+40: 52 / 35 / 10 / 3 %). */
export const QUALITY_MAX_ABOVE = 40;
/** Skill below the difficulty stops worsening quality here (−20: 94 / 5 / 1 / 0 %). */
export const QUALITY_MAX_BELOW = 20;
const BP = 10_000;

// ── failure ─────────────────────────────────────────────────────────────────

/** Share of each input a failed craft consumes (rounded down per input). */
export const FAILURE_LOSS_FRACTION = 0.5;

// ── the pure rules ──────────────────────────────────────────────────────────

function checkSkill(skill: number) {
  if (!Number.isInteger(skill) || skill < 0 || skill > MAX_CRAFT_SKILL)
    throw new RangeError(`bad crafting skill ${skill}`);
}
function checkDifficulty(difficulty: number) {
  if (!Number.isInteger(difficulty) || difficulty < 1 || difficulty > MAX_CRAFT_SKILL)
    throw new RangeError(`bad recipe difficulty ${difficulty}`);
}

/** The recipe's colour for a crafter: orange at or below its difficulty, then yellow, green, grey. */
export function recipeColor(skill: number, difficulty: number): RecipeColor {
  checkSkill(skill);
  checkDifficulty(difficulty);
  const above = skill - difficulty;
  if (above >= GREY_FROM) return 'grey';
  if (above >= GREEN_FROM) return 'green';
  if (above >= YELLOW_FROM) return 'yellow';
  return 'orange';
}

/** Chance in [CRAFT_SUCCESS_FLOOR, 1] that a craft succeeds. */
export function craftSuccessChance(skill: number, difficulty: number): number {
  checkSkill(skill);
  checkDifficulty(difficulty);
  const chance = CRAFT_SUCCESS_AT_DIFFICULTY + (skill - difficulty) * CRAFT_SUCCESS_PER_POINT;
  // rounded to whole basis points: 0.85 + 10 × 0.015 is exactly 1, not 0.9999999999999999
  return Math.round(Math.min(1, Math.max(CRAFT_SUCCESS_FLOOR, chance)) * BP) / BP;
}

/** Chance that a successful craft raises the skill (0 at MAX_CRAFT_SKILL). */
export function skillGainChance(skill: number, difficulty: number): number {
  const color = recipeColor(skill, difficulty);
  return skill >= MAX_CRAFT_SKILL ? 0 : SKILL_GAIN_CHANCE[color];
}

/** Odds of each tier in basis points (integers summing to 10 000). */
export function qualityOddsBp(skill: number, difficulty: number): Record<QualityTier, number> {
  checkSkill(skill);
  checkDifficulty(difficulty);
  const d = Math.min(QUALITY_MAX_ABOVE, Math.max(-QUALITY_MAX_BELOW, skill - difficulty));
  const fine = QUALITY_BASE_BP.fine + d * QUALITY_SHIFT_BP_PER_POINT.fine;
  const superior = QUALITY_BASE_BP.superior + d * QUALITY_SHIFT_BP_PER_POINT.superior;
  const masterwork = QUALITY_BASE_BP.masterwork + d * QUALITY_SHIFT_BP_PER_POINT.masterwork;
  return { standard: BP - fine - superior - masterwork, fine, superior, masterwork };
}

/** Probability of each quality tier on a successful craft (they sum to 1). */
export function qualityOdds(skill: number, difficulty: number): Record<QualityTier, number> {
  const bp = qualityOddsBp(skill, difficulty);
  return {
    standard: bp.standard / BP,
    fine: bp.fine / BP,
    superior: bp.superior / BP,
    masterwork: bp.masterwork / BP,
  };
}

/** The tier a roll in [0, 1) lands on: standard for the lowest rolls, masterwork for the highest. */
export function qualityForRoll(roll: number, skill: number, difficulty: number): QualityTier {
  const bp = qualityOddsBp(skill, difficulty);
  const at = Math.floor(roll * BP);
  let upTo = 0;
  for (const tier of QUALITY_TIERS) {
    upTo += bp[tier];
    if (at < upTo) return tier;
  }
  return 'masterwork';
}

/**
 * What a failed craft consumes: ⌊FAILURE_LOSS_FRACTION × quantity⌋ of each input,
 * in recipe order; when that is nothing at all (every input is a single unit), one
 * unit of the first input. Inputs that lose nothing are left out.
 */
export function failureLoss(inputs: readonly RecipeItem[]): RecipeItem[] {
  const lost = inputs
    .map((i) => ({
      templateId: i.templateId,
      quantity: Math.floor(i.quantity * FAILURE_LOSS_FRACTION),
    }))
    .filter((i) => i.quantity > 0);
  const first = inputs[0];
  return lost.length > 0 || !first ? lost : [{ templateId: first.templateId, quantity: 1 }];
}

// ── seeded rolls ────────────────────────────────────────────────────────────

/** FNV-1a (32-bit) of the seed's UTF-16 code units: the PRNG's starting state. */
export function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * A deterministic stream of numbers in [0, 1) for a seed string: mulberry32 seeded
 * with hashSeed(seed). The same seed always gives the same stream, on every engine.
 */
export function seededStream(seed: string): () => number {
  if (seed.length === 0) throw new RangeError('empty seed');
  let a = hashSeed(seed);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The three rolls of a craft, drawn in this order from seededStream(seed). */
export interface CraftRolls {
  success: number;
  quality: number;
  skill: number;
}

export function craftRolls(seed: string): CraftRolls {
  const next = seededStream(seed);
  const success = next();
  const quality = next();
  const skill = next();
  return { success, quality, skill };
}

export interface CraftOutcome {
  success: boolean;
  /** null when the craft failed */
  quality: QualityTier | null;
  skillUp: boolean;
  /** the skill after this craft */
  skillAfter: number;
  /** what the craft takes from the reserved inputs (all of them on success) */
  consumed: RecipeItem[];
  /** what it creates; null when it failed */
  output: RecipeItem | null;
  /** the rolls, to record with the seed */
  rolls: CraftRolls;
  /** the chances the success and skill rolls were compared against */
  chances: { success: number; skillGain: number };
}

/**
 * Resolves one craft. A roll below a chance hits: success when rolls.success <
 * craftSuccessChance, a skill-up when rolls.skill < skillGainChance (success only),
 * the tier from rolls.quality (qualityForRoll). The caller checks that the crafter
 * knows the recipe; a skill below its skillReq is refused here with a RangeError.
 */
export function resolveCraft(input: { seed: string; skill: number; recipe: Recipe }): CraftOutcome {
  const { seed, skill, recipe } = input;
  checkSkill(skill);
  if (skill < recipe.skillReq)
    throw new RangeError(`skill ${skill} is below ${recipe.id}'s requirement ${recipe.skillReq}`);
  const rolls = craftRolls(seed);
  const chances = {
    success: craftSuccessChance(skill, recipe.difficulty),
    skillGain: skillGainChance(skill, recipe.difficulty),
  };
  if (rolls.success >= chances.success)
    return {
      success: false,
      quality: null,
      skillUp: false,
      skillAfter: skill,
      consumed: failureLoss(recipe.inputs),
      output: null,
      rolls,
      chances,
    };
  const skillUp = rolls.skill < chances.skillGain;
  return {
    success: true,
    quality: qualityForRoll(rolls.quality, skill, recipe.difficulty),
    skillUp,
    skillAfter: Math.min(MAX_CRAFT_SKILL, skill + (skillUp ? SKILL_GAIN_PER_SUCCESS : 0)),
    consumed: recipe.inputs.map((i) => ({ ...i })),
    output: { ...recipe.output },
    rolls,
    chances,
  };
}

export interface SalvageOutcome {
  tableId: string;
  /** materials yielded, in table order (empty if every chance missed) */
  materials: RecipeItem[];
}

/**
 * Salvages one item: for each yield of its table, two draws from seededStream(seed) —
 * the chance (hit when below it), then the quantity, uniform in min..max. Both draws
 * are taken even on a miss, so each yield always reads the same place in the stream.
 * An item salvageTableFor does not cover is refused with a RangeError (the caller
 * checks first).
 */
export function resolveSalvage(input: {
  seed: string;
  template: Pick<ItemTemplate, 'id' | 'kind' | 'rarity'>;
}): SalvageOutcome {
  const table = salvageTableFor(input.template);
  if (!table) throw new RangeError(`${input.template.id} cannot be salvaged`);
  const next = seededStream(input.seed);
  const materials: RecipeItem[] = [];
  for (const y of table.yields) {
    const hit = next() < y.chance;
    const quantity = y.min + Math.floor(next() * (y.max - y.min + 1));
    if (hit) materials.push({ templateId: y.templateId, quantity });
  }
  return { tableId: table.id, materials };
}

// ── value (for the no-loop checks and the UI) ───────────────────────────────

const valueOf = (templateId: string) => {
  const t = itemTemplateById(templateId);
  if (!t) throw new RangeError(`unknown item template ${templateId}`);
  return t.value;
};

/** Σ value × quantity: what a list of items is worth at base price. */
export const itemsValue = (items: readonly RecipeItem[]): number =>
  items.reduce((sum, i) => sum + valueOf(i.templateId) * i.quantity, 0);

/** The most a salvage table can ever yield, at base price (every yield hit at its max). */
export const salvageMaxValue = (table: SalvageTable): number =>
  table.yields.reduce((sum, y) => sum + valueOf(y.templateId) * y.max, 0);
