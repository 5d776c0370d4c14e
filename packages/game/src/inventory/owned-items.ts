import type { Item } from '@necp/db';
import { DomainError } from '../core/errors';
import { itemReserved } from '../core/item-reserved';
import { itemNotFound, unequipFirst } from './errors';

/**
 * One of the character's (locked) items to act on; anything else — another account's
 * item too — is NOT_FOUND, and one held in a trade is refused (core/item-reserved.ts).
 */
export function ownedItem(items: readonly Item[], itemId: string): Item {
  const item = items.find((i) => i.id === itemId);
  if (!item) throw itemNotFound(itemId);
  if (item.reservation !== null) throw itemReserved();
  return item;
}

/** An item in the character's bag (equipped ones must be unequipped first). */
export function bagItem(items: readonly Item[], itemId: string): Item {
  const item = ownedItem(items, itemId);
  if (item.container !== 'BAG') throw unequipFirst();
  return item;
}

export function equippedItem(items: readonly Item[], itemId: string): Item {
  const item = ownedItem(items, itemId);
  if (item.container !== 'EQUIPMENT')
    throw new DomainError('INVALID_STATE', 'item not equipped', 'That item is not equipped');
  return item;
}

export const inBag = (items: readonly Item[]) => items.filter((i) => i.container === 'BAG');
export const inEquipment = (items: readonly Item[]) =>
  items.filter((i) => i.container === 'EQUIPMENT');
