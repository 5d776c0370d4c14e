import { Prisma, type Character } from '@necp/db';
import type { Tx } from '../core/deps';
import { writeAtOnce } from '../core/one-statement';
import { newRowId } from '../core/row-ids';
import { lockCharacterItems } from '../core/row-locks';
import { holdItemSql } from '../inventory/item-writes';
import { ledgerRowsInsert, type LedgerRow } from '../ledger/insert-ledger-rows';
import { charOwner, marketOwner } from '../ledger/owners';
import { notEnoughGoods } from './errors';

/**
 * Moves `quantity` units of a good from the seller's bag into a sell order's one item
 * (container MARKET), smallest stacks first: the first whole stack taken moves as it
 * is, every other unit is taken out of its stack and added to that row. Items held for
 * a trade or a craft are not free to sell. One statement writes it all (after the bag's
 * read). Returns the order's item id.
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
  // what each stack gives, then every write in one statement (no row written twice: the
  // held row's final quantity is known before it is written)
  const rows: LedgerRow[] = [];
  const deleted: string[] = [];
  const shrunk: { id: string; take: number }[] = [];
  let held: { id: string; moved: boolean; quantity: number } | null = null;
  let left = quantity;
  for (const stack of stacks) {
    if (left === 0) break;
    const take = Math.min(left, stack.quantity);
    left -= take;
    if (take === stack.quantity && held === null) {
      held = { id: stack.id, moved: true, quantity: take };
      rows.push(row(stack.id, 0));
      continue;
    }
    if (take === stack.quantity) deleted.push(stack.id);
    else shrunk.push({ id: stack.id, take });
    rows.push(row(stack.id, -take));
    if (held === null) held = { id: newRowId(), moved: false, quantity: 0 };
    held.quantity += take;
    rows.push(row(held.id, take));
  }
  if (!held) throw new Error('takeGoods: nothing taken');
  const writes: Prisma.Sql[] = [
    held.moved
      ? holdItemSql(held.id, 'MARKET', 0, held.quantity)
      : Prisma.sql`
          INSERT INTO "Item" ("id", "templateId", "quantity", "container", "slot", "updatedAt")
          VALUES (${held.id}, ${templateId}, ${held.quantity}, 'MARKET', 0, now())`,
  ];
  if (deleted.length)
    writes.push(Prisma.sql`DELETE FROM "Item" WHERE "id" = ANY(${deleted}::text[])`);
  if (shrunk.length)
    writes.push(Prisma.sql`
      UPDATE "Item" i SET "quantity" = i."quantity" - v."take", "updatedAt" = now()
      FROM unnest(${shrunk.map((x) => x.id)}::text[], ${shrunk.map((x) => x.take)}::int[])
        AS v("id", "take")
      WHERE i."id" = v."id"`);
  writes.push(ledgerRowsInsert(rows));
  await writeAtOnce(tx, writes);
  return held.id;
}
