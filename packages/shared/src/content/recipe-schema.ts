/**
 * Crafting recipe content types. Data: recipes.ts (one file per discipline in
 * recipes/); the rules that resolve a craft: crafting/crafting-rules.ts.
 * checkContent (check-crafting.ts) verifies what a schema cannot see: the output
 * is an existing template of the discipline's kind, the inputs are materials a
 * player can obtain, and salvaging the output is worth less than the inputs.
 */
import { z } from 'zod';
import type { ItemKind } from './item-schema';
import { LEVEL_CAP } from './progression';

/** One crafting skill per discipline; each rises with use, 0 … MAX_CRAFT_SKILL. */
export const DISCIPLINES = ['weaponsmithing', 'armorcraft', 'chemistry', 'cybertech'] as const;
export type Discipline = (typeof DISCIPLINES)[number];

/** The item kind a discipline makes (weapons, armour, stims/medkits, chrome). */
export const DISCIPLINE_OUTPUT_KIND: Readonly<Record<Discipline, ItemKind>> = {
  weaponsmithing: 'weapon',
  armorcraft: 'armor',
  chemistry: 'consumable',
  cybertech: 'cyberware',
};

/** Highest crafting skill (and highest recipe difficulty). */
export const MAX_CRAFT_SKILL = 100;
/** Shortest and longest cast of a craft (ms); the server enforces the cast. */
export const CRAFT_CAST_MS_MIN = 1_000;
export const CRAFT_CAST_MS_MAX = 10_000;
/** Most distinct inputs a recipe takes. */
export const RECIPE_MAX_INPUTS = 5;

/** A template and a count: a recipe input or output, a consumed stack, a salvage yield. */
export const RecipeItemSchema = z.object({
  templateId: z.string().regex(/^[a-z0-9_]+$/),
  quantity: z.int().min(1).max(99),
});
export type RecipeItem = z.infer<typeof RecipeItemSchema>;

export const RecipeSchema = z
  .object({
    /** stable: learned recipes and craft records keep it */
    id: z.string().regex(/^[a-z0-9_]+$/),
    name: z.string().min(2),
    discipline: z.enum(DISCIPLINES),
    /** an item template of DISCIPLINE_OUTPUT_KIND[discipline] */
    output: RecipeItemSchema,
    /** materials, consumed in full on success (failure: crafting-rules failureLoss) */
    inputs: z.array(RecipeItemSchema).min(1).max(RECIPE_MAX_INPUTS),
    /**
     * The skill level the recipe is "orange" at: at or below it every success raises
     * the skill; above it the recipe turns yellow, green, then grey (crafting-rules).
     */
    difficulty: z.int().min(1).max(MAX_CRAFT_SKILL),
    /** the skill needed to learn and use it; 0 for starter recipes every crafter knows */
    skillReq: z.int().min(0).max(MAX_CRAFT_SKILL),
    /** how long the craft takes (ms) */
    castMs: z.int().min(CRAFT_CAST_MS_MIN).max(CRAFT_CAST_MS_MAX),
    /** character level needed to use it, if any */
    levelReq: z.int().min(1).max(LEVEL_CAP).optional(),
  })
  .refine((r) => new Set(r.inputs.map((i) => i.templateId)).size === r.inputs.length, {
    message: 'inputs must be distinct templates',
  })
  .refine((r) => r.inputs.every((i) => i.templateId !== r.output.templateId), {
    message: 'no input may be the output',
  })
  .refine((r) => r.skillReq <= r.difficulty, {
    message: 'skillReq must not exceed difficulty (a recipe is orange when learned)',
  });
export type Recipe = z.infer<typeof RecipeSchema>;
export type RecipeInput = z.input<typeof RecipeSchema>;
