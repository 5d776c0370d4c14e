import type { Item } from '@necp/db';
import { vendorBuyPrice, vendorSellPrice, type ItemTemplate, type Vendor } from '@necp/shared';
import { doesNotBuy, questItemNotSold } from './errors';

/** What one unit costs at this standing multiplier. */
export const unitBuyPrice = (template: ItemTemplate, multiplier: number): number =>
  vendorBuyPrice(template.value, multiplier);

/** What the vendor pays for one unit of this stack (worn gear pays less). */
export function unitSellPrice(
  item: Pick<Item, 'durability'>,
  template: ItemTemplate,
  multiplier: number,
): number {
  const durability =
    item.durability !== null && template.maxDurability !== undefined
      ? { current: item.durability, max: template.maxDurability }
      : null;
  return vendorSellPrice(template.value, multiplier, durability);
}

/** Quest items are never bought; otherwise the vendor buys the kinds it lists. */
export const vendorBuysKind = (vendor: Vendor, template: ItemTemplate): boolean =>
  template.kind !== 'quest' && vendor.buys.includes(template.kind);

export function assertVendorBuys(vendor: Vendor, template: ItemTemplate): void {
  if (template.kind === 'quest') throw questItemNotSold();
  if (!vendor.buys.includes(template.kind)) throw doesNotBuy(vendor, template.kind);
}
