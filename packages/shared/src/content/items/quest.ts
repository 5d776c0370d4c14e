/**
 * Quest items (kind 'quest'): bound on pickup, worth nothing to vendors (they never
 * buy them), collected or used by a quest objective. Most drop only while their
 * quest is active (loot-tables.ts `questActive`); the rest are handed over in
 * dialogue or as a reward of an earlier step. checkContent verifies that every
 * one is needed by some quest and can be obtained.
 */
import type { ItemTemplateInput } from '../item-schema';

const questItem = (
  d: Pick<ItemTemplateInput, 'id' | 'name' | 'description' | 'glyph'> &
    Partial<Pick<ItemTemplateInput, 'stackSize' | 'weight' | 'rarity'>>,
): ItemTemplateInput => ({
  kind: 'quest',
  rarity: 'uncommon',
  levelReq: 1,
  stackSize: 1,
  weight: 0.05,
  value: 0,
  binding: 'pickup',
  ...d,
});

export const QUEST_ITEMS: readonly ItemTemplateInput[] = [
  // ── Watson ──────────────────────────────────────────────────────────────
  questItem({
    // q_welcome: Watson street thugs carry one while the quest is active
    id: 'welcome_gang_tag',
    name: 'Gang Tag',
    description: 'A stamped metal tag Watson gangs hand their soldiers. Regina collects them.',
    glyph: 'Qt',
    rarity: 'common',
  }),
  questItem({
    // q_lost_shipment: thugs carry it, the container on the docks holds it
    id: 'junk_shipping_manifest',
    name: 'Arasaka Shipping Manifest',
    description: 'Routing codes for a Watson container that never arrived. Somebody wants this.',
    glyph: 'Jm',
  }),
  questItem({
    // q_dead_drop: Regina hands it over; used (left) in Northside
    id: 'regina_data_drop',
    name: 'Sealed Data Drop',
    description:
      "A palm-sized drop sealed with Regina's wax. Leave it where she said. Do not open it.",
    glyph: 'Qd',
  }),
  questItem({
    // q_bitw_warehouse: only in the Maelstrom-held container while the quest is active
    id: 'bitw_container_shard',
    name: 'Arasaka Data Shard',
    description: 'Pulled from the container’s lock. Arasaka ICE on every sector.',
    glyph: 'Qs',
    rarity: 'rare',
  }),
  // ── Westbrook ───────────────────────────────────────────────────────────
  questItem({
    // q_bitw_claws: Maelstrom enforcers carry it while the quest is active
    id: 'bitw_route_chip',
    name: 'Maelstrom Route Chip',
    description: 'A convoy nav-chip. Every stop between the docks and Royce’s yard.',
    glyph: 'Qr',
    rarity: 'rare',
  }),
  questItem({
    // reward of q_bitw_claws / q_bitw_ncpd; used in Royce's yard for q_bitw_finale
    id: 'bitw_tracer_beacon',
    name: 'Tracer Beacon',
    description: 'Magnetic, silent, good for a week. Stick it on the container and walk away.',
    glyph: 'Qb',
    rarity: 'rare',
    weight: 0.2,
  }),
  questItem({
    // q_wb_ghosts: Claws netrunners and swordsmen carry them while the quest is active
    id: 'claws_deck_fragment',
    name: 'Claws Cyberdeck Fragment',
    description: 'A cracked deck module with Tyger Claws firmware. Wakako’s runner wants these.',
    glyph: 'Qf',
    stackSize: 10,
    weight: 0.1,
  }),
  // ── City Center ─────────────────────────────────────────────────────────
  questItem({
    // q_cc_ice_harvest: the Arasaka relay cabinet yields them while the quest is active
    id: 'voodoo_ice_sample',
    name: 'Arasaka ICE Sample',
    description: 'A live sliver of corporate ICE in a shielded vial. The Voodoo Boys study these.',
    glyph: 'Qi',
    stackSize: 10,
    rarity: 'rare',
  }),
];
