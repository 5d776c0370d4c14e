/** The API's inventory/bank responses → what the panels index by slot. */
import type { BankView, InventoryView } from '@necp/shared';
import type { BankModel, InventoryModel } from './view-model';

export function toInventoryModel(v: InventoryView): InventoryModel {
  return {
    bagSlots: v.bagSlots,
    bag: new Map(v.bag.map((i) => [i.slot, i])),
    equipment: Object.fromEntries(v.equipment.map((i) => [i.slotName, i])),
    eddies: v.eddies,
    weight: v.weight,
    carryWeight: v.carryWeight,
  };
}

export function toBankModel(v: BankView): BankModel {
  return { bankSlots: v.bankSlots, items: new Map(v.items.map((i) => [i.slot, i])) };
}
