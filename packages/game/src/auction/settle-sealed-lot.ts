import { refundsOf, resolveSealedLot } from '@necp/shared';
import type { Tx } from '../core/deps';
import { auctionOwner, charOwner, sinkOwner } from '../ledger/owners';
import { recordCurrency } from '../ledger/record-currency';
import { recordHeldCurrency } from '../ledger/record-held-currency';
import { recordItem } from '../ledger/record-item';
import { sendSystemMail } from '../mail/send-system-mail';
import { notify } from '../notifications/notifications';
import { SEALED_LOT_SELLER } from './schedule-sealed-lots';
import { sealedLog, sealedLotOf, type LotRow } from './sealed-lot-rows';

/**
 * Closes a locked sealed lot once (lockLot: its bidders are locked too): the result is
 * resolveSealedLot of the bid log read back from the database — a replay of the log,
 * whatever process runs it — and refundsOf says what each bidder gets back. The
 * AuctionSettlement row is the key, as for every listing: a second close changes
 * nothing (false). In this one transaction: every bidder's max comes back to their
 * wallet except the winner's price (sink `auction_lot`), the item goes to the winner
 * by system mail, or is destroyed when nobody reached the reserve (sink `auction_lot`).
 * A bidder purged since gets nothing back (sink `purge`).
 */
export async function settleSealedLocked(
  tx: Tx,
  l: LotRow,
  now: Date,
): Promise<'sold' | 'expired' | false> {
  if (l.state !== 'sealed' || l.endsAt > now) return false;
  const lot = sealedLotOf(l);
  const log = await sealedLog(tx, l.id);
  const result = resolveSealedLot(lot, log);
  const refunds = refundsOf(lot, log, result);
  const alive = new Set(
    (
      await tx.character.findMany({
        where: { id: { in: refunds.map((r) => r.bidderId) } },
        select: { id: true },
      })
    ).map((c) => c.id),
  );
  const winner = result.winner !== null && alive.has(result.winner) ? result.winner : null;
  const outcome = result.winner !== null ? 'sold' : 'expired';
  const inserted = await tx.$executeRaw`
    INSERT INTO "AuctionSettlement" ("listingId", "outcome", "price", "settledAt")
    VALUES (${l.id}, ${outcome}, ${result.price}, ${now})
    ON CONFLICT ("listingId") DO NOTHING`;
  if (inserted === 0) return false;
  await tx.auctionListing.update({
    where: { id: l.id },
    data: { state: outcome, closedAt: now, itemId: null, bid: result.price, bidderId: winner },
  });
  const what = l.quantity > 1 ? `${l.name} ×${l.quantity}` : l.name;
  const winnerName = winner
    ? (await tx.character.findUniqueOrThrow({ where: { id: winner }, select: { name: true } })).name
    : null;

  for (const r of refunds) {
    if (r.refund > 0) {
      const to = alive.has(r.bidderId) ? charOwner(r.bidderId) : sinkOwner('purge');
      await recordHeldCurrency(tx, {
        holder: 'auction',
        id: l.id,
        reason: alive.has(r.bidderId) ? 'auction' : 'purge',
        delta: -r.refund,
        counterparty: to,
        ref: l.id,
      });
      if (alive.has(r.bidderId))
        await recordCurrency(tx, {
          reason: 'auction',
          characterId: r.bidderId,
          delta: r.refund,
          fromOwner: auctionOwner(l.id),
          toOwner: to,
          ref: l.id,
        });
    }
    if (r.paid > 0)
      await recordHeldCurrency(tx, {
        holder: 'auction',
        id: l.id,
        reason: 'auction_lot',
        delta: -r.paid,
        counterparty: sinkOwner('auction_lot'),
        ref: l.id,
      });
    if (alive.has(r.bidderId) && r.bidderId !== winner)
      await notify(tx, now, {
        characterId: r.bidderId,
        kind: 'auction_result',
        title: `Sealed lot: ${what}`,
        body: `${winnerName ?? 'Another bidder'} won it for ${result.price} eddies. Your sealed max of ${r.held} is back.`,
      });
  }

  if (!l.itemId) return outcome;
  if (winner) {
    const paid = refunds.find((r) => r.bidderId === winner);
    await sendSystemMail(
      { db: tx, clock: { now: () => now } },
      {
        toCharacterId: winner,
        subject: `Won: ${what}`,
        body:
          `Your sealed max of ${paid?.held ?? result.price} won ${what} for ${result.price} eddies ` +
          `(what it took to beat the next bid); the rest is back in your wallet.`,
        reason: 'auction',
        from: SEALED_LOT_SELLER,
        carry: { holder: 'auction', id: l.id, itemIds: [l.itemId] },
      },
      { kind: 'auction_result', title: `Won: ${what}` },
    );
    return outcome;
  }
  // nobody reached the reserve (or the winner is gone): the house's piece is withdrawn
  const item = await tx.item.findUniqueOrThrow({ where: { id: l.itemId } });
  await tx.item.delete({ where: { id: item.id } });
  await recordItem(tx, {
    reason: 'auction_lot',
    itemId: item.id,
    templateId: item.templateId,
    quantityDelta: -item.quantity,
    fromOwner: auctionOwner(l.id),
    toOwner: sinkOwner('auction_lot'),
    ref: l.id,
  });
  return outcome;
}
