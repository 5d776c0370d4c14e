/**
 * Salvage content types. Data: salvage.ts; rolled by crafting/crafting-rules.ts
 * (resolveSalvage) on a seeded stream.
 *
 * Salvaging destroys one item and yields materials by the table of its kind and
 * rarity: for each yield, with probability `chance`, a quantity drawn uniformly
 * from `min..max`. checkContent (check-crafting.ts) verifies that the best case
 * (every yield at its max) is worth less than every item the table covers and
 * less than the inputs of every recipe that makes one, so neither "buy and
 * salvage" nor "craft and salvage" can make value.
 */
import { z } from 'zod';
import { RARITIES } from './item-schema';

/** Kinds that break into materials; consumables, materials, junk and quest items do not. */
export const SALVAGEABLE_KINDS = ['weapon', 'armor', 'cyberware'] as const;
export type SalvageableKind = (typeof SALVAGEABLE_KINDS)[number];

export const SalvageYieldSchema = z
  .object({
    /** a material template */
    templateId: z.string().regex(/^[a-z0-9_]+$/),
    min: z.int().min(1).max(99),
    max: z.int().min(1).max(99),
    /** probability that this yield drops at all */
    chance: z.number().gt(0).max(1).default(1),
  })
  .refine((y) => y.max >= y.min, { message: 'max must be at least min' });
export type SalvageYield = z.infer<typeof SalvageYieldSchema>;

export const SalvageTableSchema = z
  .object({
    /** `<kind>_<rarity>`, e.g. weapon_rare */
    id: z.string().regex(/^[a-z0-9_]+$/),
    kind: z.enum(SALVAGEABLE_KINDS),
    rarity: z.enum(RARITIES),
    /** rolled in order, each on its own */
    yields: z.array(SalvageYieldSchema).min(1).max(5),
  })
  .refine((t) => t.id === `${t.kind}_${t.rarity}`, { message: 'id must be <kind>_<rarity>' })
  .refine((t) => new Set(t.yields.map((y) => y.templateId)).size === t.yields.length, {
    message: 'yields must be distinct templates',
  });
export type SalvageTable = z.infer<typeof SalvageTableSchema>;
export type SalvageTableInput = z.input<typeof SalvageTableSchema>;
