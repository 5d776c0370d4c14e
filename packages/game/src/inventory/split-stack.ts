import { SplitStackInputSchema, type InventoryView, type SplitStackInput } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { parseInput } from '../core/validation';
import { charOwner } from '../ledger/owners';
import { recordItem } from '../ledger/record-item';
import { newLedgerRef } from '../ledger/ref';
import { emptyBagSlot } from './empty-slot';
import { withCharacterLocked } from '../core/row-locks';
import { bagItem, inBag } from './owned-items';
import { readInventory } from './read-inventory';
import { publishStatsChanged } from '../world/publish-stats-changed';

/** Takes `quantity` off a bag stack into an empty slot (`toSlot`, or the first free one). */
export async function splitStack(
  deps: Pick<GameDeps, 'db'>,
  input: SplitStackInput,
): Promise<InventoryView> {
  const { characterId, itemId, quantity, toSlot } = parseInput(SplitStackInputSchema, input);
  return withCharacterLocked(deps.db, characterId, async (tx, c, items) => {
    const item = bagItem(items, itemId);
    if (quantity >= item.quantity)
      throw new DomainError(
        'VALIDATION',
        `cannot split ${quantity} off a stack of ${item.quantity}`,
        'Split off fewer than the whole stack',
      );
    const bag = inBag(items);
    const slot = emptyBagSlot(c.bagSlots, bag, toSlot);
    const created = await tx.item.create({
      data: {
        templateId: item.templateId,
        quantity,
        durability: item.durability,
        boundCharacterId: item.boundCharacterId,
        container: 'BAG',
        slot,
        characterId: c.id,
      },
    });
    await tx.item.update({
      where: { id: item.id },
      data: { quantity: item.quantity - quantity },
    });
    const owner = charOwner(c.id);
    const side = {
      reason: 'split' as const,
      templateId: item.templateId,
      fromOwner: owner,
      toOwner: owner,
      ref: newLedgerRef(),
    };
    await recordItem(tx, { ...side, itemId: item.id, quantityDelta: -quantity });
    await recordItem(tx, { ...side, itemId: created.id, quantityDelta: quantity });
    await publishStatsChanged(tx, c.id, 'inventory.split');
    return readInventory(tx, c);
  });
}
