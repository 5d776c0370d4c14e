import { Prisma } from '@necp/db';
import type { MarketOrderRow } from '../core/locked-rows';
import type { Tx } from '../core/deps';
import { withWrites } from '../core/one-statement';
import { ledgerRowsInsert, type LedgerRow } from '../ledger/insert-ledger-rows';
import { LockedBalances } from '../ledger/locked-balances';
import { charOwner, marketOwner, sinkOwner } from '../ledger/owners';
import { recordCurrencySteps, type CurrencyChange } from '../ledger/record-currency';
import { heldLedgerRow } from '../ledger/record-held-currency';
import { readOrders } from './order-rows';

export type CloseReason = 'cancelled' | 'expired';

/**
 * Closes an open order. The caller locked, in this order, its character (if any), the
 * good's book (`book`: so a match batch on it is over or not yet begun) and the
 * order's row (order-rows.ts lockBook, lockOrder): what is left leaves the book with a
 * journal line; a buy order's escrow goes back to its owner at once (a purged owner's to
 * the house); a sell order's unsold goods stay on it, to be collected. ONE statement
 * closes the row and empties its escrow (the CHECK holds), writes the journal line, the
 * book's position, the ledger rows and — `owner`: its row as the caller locked and read
 * it — the owner's eddies (LockedBalances), with the caller's `writes` beside them; an
 * owner not given is refunded by a statement of its own. They were four statements.
 */
export async function closeLocked(
  tx: Tx,
  o: MarketOrderRow,
  reason: CloseReason,
  book: { seq: number },
  now: Date,
  also: { owner?: { id: string; eddies: number }; writes?: readonly Prisma.Sql[] } = {},
): Promise<MarketOrderRow> {
  const balances = new LockedBalances();
  const rows: LedgerRow[] = [];
  let refund: CurrencyChange | undefined;
  if (o.escrow > 0) {
    const owner = o.characterId ? charOwner(o.characterId) : sinkOwner('purge');
    // the order's row (closed below) holds none after: its ledger row, with the owner's
    rows.push(
      heldLedgerRow(
        {
          holder: 'market',
          id: o.id,
          reason: o.characterId ? 'market' : 'purge',
          delta: -o.escrow,
          counterparty: owner,
          ref: o.id,
        },
        0,
      ),
    );
    if (o.characterId)
      refund = {
        reason: 'market',
        characterId: o.characterId,
        delta: o.escrow,
        fromOwner: marketOwner(o.id),
        toOwner: owner,
        ref: o.id,
      };
  }
  const locked = refund && also.owner?.id === refund.characterId ? also.owner : undefined;
  if (refund && locked) rows.unshift(balances.step(locked, refund));
  // the owner not locked here: the refund and its rows by a statement of their own
  else if (refund) await recordCurrencySteps(tx, [refund], rows.splice(0));
  const writes: Prisma.Sql[] = [];
  if (locked) writes.push(balances.write());
  if (rows.length) writes.push(ledgerRowsInsert(rows));
  if (o.booked) {
    const seq = ++book.seq;
    writes.push(
      Prisma.sql`
        INSERT INTO "MarketJournal" ("templateId", "seq", "kind", "orderId", "data", "at")
        VALUES (${o.templateId}, ${seq}, ${reason === 'cancelled' ? 'cancel' : 'expire'},
          ${o.id}, ${JSON.stringify({ remaining: o.remaining })}::jsonb, ${now}::timestamp)`,
      Prisma.sql`
        UPDATE "MarketBook" SET "seq" = ${seq}, "updatedAt" = now()
        WHERE "templateId" = ${o.templateId}`,
    );
  }
  writes.push(...(also.writes ?? []));
  // the owner's eddies written only while they held what was read (w0): else no row comes
  // back, and the throw rolls back every write of the statement
  const [closed] = await readOrders(
    tx,
    withWrites(
      writes,
      Prisma.sql`
        UPDATE "MarketOrder"
        SET "state" = ${reason}, "remaining" = 0, "escrow" = 0, "closedAt" = ${now}::timestamp
        WHERE "id" = ${o.id} AND ${locked ? balances.allWritten('w0') : Prisma.sql`true`}
        RETURNING *`,
    ),
  );
  if (!closed) throw new Error(`market: order ${o.id} or its owner changed while locked`);
  return closed;
}
