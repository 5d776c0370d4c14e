import type { Item } from '@necp/db';
import {
  EQUIPMENT_SLOTS,
  type EquippedItemView,
  type ItemTemplate,
  type ItemView,
  type QualityTier,
} from '@necp/shared';

/** Durability 0 means broken: the item stays equipped but gives no stats until repaired. */
export const isBroken = (item: Pick<Item, 'durability'>) =>
  item.durability !== null && item.durability <= 0;

/**
 * The columns an item view is made of, as a row schema read them (core/locked-rows.ts
 * ItemRowSchema, carried-items.ts): the quality read through its closed set.
 */
export type ItemViewRow = Pick<
  Item,
  'id' | 'templateId' | 'quantity' | 'durability' | 'slot' | 'boundCharacterId'
> & { quality: QualityTier | null };

export function toItemView(item: ItemViewRow, template: ItemTemplate): ItemView {
  return {
    id: item.id,
    templateId: item.templateId,
    quantity: item.quantity,
    durability: item.durability,
    maxDurability: template.maxDurability ?? null,
    slot: item.slot,
    bound: item.boundCharacterId !== null,
    broken: isBroken(item),
    quality: item.quality,
    template,
  };
}

export function toEquippedItemView(item: ItemViewRow, template: ItemTemplate): EquippedItemView {
  const slotName = EQUIPMENT_SLOTS[item.slot];
  if (!slotName) throw new Error(`item ${item.id} sits in unknown equipment slot ${item.slot}`);
  return { ...toItemView(item, template), slotName };
}
