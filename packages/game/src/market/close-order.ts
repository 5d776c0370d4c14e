import { Prisma, type MarketOrder } from '@necp/db';
import type { Tx } from '../core/deps';
import { insertLedgerRows } from '../ledger/insert-ledger-rows';
import { charOwner, marketOwner, sinkOwner } from '../ledger/owners';
import { recordCurrencySteps } from '../ledger/record-currency';
import { heldLedgerRow } from '../ledger/record-held-currency';
import { readOrders } from './order-rows';

export type CloseReason = 'cancelled' | 'expired';

/**
 * Closes an open order. The caller locked, in this order, its character (if any), the
 * good's book (`book`: so a match batch on it is over or not yet begun) and the
 * order's row (order-rows.ts lockBook, lockOrder): what is
 * left leaves the book with a journal line; a buy order's escrow goes back to its owner
 * at once (a purged owner's to the house); a sell order's unsold goods stay on it, to
 * be collected. One statement closes the row and empties its escrow (the CHECK holds).
 */
export async function closeLocked(
  tx: Tx,
  o: MarketOrder,
  reason: CloseReason,
  book: { seq: number },
  now: Date,
): Promise<MarketOrder> {
  const [closed] = await readOrders(
    tx,
    Prisma.sql`
      UPDATE "MarketOrder"
      SET "state" = ${reason}, "remaining" = 0, "escrow" = 0, "closedAt" = ${now}::timestamp
      WHERE "id" = ${o.id} RETURNING *`,
  );
  if (!closed) throw new Error(`market: order ${o.id} gone while locked`);
  if (o.escrow > 0) {
    const owner = o.characterId ? charOwner(o.characterId) : sinkOwner('purge');
    const change = {
      holder: 'market' as const,
      id: o.id,
      reason: o.characterId ? ('market' as const) : ('purge' as const),
      delta: -o.escrow,
      counterparty: owner,
      ref: o.id,
    };
    // the order's row (closed above) holds none now: its ledger row, with the owner's
    if (o.characterId)
      await recordCurrencySteps(
        tx,
        [
          {
            reason: 'market',
            characterId: o.characterId,
            delta: o.escrow,
            fromOwner: marketOwner(o.id),
            toOwner: owner,
            ref: o.id,
          },
        ],
        [heldLedgerRow(change, 0)],
      );
    else await insertLedgerRows(tx, [heldLedgerRow(change, 0)]);
  }
  if (o.booked) {
    const seq = ++book.seq;
    // the journal line and the book's position in one statement
    await tx.$executeRaw`
      WITH line AS (
        INSERT INTO "MarketJournal" ("templateId", "seq", "kind", "orderId", "data", "at")
        VALUES (${o.templateId}, ${seq}, ${reason === 'cancelled' ? 'cancel' : 'expire'},
          ${o.id}, ${JSON.stringify({ remaining: o.remaining })}::jsonb, ${now}::timestamp))
      UPDATE "MarketBook" SET "seq" = ${seq}, "updatedAt" = now()
      WHERE "templateId" = ${o.templateId}`;
  }
  return closed;
}
