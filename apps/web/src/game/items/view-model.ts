/**
 * What the item panels render, decoupled from the API's exact response shapes
 * (api-adapter.ts maps those in one place).
 */
import type { EquipmentSlot } from '@necp/shared';

export interface InvItem {
  id: string;
  templateId: string;
  quantity: number;
  /** null for items without durability */
  durability: number | null;
  /** bag/bank index, or the equipment slot index */
  slot: number;
  /** bound to a character: cannot be traded or banked for another */
  bound: boolean;
  /** a crafted piece of gear's quality tier (standard … masterwork); absent or null otherwise */
  quality?: string | null;
}

export interface InventoryModel {
  bagSlots: number;
  /** by bag slot index */
  bag: Map<number, InvItem>;
  equipment: Partial<Record<EquipmentSlot, InvItem>>;
  eddies: number;
  /** kg */
  weight: number;
  carryWeight: number;
}

export interface BankModel {
  bankSlots: number;
  items: Map<number, InvItem>;
}

/** The wearer's facts that decide whether requirements are met. */
export interface Wearer {
  level: number;
  classId: string | null;
}

export const isBroken = (i: InvItem) => i.durability !== null && i.durability <= 0;
