/**
 * Loot table content types; rolled by rules/loot.ts with an injected seeded RNG.
 *
 * A table yields: every `guaranteed` entry, then for each group (independently)
 * with probability `chance` exactly one entry picked by weight, plus eddies.
 * An entry is one of
 * - `item`:  a template id;
 * - `table`: a nested table, rolled `min..max` times (cycles are skipped at run
 *            time and reported by checkContent);
 * - `pool`:  "any <kind>[/slot] near the roll's level" — a rarity is rolled from
 *            the table's `rarityWeights` (raised to the pool's `minRarity`), then
 *            one template with levelReq in [level − levelBelow, level + levelAbove]
 *            is picked uniformly among those of the rolled rarity — or, if there
 *            are none, of the nearest lower rarity down to `minRarity`, else of
 *            the nearest higher one. An empty window drops nothing.
 * Conditions (quest active, level range) gate a whole table, a guaranteed entry,
 * a group, or a single group entry (ineligible entries leave the weighted pick).
 */
import { z } from 'zod';
import { ITEM_KINDS, RARITIES, TEMPLATE_SLOTS } from './item-schema';

/** Conditions gate a table/entry/group; `questActive` is checked against the looter's active quests. */
export const LootConditionSchema = z.object({
  questActive: z.string().optional(),
  minLevel: z.int().min(1).optional(),
  maxLevel: z.int().max(50).optional(),
});
export type LootCondition = z.infer<typeof LootConditionSchema>;

/** Resolves to a template at roll time: see the file comment. */
export const LootPoolSchema = z.object({
  kind: z.enum(ITEM_KINDS),
  slot: z.enum(TEMPLATE_SLOTS).optional(),
  /** the rolled rarity is raised to at least this (bosses never drop commons) */
  minRarity: z.enum(RARITIES).optional(),
  /** templates qualify with levelReq in [level − levelBelow, level + levelAbove] */
  levelBelow: z.int().min(0).max(49).default(10),
  levelAbove: z.int().min(0).max(49).default(0),
});
export type LootPool = z.infer<typeof LootPoolSchema>;

/** Exactly one of item, table or pool, with a quantity range (times, for a table). */
export const LootRefSchema = z
  .object({
    item: z.string().optional(),
    table: z.string().optional(),
    pool: LootPoolSchema.optional(),
    min: z.int().min(1).default(1),
    max: z.int().min(1).default(1),
    condition: LootConditionSchema.optional(),
  })
  .refine(
    (r) => [r.item, r.table, r.pool].filter((x) => x !== undefined).length === 1,
    'exactly one of item, table or pool',
  )
  .refine((r) => r.max >= r.min, { message: 'max must be at least min' });
export type LootRef = z.infer<typeof LootRefSchema>;

export const LootEntrySchema = LootRefSchema.and(z.object({ weight: z.number().positive() }));
export type LootEntry = z.infer<typeof LootEntrySchema>;

export const LootGroupSchema = z.object({
  /** chance that this group drops anything at all */
  chance: z.number().min(0).max(1).default(1),
  /** at most one entry of a group drops, picked by weight */
  entries: z.array(LootEntrySchema).min(1),
  condition: LootConditionSchema.optional(),
});
export type LootGroup = z.infer<typeof LootGroupSchema>;

export const LootTableSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  /** a failed table condition makes the table (also as a nested table) yield nothing */
  condition: LootConditionSchema.optional(),
  /** always drop */
  guaranteed: z.array(LootRefSchema).default([]),
  groups: z.array(LootGroupSchema).default([]),
  /** eddies; scaled by level when levelScaling is set */
  currency: z.object({ min: z.int().min(0), max: z.int().min(0) }).optional(),
  /** multiplies currency by (1 + levelScaling × (level − 1)) */
  levelScaling: z.number().min(0).default(0),
  /** weights of the rarity roll for this table's pool entries (default DEFAULT_RARITY_WEIGHTS) */
  rarityWeights: z.partialRecord(z.enum(RARITIES), z.number().min(0)).optional(),
});
export type LootTable = z.infer<typeof LootTableSchema>;
export type LootTableInput = z.input<typeof LootTableSchema>;
