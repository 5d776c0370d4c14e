import { MoveItemInputSchema, type InventoryView, type MoveItemInput } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { bagOf } from './container';
import { withCharacterLocked } from '../core/row-locks';
import { moveWithin } from './move-within';
import { bagItem, inBag } from './owned-items';
import { readInventory } from './read-inventory';
import { loadTemplate } from './templates';

/**
 * Drag and drop inside the bag: to an empty slot it moves, onto the same
 * stackable item it merges up to the stack size (the remainder stays), onto
 * anything else the two swap. Nothing the sim derives changes (same gear, same
 * carried weight), so unlike equip or split it publishes no character.stats_changed.
 */
export async function moveItem(
  deps: Pick<GameDeps, 'db'>,
  input: MoveItemInput,
): Promise<InventoryView> {
  const { characterId, itemId, toSlot } = parseInput(MoveItemInputSchema, input);
  return withCharacterLocked(deps.db, characterId, async (tx, c, items) => {
    const item = bagItem(items, itemId);
    const template = await loadTemplate(tx, item.templateId);
    await moveWithin(tx, {
      container: bagOf(c),
      occupants: inBag(items),
      item,
      toSlot,
      stackSize: template.stackSize,
    });
    return readInventory(tx, c);
  });
}
