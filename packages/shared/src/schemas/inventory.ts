/**
 * Inputs of the inventory, bank and admin-grant procedures (tRPC) — the domain
 * services parse them too, so the sim and tests get the same validation.
 */
import { z } from 'zod';
import { EQUIPMENT_SLOTS, type EquipmentSlot, type ItemTemplate } from '../content/item-schema';
import type { DerivedStats } from '../rules/stats';
import type { QualityTier } from '../crafting/crafting-rules';
import { CharacterIdInputSchema } from './character';
import { IdSchema, IdempotencyKeySchema } from './primitives';

const Id = IdSchema;
/** Bag/bank index. The real limit is the character's bagSlots / the account's bankSlots. */
export const ContainerSlotSchema = z
  .int('Slot must be a whole number')
  .min(0, 'Slot must not be negative')
  .max(999, 'That slot does not exist');
/** A number of items of one stack. */
export const ItemQuantitySchema = z
  .int('Quantity must be a whole number')
  .min(1, 'Quantity must be at least 1')
  .max(9999, 'Quantity is too large');

export const InventoryGetInputSchema = CharacterIdInputSchema;
export type InventoryGetInput = z.infer<typeof InventoryGetInputSchema>;

/** To an empty slot: move; onto the same stackable item: merge (remainder stays); else swap. */
export const MoveItemInputSchema = CharacterIdInputSchema.extend({
  itemId: Id,
  toSlot: ContainerSlotSchema,
});
export type MoveItemInput = z.infer<typeof MoveItemInputSchema>;

/** Takes `quantity` off a stack into an empty slot (`toSlot`, or the first free one). */
export const SplitStackInputSchema = CharacterIdInputSchema.extend({
  itemId: Id,
  quantity: ItemQuantitySchema,
  toSlot: ContainerSlotSchema.optional(),
});
export type SplitStackInput = z.infer<typeof SplitStackInputSchema>;

/** `slot` picks between cyber_1 and cyber_2 for cyberware; other items know their slot. */
export const EquipItemInputSchema = CharacterIdInputSchema.extend({
  itemId: Id,
  slot: z.enum(EQUIPMENT_SLOTS).optional(),
});
export type EquipItemInput = z.infer<typeof EquipItemInputSchema>;

export const UnequipItemInputSchema = CharacterIdInputSchema.extend({
  itemId: Id,
  toSlot: ContainerSlotSchema.optional(),
});
export type UnequipItemInput = z.infer<typeof UnequipItemInputSchema>;

/** Without `quantity` the whole stack is destroyed. */
export const DestroyItemInputSchema = CharacterIdInputSchema.extend({
  itemId: Id,
  quantity: ItemQuantitySchema.optional(),
});
export type DestroyItemInput = z.infer<typeof DestroyItemInputSchema>;

export const RepairItemInputSchema = CharacterIdInputSchema.extend({ itemId: Id });
export type RepairItemInput = z.infer<typeof RepairItemInputSchema>;

export const BankGetInputSchema = CharacterIdInputSchema;
export type BankGetInput = z.infer<typeof BankGetInputSchema>;

/**
 * Bag → bank (deposit) or bank → bag (withdraw). Without `quantity` the whole stack
 * moves; without `toSlot` it fills matching stacks, then the first free slots.
 */
export const BankTransferInputSchema = CharacterIdInputSchema.extend({
  itemId: Id,
  quantity: ItemQuantitySchema.optional(),
  toSlot: ContainerSlotSchema.optional(),
  /** the same key again answers the first move: nothing moved twice */
  idempotencyKey: IdempotencyKeySchema,
});
export type BankTransferInput = z.infer<typeof BankTransferInputSchema>;
export const DepositItemInputSchema = BankTransferInputSchema;
export type DepositItemInput = BankTransferInput;
export const WithdrawItemInputSchema = BankTransferInputSchema;
export type WithdrawItemInput = BankTransferInput;

export const MoveInBankInputSchema = MoveItemInputSchema;
export type MoveInBankInput = MoveItemInput;

export const AdminGrantItemInputSchema = CharacterIdInputSchema.extend({
  templateId: IdSchema,
  quantity: ItemQuantitySchema,
  /** the same key again answers the first grant: nothing granted twice */
  idempotencyKey: IdempotencyKeySchema,
});
export type AdminGrantItemInput = z.infer<typeof AdminGrantItemInputSchema>;

/** Negative amounts take eddies away (never below zero). */
export const AdminGrantEddiesInputSchema = CharacterIdInputSchema.extend({
  amount: z
    .int('Amount must be a whole number')
    .min(-1_000_000_000, 'Amount is too large')
    .max(1_000_000_000, 'Amount is too large')
    .refine((n) => n !== 0, 'Amount must not be zero'),
  /** the same key again answers the first grant: nothing granted twice */
  idempotencyKey: IdempotencyKeySchema,
});
export type AdminGrantEddiesInput = z.infer<typeof AdminGrantEddiesInputSchema>;

/** One stack as the inventory and bank windows show it (template content for tooltips). */
export interface ItemView {
  id: string;
  templateId: string;
  quantity: number;
  durability: number | null;
  maxDurability: number | null;
  /** bag/bank index, or the index of the equipment slot in EQUIPMENT_SLOTS */
  slot: number;
  /** bound to this character: cannot be traded or stored in the account bank */
  bound: boolean;
  /** durability 0: gives no stats until repaired */
  broken: boolean;
  /** a crafted piece of gear's quality tier (docs/economy.md "Crafting"); null otherwise */
  quality: QualityTier | null;
  template: ItemTemplate;
}

export interface EquippedItemView extends ItemView {
  slotName: EquipmentSlot;
}

export interface InventoryView {
  characterId: string;
  bagSlots: number;
  bag: ItemView[];
  equipment: EquippedItemView[];
  /** kg carried (bag + equipment) */
  weight: number;
  /** kg carried without slowing down */
  carryWeight: number;
  eddies: number;
  /** from attributes, level and equipped items that are not broken */
  stats: DerivedStats;
}

export interface BankView {
  bankSlots: number;
  items: ItemView[];
}

/** What bank deposit/withdraw return: both sides after the transfer. */
export interface BankTransferResult {
  inventory: InventoryView;
  bank: BankView;
}
