/**
 * Salvage tables (semantics in salvage-schema.ts): one per salvageable kind and
 * rarity. A table yields a fraction of what the cheapest item it covers is worth
 * and of what the cheapest recipe making one costs: checkContent (check-crafting.ts)
 * proves the best case is below both, so no buy → salvage or craft → salvage loop
 * makes eddies. Relic fragments only come from legendaries (and Royce, the raid).
 */
import { z } from 'zod';
import type { ItemTemplate } from './item-schema';
import {
  SALVAGEABLE_KINDS,
  SalvageTableSchema,
  type SalvageTable,
  type SalvageTableInput,
} from './salvage-schema';

/** Raw content as written (checkContent validates these without throwing). */
export const SALVAGE_TABLE_INPUTS: readonly SalvageTableInput[] = [
  // ── weapons: scrap, gun parts, chrome; mono-filament and alloy from the best ──
  {
    id: 'weapon_common',
    kind: 'weapon',
    rarity: 'common',
    yields: [
      { templateId: 'scrap_metal', min: 1, max: 3 },
      { templateId: 'gun_parts', min: 1, max: 1, chance: 0.4 },
    ],
  },
  {
    id: 'weapon_uncommon',
    kind: 'weapon',
    rarity: 'uncommon',
    yields: [
      { templateId: 'scrap_metal', min: 2, max: 5 },
      { templateId: 'gun_parts', min: 1, max: 3 },
      { templateId: 'circuit_board', min: 1, max: 2, chance: 0.5 },
      { templateId: 'chrome_plating', min: 1, max: 1, chance: 0.25 },
    ],
  },
  {
    id: 'weapon_rare',
    kind: 'weapon',
    rarity: 'rare',
    yields: [
      { templateId: 'gun_parts', min: 2, max: 5 },
      { templateId: 'chrome_plating', min: 1, max: 3 },
      { templateId: 'micro_servo', min: 1, max: 2, chance: 0.5 },
      { templateId: 'mono_filament', min: 1, max: 1, chance: 0.3 },
    ],
  },
  {
    id: 'weapon_epic',
    kind: 'weapon',
    rarity: 'epic',
    yields: [
      { templateId: 'chrome_plating', min: 2, max: 5 },
      { templateId: 'mono_filament', min: 1, max: 2, chance: 0.5 },
      { templateId: 'quantum_chip', min: 1, max: 2, chance: 0.5 },
      { templateId: 'military_alloy', min: 1, max: 1, chance: 0.35 },
    ],
  },
  {
    id: 'weapon_legendary',
    kind: 'weapon',
    rarity: 'legendary',
    yields: [
      { templateId: 'quantum_chip', min: 2, max: 4 },
      { templateId: 'military_alloy', min: 1, max: 3 },
      { templateId: 'relic_fragment', min: 1, max: 1, chance: 0.25 },
    ],
  },
  // ── armour: synth-leather, kevlar, ceramic plate; alloy from the best ──
  {
    id: 'armor_common',
    kind: 'armor',
    rarity: 'common',
    yields: [
      { templateId: 'synth_leather', min: 1, max: 2 },
      { templateId: 'kevlar_weave', min: 1, max: 1, chance: 0.4 },
    ],
  },
  {
    id: 'armor_uncommon',
    kind: 'armor',
    rarity: 'uncommon',
    yields: [
      { templateId: 'synth_leather', min: 2, max: 4 },
      { templateId: 'kevlar_weave', min: 1, max: 3 },
      { templateId: 'ceramic_plate', min: 1, max: 2, chance: 0.5 },
    ],
  },
  {
    id: 'armor_rare',
    kind: 'armor',
    rarity: 'rare',
    yields: [
      { templateId: 'kevlar_weave', min: 3, max: 6 },
      { templateId: 'ceramic_plate', min: 1, max: 4 },
      { templateId: 'chrome_plating', min: 1, max: 2, chance: 0.5 },
      { templateId: 'optic_fibre', min: 1, max: 2, chance: 0.3 },
    ],
  },
  {
    id: 'armor_epic',
    kind: 'armor',
    rarity: 'epic',
    yields: [
      { templateId: 'ceramic_plate', min: 3, max: 6 },
      { templateId: 'chrome_plating', min: 2, max: 4 },
      { templateId: 'quantum_chip', min: 1, max: 2, chance: 0.3 },
      { templateId: 'military_alloy', min: 1, max: 1, chance: 0.4 },
    ],
  },
  {
    id: 'armor_legendary',
    kind: 'armor',
    rarity: 'legendary',
    yields: [
      { templateId: 'nano_paste', min: 2, max: 4 },
      { templateId: 'military_alloy', min: 1, max: 3 },
      { templateId: 'relic_fragment', min: 1, max: 1, chance: 0.25 },
    ],
  },
  // ── cyberware: wire, boards, optic fibre, neural lace ──
  {
    id: 'cyberware_common',
    kind: 'cyberware',
    rarity: 'common',
    yields: [
      { templateId: 'copper_wire', min: 1, max: 3 },
      { templateId: 'battery_cell', min: 1, max: 2 },
      { templateId: 'circuit_board', min: 1, max: 1, chance: 0.3 },
    ],
  },
  {
    id: 'cyberware_uncommon',
    kind: 'cyberware',
    rarity: 'uncommon',
    yields: [
      { templateId: 'copper_wire', min: 2, max: 4 },
      { templateId: 'circuit_board', min: 1, max: 2 },
      { templateId: 'optic_fibre', min: 1, max: 2, chance: 0.5 },
      { templateId: 'chrome_plating', min: 1, max: 1, chance: 0.2 },
    ],
  },
  {
    id: 'cyberware_rare',
    kind: 'cyberware',
    rarity: 'rare',
    yields: [
      { templateId: 'circuit_board', min: 2, max: 4 },
      { templateId: 'chrome_plating', min: 1, max: 3 },
      { templateId: 'synth_muscle', min: 1, max: 2, chance: 0.5 },
      { templateId: 'neural_lace', min: 1, max: 1, chance: 0.3 },
    ],
  },
  {
    id: 'cyberware_epic',
    kind: 'cyberware',
    rarity: 'epic',
    yields: [
      { templateId: 'chrome_plating', min: 2, max: 5 },
      { templateId: 'neural_lace', min: 1, max: 3 },
      { templateId: 'quantum_chip', min: 1, max: 2, chance: 0.5 },
      { templateId: 'military_alloy', min: 1, max: 1, chance: 0.25 },
    ],
  },
  {
    id: 'cyberware_legendary',
    kind: 'cyberware',
    rarity: 'legendary',
    yields: [
      { templateId: 'quantum_chip', min: 2, max: 4 },
      { templateId: 'neural_lace', min: 2, max: 4 },
      { templateId: 'relic_fragment', min: 1, max: 1, chance: 0.3 },
    ],
  },
];

export const SALVAGE_TABLES: readonly SalvageTable[] = z
  .array(SalvageTableSchema)
  .parse(SALVAGE_TABLE_INPUTS);

const BY_ID = new Map(SALVAGE_TABLES.map((t) => [t.id, t]));

export const salvageTableById = (id: string): SalvageTable | undefined => BY_ID.get(id);

const isSalvageableKind = (kind: string): kind is (typeof SALVAGEABLE_KINDS)[number] =>
  (SALVAGEABLE_KINDS as readonly string[]).includes(kind);

/**
 * The table an item breaks into, or null when it cannot be salvaged (consumables,
 * materials, junk, quest items — or a kind/rarity without a table).
 */
export function salvageTableFor(
  template: Pick<ItemTemplate, 'kind' | 'rarity'>,
): SalvageTable | null {
  if (!isSalvageableKind(template.kind)) return null;
  return BY_ID.get(`${template.kind}_${template.rarity}`) ?? null;
}
