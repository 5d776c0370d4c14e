import type { Character } from '@necp/db';
import type { Tx } from '../core/deps';
import { newRowId } from '../core/row-ids';
import { lockCharacterItems } from '../core/row-locks';
import { addItemQuantity, deleteItem, holdItem } from '../inventory/item-writes';
import { insertLedgerRows, type LedgerRow } from '../ledger/insert-ledger-rows';
import { charOwner, marketOwner } from '../ledger/owners';
import { notEnoughGoods } from './errors';

/**
 * Moves `quantity` units of a good from the seller's bag into a sell order's one item
 * (container MARKET), smallest stacks first: the first whole stack taken moves as it
 * is, every other unit is taken out of its stack and added to that row. Items held for
 * a trade or a craft are not free to sell. Returns the order's item id.
 */
export async function takeGoods(
  tx: Tx,
  seller: Character,
  templateId: string,
  quantity: number,
  orderId: string,
): Promise<string> {
  const stacks = (await lockCharacterItems(tx, seller.id))
    .filter(
      (i) =>
        i.container === 'BAG' &&
        i.templateId === templateId &&
        i.reservation === null &&
        i.boundCharacterId === null,
    )
    .sort((a, b) => a.quantity - b.quantity || a.slot - b.slot);
  const have = stacks.reduce((n, i) => n + i.quantity, 0);
  if (have < quantity) throw notEnoughGoods(have);
  const from = charOwner(seller.id);
  const to = marketOwner(orderId);
  const row = (itemId: string, quantityDelta: number): LedgerRow => ({
    reason: 'market',
    itemId,
    templateId,
    quantityDelta,
    fromOwner: from,
    toOwner: to,
    ref: orderId,
  });
  const rows: LedgerRow[] = [];
  let held: string | null = null;
  let left = quantity;
  for (const stack of stacks) {
    if (left === 0) break;
    const take = Math.min(left, stack.quantity);
    left -= take;
    if (take === stack.quantity && held === null) {
      await holdItem(tx, stack.id, 'MARKET');
      rows.push(row(stack.id, 0));
      held = stack.id;
      continue;
    }
    if (take === stack.quantity) await deleteItem(tx, stack.id);
    else await addItemQuantity(tx, stack.id, -take);
    rows.push(row(stack.id, -take));
    if (held === null) {
      held = newRowId();
      await tx.$executeRaw`
        INSERT INTO "Item" ("id", "templateId", "quantity", "container", "slot", "updatedAt")
        VALUES (${held}, ${templateId}, ${take}, 'MARKET', 0, now())`;
    } else await addItemQuantity(tx, held, take);
    rows.push(row(held, take));
  }
  await insertLedgerRows(tx, rows);
  return held as string;
}
