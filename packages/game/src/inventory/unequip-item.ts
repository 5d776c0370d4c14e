import { UnequipItemInputSchema, type InventoryView, type UnequipItemInput } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../accounts/validation';
import { charOwner } from '../ledger/owners';
import { recordItem } from '../ledger/record-item';
import { bagFull, noSuchSlot, slotTaken } from './errors';
import { withCharacterLocked } from './locks';
import { equippedItem, inBag } from './owned-items';
import { firstFreeSlot } from './placement';
import { readInventory } from './read-inventory';

/** Puts an equipped item back into the bag (`toSlot`, or the first free slot). */
export async function unequipItem(
  deps: Pick<GameDeps, 'db'>,
  input: UnequipItemInput & { userId: string },
): Promise<InventoryView> {
  const { characterId, itemId, toSlot } = parseInput(UnequipItemInputSchema, input);
  return withCharacterLocked(
    deps.db,
    { userId: input.userId, characterId },
    async (tx, c, items) => {
      const item = equippedItem(items, itemId);
      const bag = inBag(items);
      let slot: number;
      if (toSlot !== undefined) {
        if (toSlot >= c.bagSlots) throw noSuchSlot(toSlot);
        if (bag.some((i) => i.slot === toSlot)) throw slotTaken();
        slot = toSlot;
      } else {
        const free = firstFreeSlot(c.bagSlots, bag);
        if (free === null) throw bagFull();
        slot = free;
      }
      await tx.item.update({ where: { id: item.id }, data: { container: 'BAG', slot } });
      await recordItem(tx, {
        reason: 'equip',
        itemId: item.id,
        templateId: item.templateId,
        quantityDelta: 0,
        fromOwner: charOwner(c.id),
        toOwner: charOwner(c.id),
      });
      return readInventory(tx, c);
    },
  );
}
