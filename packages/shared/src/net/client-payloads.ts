/**
 * The Zod schemas of the client→server payloads that belong to no domain module
 * (movement, pickups, combat, travel, items): the sim parses every payload with
 * its schema before anything else happens (client-events.ts maps them to events).
 */
import { z } from 'zod';
import { MAX_INPUT_MS } from '../rules/movement';
import { IdSchema } from '../schemas/primitives';

export const MoveInputSchema = z.object({
  /** client input sequence number; the server acks the last one applied */
  seq: z
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  dx: z.number().min(-1).max(1),
  dy: z.number().min(-1).max(1),
  /** how long this input was held, ms */
  ms: z.int().min(1).max(MAX_INPUT_MS),
});
export type MoveInput = z.infer<typeof MoveInputSchema>;

export const PingSchema = z.object({ t: z.number().finite() });

/** loot:pickup, crate:open: the entity's eid as seen in a snapshot. */
export const EntityRefSchema = z.object({
  eid: z
    .int()
    .min(1)
    .max(2 ** 31 - 1),
});
export type EntityRef = z.infer<typeof EntityRefSchema>;
export const LootPickupSchema = EntityRefSchema;
export const CrateOpenSchema = EntityRefSchema;

/** inventory:drop — put a bag item (or `quantity` of its stack, else all) on the ground at your feet. */
export const InventoryDropSchema = z.object({
  itemId: IdSchema,
  quantity: z.int().min(1).max(999).optional(),
});
export type InventoryDrop = z.infer<typeof InventoryDropSchema>;

// The loot domain's inputs (pickupDrop, dropItemToGround), which it parses again as its
// own edge: the sim adds the character, the drop it found by eid, where the character
// stands and the zone's fence.
/**
 * A zone's lease token, carried by its fenced writes (game's cluster/zone-ownership.ts):
 * every domain input with a `fence` parses it with this.
 */
export const ZoneFenceSchema = z.object({ zoneId: IdSchema, token: z.int().min(1) });
export const PickupDropInputSchema = z.object({
  characterId: IdSchema,
  dropId: IdSchema,
  fence: ZoneFenceSchema.optional(),
});
export const DropItemInputSchema = InventoryDropSchema.extend({
  characterId: IdSchema,
  zoneId: IdSchema,
  /** metres: where the character stands (clamped into the zone) */
  x: z.number(),
  y: z.number(),
  fence: ZoneFenceSchema.optional(),
});
export type DropItemInput = z.input<typeof DropItemInputSchema>;

/** admin:loot — ADMIN tickets only: roll a loot table into a drop at your feet. */
export const AdminLootSchema = z.object({
  tableId: z
    .string()
    .max(64)
    .regex(/^[a-z0-9_]+$/),
});
export type AdminLoot = z.infer<typeof AdminLootSchema>;

/**
 * combat:use — "use ability X on target Y". `target` is an eid from a snapshot
 * (omit for self-targeted abilities; for ally heals omit = self). `viewTick` is the
 * server tick the client was showing the target at (its interpolation time): the
 * server judges range and line against where the target was then (bounded rewind).
 */
export const CombatUseSchema = z.object({
  ability: z
    .string()
    .max(64)
    .regex(/^[a-z0-9_]+$/),
  target: z
    .int()
    .min(1)
    .max(2 ** 31 - 1)
    .optional(),
  viewTick: z
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
});
export type CombatUse = z.infer<typeof CombatUseSchema>;
/** combat:cancel — stop the cast in progress (moving also cancels it). */
export const CombatCancelSchema = z.object({});
/** combat:respawn — a dead player asks to respawn at the nearest medical centre. */
export const CombatRespawnSchema = z.object({});

/** zone:travel — ride the metro from a station within INTERACT_RANGE to another district's station. */
export const ZoneTravelSchema = z.object({
  to: z
    .string()
    .max(32)
    .regex(/^[a-z0-9-]+$/),
});
export type ZoneTravel = z.infer<typeof ZoneTravelSchema>;

/** item:use — use one of a bag stack (a consumable heals; quest items count for `use` objectives). */
export const ItemUseSchema = z.object({ itemId: IdSchema });
export type ItemUse = z.infer<typeof ItemUseSchema>;
