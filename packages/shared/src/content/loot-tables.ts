/**
 * Loot tables (semantics in loot-schema.ts). Referenced by zones (loot_crate spawn
 * points), NPC content and admin tools by id; checkContent verifies every reference.
 *
 * Nested helper tables (junk, materials, consumables) keep the drop tables short
 * and make a balance change in one place apply everywhere.
 */
import { z } from 'zod';
import { LootTableSchema, type LootTable, type LootTableInput } from './loot-schema';

/** The quest whose evidence drops from Watson thugs and the shipment crate (quests wire it later). */
export const LOST_SHIPMENT_QUEST_ID = 'q_lost_shipment';
/** The welcome quest (quests/welcome.ts): its tag drops from street thugs while it is active. */
export const WELCOME_QUEST_ID = 'q_welcome';

const gear = (levelBelow = 8) => [
  { pool: { kind: 'weapon' as const, levelBelow }, weight: 2 },
  { pool: { kind: 'armor' as const, levelBelow }, weight: 3 },
];

/** Armour and chemistry materials (recipes/*.ts); metal and electronics come from materials_salvage. */
const craftingMaterials = [
  { table: 'materials_fabric', weight: 1 },
  { table: 'materials_chem', weight: 1 },
];

export const LOOT_TABLE_INPUTS: readonly LootTableInput[] = [
  // ── nested helper tables ────────────────────────────────────────────────
  {
    // street trash almost every table pulls in: worthless but sellable
    id: 'junk_common',
    groups: [
      {
        chance: 0.8,
        entries: [
          { item: 'junk_shard_broken', weight: 3, min: 1, max: 2 },
          { item: 'junk_nicola_can', weight: 5, min: 1, max: 3 },
          { item: 'junk_lighter', weight: 3 },
          { item: 'junk_poster_idol', weight: 1 },
          { item: 'junk_vinyl_record', weight: 0.3, condition: { minLevel: 10 } },
        ],
      },
    ],
  },
  {
    id: 'materials_salvage',
    groups: [
      {
        entries: [
          { item: 'scrap_metal', weight: 6, min: 2, max: 6 },
          { item: 'copper_wire', weight: 4, min: 1, max: 4 },
          { item: 'polymer_resin', weight: 3, min: 1, max: 3 },
          { item: 'circuit_board', weight: 2, min: 1, max: 2 },
          { item: 'chrome_plating', weight: 2, condition: { minLevel: 10 } },
          { item: 'quantum_chip', weight: 1, condition: { minLevel: 25 } },
          { item: 'military_alloy', weight: 0.5, condition: { minLevel: 35 } },
          // crafting parts (recipes/*.ts): guns, power, chrome internals
          { item: 'gun_parts', weight: 4, min: 1, max: 3 },
          { item: 'battery_cell', weight: 3, min: 1, max: 2 },
          { item: 'optic_fibre', weight: 2, min: 1, max: 2, condition: { minLevel: 5 } },
          { item: 'micro_servo', weight: 1.5, condition: { minLevel: 10 } },
          { item: 'synth_muscle', weight: 1, condition: { minLevel: 12 } },
          { item: 'mono_filament', weight: 0.5, condition: { minLevel: 20 } },
          { item: 'neural_lace', weight: 0.5, condition: { minLevel: 25 } },
        ],
      },
    ],
  },
  {
    // armorcraft materials (recipes/armorcraft.ts)
    id: 'materials_fabric',
    groups: [
      {
        entries: [
          { item: 'synth_leather', weight: 5, min: 1, max: 3 },
          { item: 'kevlar_weave', weight: 4, min: 1, max: 3 },
          { item: 'polymer_resin', weight: 2, min: 1, max: 2 },
          { item: 'ceramic_plate', weight: 2, min: 1, max: 2, condition: { minLevel: 8 } },
        ],
      },
    ],
  },
  {
    // chemistry materials (recipes/chemistry.ts): what a street medic carries
    id: 'materials_chem',
    groups: [
      {
        entries: [
          { item: 'chem_precursor', weight: 5, min: 1, max: 4 },
          { item: 'medi_gel', weight: 4, min: 1, max: 3 },
          { item: 'neurotransmitter_vial', weight: 2, condition: { minLevel: 8 } },
          { item: 'nano_paste', weight: 0.6, condition: { minLevel: 20 } },
        ],
      },
    ],
  },
  {
    // heals scale with the source: better stims only drop where they are needed
    id: 'consumables_street',
    groups: [
      {
        entries: [
          { item: 'food_noodles', weight: 4, min: 1, max: 2 },
          { item: 'drink_nicola', weight: 4, min: 1, max: 2 },
          { item: 'stim_basic', weight: 5, min: 1, max: 2, condition: { maxLevel: 20 } },
          { item: 'inhaler_bounce_back', weight: 3, condition: { minLevel: 5, maxLevel: 30 } },
          { item: 'stim_trauma', weight: 4, condition: { minLevel: 10 } },
          { item: 'stim_black_lace', weight: 1, condition: { minLevel: 15 } },
          { item: 'stim_military', weight: 3, condition: { minLevel: 25 } },
        ],
      },
    ],
  },

  // ── containers ──────────────────────────────────────────────────────────
  {
    // Watson supply crates (zones.ts loot_crate spawn points)
    id: 'crate_watson_common',
    guaranteed: [{ table: 'junk_common' }],
    groups: [
      { chance: 0.7, entries: [{ table: 'consumables_street', weight: 1 }] },
      { chance: 0.6, entries: [{ table: 'materials_salvage', weight: 1 }] },
      { chance: 0.15, entries: gear(5) },
      { chance: 0.35, entries: craftingMaterials },
    ],
    currency: { min: 5, max: 25 },
    levelScaling: 0.1,
    rarityWeights: { common: 70, uncommon: 25, rare: 5 },
  },
  {
    // only opens into something useful while the quest is active
    id: 'crate_arasaka_shipment',
    guaranteed: [
      { item: 'junk_shipping_manifest', condition: { questActive: LOST_SHIPMENT_QUEST_ID } },
      { table: 'materials_salvage', min: 1, max: 2 },
    ],
    groups: [{ chance: 0.5, entries: [{ item: 'cyber_optics_kiroshi', weight: 1 }] }],
    currency: { min: 20, max: 60 },
  },
  {
    // the Maelstrom-held container on the Watson docks (zones.ts): quest evidence only
    // while its quest is active, otherwise street trash — a 30 s crate must not farm well
    id: 'crate_bitw_container',
    guaranteed: [
      { item: 'bitw_container_shard', condition: { questActive: 'q_bitw_warehouse' } },
      { item: 'junk_shipping_manifest', condition: { questActive: LOST_SHIPMENT_QUEST_ID } },
      { table: 'junk_common' },
    ],
  },
  {
    // Westbrook: Wakako's locker by the Japantown gate holds spare beacons for
    // q_bitw_finale (the one it plants is used up; a failed run needs another)
    id: 'crate_bitw_locker',
    guaranteed: [
      { item: 'bitw_tracer_beacon', condition: { questActive: 'q_bitw_finale' } },
      { table: 'junk_common' },
    ],
  },
  {
    // City Center: an Arasaka relay cabinet by the drone yard (zones.ts)
    id: 'crate_cc_relay',
    guaranteed: [
      {
        item: 'voodoo_ice_sample',
        min: 1,
        max: 2,
        condition: { questActive: 'q_cc_ice_harvest' },
      },
      { table: 'junk_common' },
    ],
  },

  // ── street thugs by level band ──────────────────────────────────────────
  {
    id: 'thugs_street_low',
    condition: { maxLevel: 12 },
    groups: [
      { chance: 0.5, entries: [{ table: 'junk_common', weight: 1 }] },
      { chance: 0.3, entries: [{ table: 'consumables_street', weight: 1 }] },
      { chance: 0.25, entries: [{ table: 'materials_salvage', weight: 1 }] },
      { chance: 0.08, entries: gear() },
      {
        chance: 0.35,
        condition: { questActive: LOST_SHIPMENT_QUEST_ID },
        entries: [{ item: 'junk_shipping_manifest', weight: 1 }],
      },
      {
        // the welcome quest's loot lesson: every thug carries a tag while it is active
        condition: { questActive: WELCOME_QUEST_ID },
        entries: [{ item: 'welcome_gang_tag', weight: 1 }],
      },
      { chance: 0.2, entries: craftingMaterials },
    ],
    currency: { min: 3, max: 12 },
    levelScaling: 0.08,
  },
  {
    id: 'thugs_street_mid',
    condition: { minLevel: 10, maxLevel: 30 },
    groups: [
      { chance: 0.4, entries: [{ table: 'junk_common', weight: 1 }] },
      { chance: 0.35, entries: [{ table: 'consumables_street', weight: 1 }] },
      { chance: 0.3, entries: [{ table: 'materials_salvage', weight: 1 }] },
      { chance: 0.12, entries: gear() },
      {
        // Westbrook Claws (swordsmen, netrunners) carry deck parts for q_wb_ghosts
        chance: 0.4,
        condition: { questActive: 'q_wb_ghosts' },
        entries: [{ item: 'claws_deck_fragment', weight: 1 }],
      },
      { chance: 0.25, entries: craftingMaterials },
    ],
    currency: { min: 10, max: 30 },
    levelScaling: 0.08,
  },
  {
    id: 'thugs_street_high',
    condition: { minLevel: 25 },
    groups: [
      { chance: 0.3, entries: [{ table: 'junk_common', weight: 1 }] },
      { chance: 0.4, entries: [{ table: 'consumables_street', weight: 1 }] },
      { chance: 0.35, entries: [{ table: 'materials_salvage', weight: 1 }] },
      {
        chance: 0.15,
        entries: [...gear(), { pool: { kind: 'cyberware', levelBelow: 12 }, weight: 1 }],
      },
      { chance: 0.3, entries: craftingMaterials },
    ],
    currency: { min: 25, max: 60 },
    levelScaling: 0.08,
    rarityWeights: { common: 50, uncommon: 30, rare: 14, epic: 5, legendary: 1 },
  },

  // ── elites and bosses ───────────────────────────────────────────────────
  {
    // Maelstrom enforcers: always something worth picking up
    id: 'elite_maelstrom',
    condition: { minLevel: 5 },
    guaranteed: [{ table: 'materials_salvage' }],
    groups: [
      {
        chance: 0.6,
        entries: [
          {
            pool: { kind: 'weapon', minRarity: 'uncommon', levelBelow: 10, levelAbove: 2 },
            weight: 2,
          },
          {
            pool: { kind: 'armor', minRarity: 'uncommon', levelBelow: 10, levelAbove: 2 },
            weight: 3,
          },
        ],
      },
      {
        chance: 0.2,
        entries: [
          { pool: { kind: 'cyberware', minRarity: 'uncommon', levelBelow: 15 }, weight: 1 },
        ],
      },
      { chance: 0.5, entries: [{ table: 'consumables_street', weight: 1 }] },
      {
        // the convoy's nav-chip (q_bitw_claws): every enforcer has one while it is active
        condition: { questActive: 'q_bitw_claws' },
        entries: [{ item: 'bitw_route_chip', weight: 1 }],
      },
      { chance: 0.5, entries: craftingMaterials },
    ],
    currency: { min: 40, max: 100 },
    levelScaling: 0.1,
    rarityWeights: { uncommon: 55, rare: 32, epic: 11, legendary: 2 },
  },
  {
    // Watson's cyberpsycho boss: gear a level ahead of the zone and a shot at chrome
    id: 'boss_watson',
    condition: { minLevel: 8 },
    guaranteed: [
      { pool: { kind: 'weapon', minRarity: 'uncommon', levelBelow: 8, levelAbove: 2 } },
      { pool: { kind: 'armor', minRarity: 'uncommon', levelBelow: 8, levelAbove: 2 } },
      { table: 'materials_salvage', min: 1, max: 2 },
    ],
    groups: [
      {
        chance: 0.3,
        entries: [
          { pool: { kind: 'cyberware', minRarity: 'uncommon', levelBelow: 12 }, weight: 1 },
        ],
      },
      { entries: [{ table: 'consumables_street', weight: 1 }] },
      { entries: craftingMaterials },
    ],
    currency: { min: 120, max: 260 },
    levelScaling: 0.05,
    rarityWeights: { uncommon: 50, rare: 38, epic: 11, legendary: 1 },
  },
  {
    // Royce, Maelstrom boss of the All Foods plant: two pieces of gear, chrome, a shot at a legend
    id: 'boss_royce',
    condition: { minLevel: 20 },
    guaranteed: [
      { pool: { kind: 'weapon', minRarity: 'rare', levelBelow: 10, levelAbove: 2 } },
      { pool: { kind: 'armor', minRarity: 'rare', levelBelow: 10, levelAbove: 2 } },
      { pool: { kind: 'cyberware', minRarity: 'rare', levelBelow: 15, levelAbove: 2 } },
      { table: 'materials_salvage', min: 2, max: 3 },
    ],
    groups: [
      {
        chance: 0.1,
        condition: { minLevel: 40 },
        entries: [
          { item: 'pistol_malorian', weight: 1 },
          { item: 'jacket_samurai', weight: 1 },
          { item: 'cyber_sandevistan', weight: 1 },
        ],
      },
      {
        chance: 0.25,
        entries: [{ item: 'relic_fragment', weight: 1, condition: { minLevel: 45 } }],
      },
      { entries: [{ table: 'consumables_street', weight: 1 }] },
      { entries: craftingMaterials },
    ],
    currency: { min: 400, max: 800 },
    levelScaling: 0.05,
    rarityWeights: { rare: 60, epic: 32, legendary: 8 },
  },
  {
    // the raid boss, Quantum Leviathan NX-0: the best chest in the game — three pieces
    // of epic-or-better gear, its own qubit, and a real shot at a legend
    id: 'raid_quantum_reef',
    condition: { minLevel: 40 },
    guaranteed: [
      { pool: { kind: 'weapon', minRarity: 'epic', levelBelow: 10, levelAbove: 2 } },
      { pool: { kind: 'armor', minRarity: 'epic', levelBelow: 10, levelAbove: 2 } },
      { pool: { kind: 'cyberware', minRarity: 'epic', levelBelow: 15, levelAbove: 2 } },
      { item: 'leviathan_qubit', min: 1, max: 2 },
      { item: 'military_alloy', min: 1, max: 3 },
    ],
    groups: [
      {
        chance: 0.35,
        entries: [
          { item: 'pistol_malorian', weight: 1 },
          { item: 'jacket_samurai', weight: 1 },
          { item: 'cyber_sandevistan', weight: 1 },
        ],
      },
      { chance: 0.5, entries: [{ item: 'relic_fragment', weight: 1 }] },
      { entries: [{ table: 'consumables_street', weight: 1, min: 2, max: 3 }] },
      { entries: [{ item: 'nano_paste', weight: 1, min: 2, max: 4 }] },
    ],
    currency: { min: 1500, max: 2500 },
    levelScaling: 0.05,
    rarityWeights: { epic: 70, legendary: 30 },
  },
];

export const LOOT_TABLES: readonly LootTable[] = z.array(LootTableSchema).parse(LOOT_TABLE_INPUTS);

export const LOOT_TABLES_BY_ID: ReadonlyMap<string, LootTable> = new Map(
  LOOT_TABLES.map((t) => [t.id, t]),
);

export const lootTableById = (id: string): LootTable | undefined => LOOT_TABLES_BY_ID.get(id);
