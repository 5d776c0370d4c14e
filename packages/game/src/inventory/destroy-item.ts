import { DestroyItemInputSchema, type DestroyItemInput, type InventoryView } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { charOwner, sinkOwner } from '../ledger/owners';
import { takeFromStack } from './take-from-stack';
import { notEnoughItems } from './errors';
import { withCharacterLocked } from '../core/row-locks';
import { bagItem } from './owned-items';
import { readInventory } from './read-inventory';
import { publishStatsChanged } from '../world/publish-stats-changed';

/** Destroys a bag stack, or `quantity` of it (ledger sink `destroy`). */
export async function destroyItem(
  deps: Pick<GameDeps, 'db' | 'log'>,
  input: DestroyItemInput,
): Promise<InventoryView> {
  const { characterId, itemId, quantity } = parseInput(DestroyItemInputSchema, input);
  return withCharacterLocked(deps.db, characterId, async (tx, c, items) => {
    const item = bagItem(items, itemId);
    const n = quantity ?? item.quantity;
    if (n > item.quantity) throw notEnoughItems();
    await takeFromStack(tx, item, n, {
      reason: 'destroy',
      fromOwner: charOwner(c.id),
      toOwner: sinkOwner('destroy'),
    });
    deps.log.info(
      { characterId: c.id, itemId: item.id, templateId: item.templateId, quantity: n },
      'item destroyed',
    );
    await publishStatsChanged(tx, c.id, 'inventory.destroy');
    return readInventory(tx, c);
  });
}
