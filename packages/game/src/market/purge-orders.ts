import type { Tx } from '../core/deps';
import { deleteItem } from '../inventory/item-writes';
import { insertLedgerRows, type LedgerRow } from '../ledger/insert-ledger-rows';
import { marketOwner, sinkOwner } from '../ledger/owners';
import { heldLedgerRow } from '../ledger/record-held-currency';
import { lockBook, lockOrder } from './order-rows';

/**
 * The market orders of characters being purged (their rows are locked by the caller):
 * every order that is open or still holds something is closed and emptied — escrow,
 * payout and goods to the house (sink `purge`), so nothing is left without an owner.
 * Returns the goods whose books it held: orders placed meanwhile were left to it, and
 * the caller runs their matcher after its commit (matchIfWaiting), as a cancel does.
 */
export async function purgeMarketOf(
  tx: Tx,
  characterIds: readonly string[],
  now: Date,
): Promise<string[]> {
  const orders = await tx.marketOrder.findMany({
    where: {
      characterId: { in: [...characterIds] },
      OR: [{ state: 'open' }, { payout: { gt: 0 } }, { itemId: { not: null } }],
    },
    orderBy: [{ templateId: 'asc' }, { id: 'asc' }],
    select: { id: true, templateId: true },
  });
  for (const { id, templateId } of orders) {
    const book = await lockBook(tx, templateId);
    const o = await lockOrder(tx, id);
    const sink = sinkOwner('purge');
    const rows: LedgerRow[] = [];
    for (const [holder, held] of [
      ['market', o.escrow],
      ['market_payout', o.payout],
    ] as const)
      if (held > 0)
        rows.push(
          heldLedgerRow(
            { holder, id: o.id, reason: 'purge', delta: -held, counterparty: sink, ref: o.id },
            0,
          ),
        );
    await tx.marketOrder.update({
      where: { id: o.id },
      data: {
        ...(o.state === 'open' ? { state: 'cancelled', remaining: 0, closedAt: now } : {}),
        escrow: 0,
        payout: 0,
        itemId: null,
      },
    });
    if (o.itemId) {
      const item = await tx.item.findUniqueOrThrow({ where: { id: o.itemId } });
      rows.push({
        reason: 'purge',
        itemId: item.id,
        templateId: item.templateId,
        quantityDelta: -item.quantity,
        fromOwner: marketOwner(o.id),
        toOwner: sink,
        ref: o.id,
      });
      await deleteItem(tx, item.id);
    }
    await insertLedgerRows(tx, rows);
    if (o.state === 'open' && o.booked && book) {
      const seq = book.seq + 1;
      await tx.marketJournal.create({
        data: {
          templateId,
          seq,
          kind: 'cancel',
          orderId: o.id,
          data: { remaining: o.remaining },
          at: now,
        },
      });
      await tx.marketBook.update({ where: { templateId }, data: { seq } });
    }
  }
  return [...new Set(orders.map((o) => o.templateId))];
}
