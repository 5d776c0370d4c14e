import type { Item } from '@necp/db';
import { canStack, stackSpace } from '@necp/shared';
import type { Tx } from '../core/deps';
import { recordItem } from '../ledger/record-item';
import { newLedgerRef } from '../ledger/ref';
import { containerOwner, type Container } from './container';
import { itemReserved } from '../core/item-reserved';
import { noSuchSlot } from './errors';
import { addItemQuantity, deleteItem, setItemQuantity, setItemSlot } from './item-writes';

export type MoveOutcome = 'none' | 'moved' | 'merged' | 'swapped';

/** A slot no real item uses: a parking spot while two rows trade places (unique (owner, container, slot)). */
const PARKING_SLOT = -1;

/**
 * Moves `item` to `toSlot` of the container it is in: into an empty slot it moves;
 * onto a stack it can join it merges as much as fits (the remainder stays where it
 * was; two ledger rows `merge`); onto anything else — including a full stack — the
 * two swap places. The caller holds the locks and passes the container's items.
 */
export async function moveWithin(
  tx: Tx,
  a: {
    container: Container;
    occupants: readonly Item[];
    item: Item;
    toSlot: number;
    stackSize: number;
  },
): Promise<MoveOutcome> {
  const { container, item, toSlot, stackSize } = a;
  if (toSlot < 0 || toSlot >= container.slots) throw noSuchSlot(toSlot);
  if (toSlot === item.slot) return 'none';
  const there = a.occupants.find((o) => o.slot === toSlot && o.id !== item.id);
  // a stack offered in a trade neither moves aside nor takes more
  if (there?.reservation) throw itemReserved();
  if (!there) {
    await setItemSlot(tx, item.id, toSlot);
    return 'moved';
  }
  const room = canStack(item, there, stackSize) ? stackSpace(there, stackSize) : 0;
  if (room > 0) {
    const n = Math.min(room, item.quantity);
    const owner = containerOwner(container);
    const ref = newLedgerRef();
    const side = {
      reason: 'merge' as const,
      templateId: item.templateId,
      fromOwner: owner,
      toOwner: owner,
      ref,
    };
    await addItemQuantity(tx, there.id, n);
    if (n === item.quantity) await deleteItem(tx, item.id);
    else await setItemQuantity(tx, item.id, item.quantity - n);
    await recordItem(tx, { ...side, itemId: item.id, quantityDelta: -n });
    await recordItem(tx, { ...side, itemId: there.id, quantityDelta: n });
    return 'merged';
  }
  await setItemSlot(tx, item.id, PARKING_SLOT);
  await setItemSlot(tx, there.id, item.slot);
  await setItemSlot(tx, item.id, toSlot);
  return 'swapped';
}
