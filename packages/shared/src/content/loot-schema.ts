/** Loot table content types; rolled by rules/loot.ts with an injected seeded RNG. */
import { z } from 'zod';
import { RARITIES } from './item-schema';

/** Either an item template or a nested loot table, with a quantity range. */
export const LootRefSchema = z
  .object({
    item: z.string().optional(),
    table: z.string().optional(),
    min: z.int().min(1).default(1),
    max: z.int().min(1).default(1),
  })
  .refine((r) => (r.item === undefined) !== (r.table === undefined), {
    message: 'exactly one of item or table',
  })
  .refine((r) => r.max >= r.min, { message: 'max must be at least min' });

export const LootGroupSchema = z.object({
  /** chance that this group drops anything at all */
  chance: z.number().min(0).max(1).default(1),
  /** at most one entry of a group drops, picked by weight */
  entries: z.array(LootRefSchema.and(z.object({ weight: z.number().positive() }))).min(1),
});

/** Conditions gate an entry/group/table; quests wire `questActive` later. */
export const LootConditionSchema = z.object({
  questActive: z.string().optional(),
  minLevel: z.int().min(1).optional(),
  maxLevel: z.int().max(50).optional(),
});

export const LootTableSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  /** always drop */
  guaranteed: z
    .array(LootRefSchema.and(z.object({ condition: LootConditionSchema.optional() })))
    .default([]),
  groups: z
    .array(LootGroupSchema.and(z.object({ condition: LootConditionSchema.optional() })))
    .default([]),
  /** eddies; scaled by level when levelScaling is set */
  currency: z.object({ min: z.int().min(0), max: z.int().min(0) }).optional(),
  /** multiplies currency by (1 + levelScaling × (level − 1)) */
  levelScaling: z.number().min(0).default(0),
  /**
   * Rarity roll: weights per rarity; when set, item entries may be upgraded to the
   * rolled rarity's variant of the same base (see rules/loot.ts).
   */
  rarityWeights: z.partialRecord(z.enum(RARITIES), z.number().min(0)).optional(),
});
export type LootTable = z.infer<typeof LootTableSchema>;
export type LootTableInput = z.input<typeof LootTableSchema>;
