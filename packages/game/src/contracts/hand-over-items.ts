import type { Item } from '@necp/db';
import type { Tx } from '../core/deps';
import { newRowId } from '../core/row-ids';
import { lockCharacterItems } from '../core/row-locks';
import { addItemQuantity, deleteItem, holdItem } from '../inventory/item-writes';
import { loadTemplate } from '../inventory/templates';
import { insertLedgerRows, type LedgerRow } from '../ledger/insert-ledger-rows';
import { charOwner, contractOwner } from '../ledger/owners';
import { notEnoughToDeliver } from './errors';

/**
 * Moves `quantity` of a template from the taker's bag into a contract (container
 * CONTRACT, ContractItem role `delivery`). Pieces that do not stack (gear) move whole,
 * keeping their quality and wear — only those among `only` when it is given (a craft
 * contract's pieces must be the ones the taker made). Stackable units are taken from
 * the bag's free stacks, smallest first, and held as fresh full stacks, so the
 * settlement's mail carries at most MAIL_ATTACHMENTS_MAX of them (contract-targets.ts).
 * Items held for a trade or a craft, and bound items, are not free to give.
 */
export async function handOverItems(
  tx: Tx,
  characterId: string,
  templateId: string,
  quantity: number,
  contractId: string,
  only?: readonly string[],
): Promise<void> {
  const t = await loadTemplate(tx, templateId);
  const free = (await lockCharacterItems(tx, characterId))
    .filter(
      (i: Item) =>
        i.container === 'BAG' &&
        i.templateId === templateId &&
        i.reservation === null &&
        i.boundCharacterId === null &&
        (t.stackSize > 1 || !only || only.includes(i.id)),
    )
    .sort((a, b) => a.quantity - b.quantity || a.slot - b.slot);
  const have = free.reduce((n, i) => n + i.quantity, 0);
  if (have < quantity) throw notEnoughToDeliver(have, quantity);
  const from = charOwner(characterId);
  const to = contractOwner(contractId);
  const row = (itemId: string, quantityDelta: number): LedgerRow => ({
    reason: 'contract',
    itemId,
    templateId,
    quantityDelta,
    fromOwner: from,
    toOwner: to,
    ref: contractId,
  });
  const rows: LedgerRow[] = [];
  const held: string[] = [];
  if (t.stackSize === 1) {
    for (const piece of free.slice(0, quantity)) {
      await holdItem(tx, piece.id, 'CONTRACT');
      rows.push(row(piece.id, 0));
      held.push(piece.id);
    }
  } else {
    let left = quantity;
    for (const stack of free) {
      if (left === 0) break;
      const take = Math.min(left, stack.quantity);
      left -= take;
      if (take === stack.quantity) await deleteItem(tx, stack.id);
      else await addItemQuantity(tx, stack.id, -take);
      rows.push(row(stack.id, -take));
    }
    for (let left2 = quantity; left2 > 0; left2 -= t.stackSize) {
      const n = Math.min(left2, t.stackSize);
      const made = { id: newRowId() };
      await tx.$executeRaw`INSERT INTO "Item" ("id", "templateId", "quantity", "container",
          "slot", "updatedAt")
        VALUES (${made.id}, ${templateId}, ${n}::int, 'CONTRACT', 0, now())`;
      rows.push(row(made.id, n));
      held.push(made.id);
    }
  }
  await insertLedgerRows(tx, rows);
  if (held.length > 0)
    await tx.$executeRaw`INSERT INTO "ContractItem" ("itemId", "contractId", "role")
      SELECT id, ${contractId}, 'delivery' FROM unnest(${held}::text[]) AS id`;
}
