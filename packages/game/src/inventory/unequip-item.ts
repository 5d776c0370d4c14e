import { UnequipItemInputSchema, type InventoryView, type UnequipItemInput } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { charOwner } from '../ledger/owners';
import { recordItem } from '../ledger/record-item';
import { emptyBagSlot } from './empty-slot';
import { withCharacterLocked } from '../core/row-locks';
import { equippedItem, inBag } from './owned-items';
import { readInventory } from './read-inventory';
import { publishStatsChanged } from '../world/publish-stats-changed';

/** Puts an equipped item back into the bag (`toSlot`, or the first free slot). */
export async function unequipItem(
  deps: Pick<GameDeps, 'db'>,
  input: UnequipItemInput,
): Promise<InventoryView> {
  const { characterId, itemId, toSlot } = parseInput(UnequipItemInputSchema, input);
  return withCharacterLocked(deps.db, characterId, async (tx, c, items) => {
    const item = equippedItem(items, itemId);
    const bag = inBag(items);
    const slot = emptyBagSlot(c.bagSlots, bag, toSlot);
    await tx.item.update({ where: { id: item.id }, data: { container: 'BAG', slot } });
    await recordItem(tx, {
      reason: 'equip',
      itemId: item.id,
      templateId: item.templateId,
      quantityDelta: 0,
      fromOwner: charOwner(c.id),
      toOwner: charOwner(c.id),
    });
    await publishStatsChanged(tx, c.id, 'inventory.unequip');
    return readInventory(tx, c);
  });
}
