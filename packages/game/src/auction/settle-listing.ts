import { auctionCut } from '@necp/shared';
import type { GameDeps, Tx } from '../core/deps';
import { inTransaction } from '../core/transaction';
import { auctionOwner, sinkOwner } from '../ledger/owners';
import { recordHeldCurrency } from '../ledger/record-held-currency';
import { deleteItem } from '../inventory/item-writes';
import { recordItem } from '../ledger/record-item';
import { sendSystemMail } from '../mail/send-system-mail';
import { lockListing } from './listing-rows';
import { lockLot } from './sealed-lot-rows';
import { settleSealedLocked } from './settle-sealed-lot';
import type { AuctionListingRow } from '../core/locked-rows';

/** The worker's scheduled job (graphile-worker crontab: every minute, once across all nodes). */
export const AUCTION_SETTLE_TASK = 'auction_settle';
export const AUCTION_SETTLE_CRONTAB = `* * * * * ${AUCTION_SETTLE_TASK}`;
/** listings one sweep settles (the rest wait for the next minute) */
const BATCH = 200;
const FROM = 'Reef Exchange';

export type AuctionOutcome = 'sold' | 'expired' | 'cancelled';

/**
 * Settles a locked live listing once: the AuctionSettlement row is inserted first and
 * is the key — a second settlement (a worker twice, two processes, a buyout racing the
 * expiry) inserts nothing and changes nothing (false). Everything goes by system mail:
 * sold — the item to the winner; the price less the house's cut (sink `auction_cut`)
 * and the deposit back to the seller; expired or cancelled — the item back to the
 * seller, the deposit kept (sink `auction_deposit`). A party purged since gets nothing:
 * what was theirs is sunk (`purge`).
 */
export async function settleLocked(
  tx: Tx,
  l: AuctionListingRow,
  outcome: AuctionOutcome,
  now: Date,
): Promise<boolean> {
  if (l.state !== 'live') return false;
  const inserted = await tx.$executeRaw`
    INSERT INTO "AuctionSettlement" ("listingId", "outcome", "price", "settledAt")
    VALUES (${l.id}, ${outcome}, ${outcome === 'sold' ? l.bid : 0}, ${now})
    ON CONFLICT ("listingId") DO NOTHING`;
  if (inserted === 0) return false;
  await tx.$executeRaw`UPDATE "AuctionListing" SET "state" = ${outcome},
    "closedAt" = ${now}::timestamp, "itemId" = NULL WHERE "id" = ${l.id}`;
  const deps = { db: tx, clock: { now: () => now } };
  const what = l.quantity > 1 ? `${l.name} ×${l.quantity}` : l.name;
  const sink = async (reason: 'auction_cut' | 'auction_deposit' | 'purge', amount: number) => {
    if (amount > 0)
      await recordHeldCurrency(tx, {
        holder: 'auction',
        id: l.id,
        reason,
        delta: -amount,
        counterparty: sinkOwner(reason),
        ref: l.id,
      });
  };
  /** the item to `to` by mail, or destroyed when they are gone */
  const sendItem = async (to: string | null, subject: string, body: string) => {
    if (!l.itemId) return;
    if (to) {
      await sendSystemMail(
        deps,
        {
          toCharacterId: to,
          subject,
          body,
          reason: 'auction',
          from: FROM,
          carry: { holder: 'auction', id: l.id, itemIds: [l.itemId] },
        },
        { kind: 'auction_result', title: subject },
      );
      return;
    }
    const item = await deleteItem(tx, l.itemId);
    if (!item) throw new Error(`auction ${l.id}: its item ${l.itemId} is gone`);
    await recordItem(tx, {
      reason: 'purge',
      itemId: l.itemId,
      templateId: item.templateId,
      quantityDelta: -item.quantity,
      fromOwner: auctionOwner(l.id),
      toOwner: sinkOwner('purge'),
      ref: l.id,
    });
  };

  if (outcome === 'sold') {
    const cut = auctionCut(l.bid);
    const payout = l.bid - cut + l.deposit;
    await sink('auction_cut', cut);
    await sendItem(l.bidderId, `Won: ${what}`, `You won ${what} for ${l.bid} eddies.`);
    if (l.sellerId)
      await sendSystemMail(
        deps,
        {
          toCharacterId: l.sellerId,
          subject: `Sold: ${what}`,
          body:
            `${what} sold for ${l.bid} eddies. The house took its cut of ${cut}; ` +
            `your deposit of ${l.deposit} comes back with the payment.`,
          eddies: payout,
          reason: 'auction',
          from: FROM,
          carry: { holder: 'auction', id: l.id, itemIds: [] },
        },
        { kind: 'auction_result', title: `Sold: ${what}` },
      );
    else await sink('purge', payout);
    return true;
  }
  await sink('auction_deposit', l.deposit);
  await sendItem(
    l.sellerId,
    outcome === 'expired' ? `Unsold: ${what}` : `Cancelled: ${what}`,
    outcome === 'expired'
      ? `Nobody bid on ${what}: it comes back to you. The deposit of ${l.deposit} is kept.`
      : `You took ${what} off the Exchange. The deposit of ${l.deposit} is kept.`,
  );
  return true;
}

/**
 * Settles one listing whose time is up (sold to the high bidder, or expired), in its
 * own transaction under the listing's lock: 'not_due' when a late bid moved its end,
 * false when it is settled already. A seasonal sealed lot closes by its own rule
 * (settle-sealed-lot.ts) under the same once-key.
 */
export async function settleListing(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  listingId: string,
): Promise<AuctionOutcome | 'not_due' | false> {
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const kind = await tx.auctionListing.findUnique({
      where: { id: listingId },
      select: { season: true },
    });
    if (kind?.season) {
      const lot = await lockLot(tx, listingId);
      if (lot.state === 'sealed' && lot.endsAt > now) return 'not_due';
      return settleSealedLocked(tx, lot, now);
    }
    const { l } = await lockListing(tx, listingId);
    if (l.state !== 'live') return false;
    if (l.endsAt > now) return 'not_due';
    const outcome = l.bid > 0 ? 'sold' : 'expired';
    return (await settleLocked(tx, l, outcome, now)) ? outcome : false;
  });
}

/**
 * The worker's sweep: every live listing and sealed lot past its end, each through settleListing —
 * two sweeps at once, or a sweep racing a bid or a buyout, settle each listing once.
 * Returns how many it settled.
 */
export async function settleDueAuctions(deps: Pick<GameDeps, 'db' | 'clock'>): Promise<number> {
  const due = await deps.db.auctionListing.findMany({
    where: { state: { in: ['live', 'sealed'] }, endsAt: { lte: deps.clock.now() } },
    select: { id: true },
    orderBy: { endsAt: 'asc' },
    take: BATCH,
  });
  let settled = 0;
  for (const l of due) {
    const out = await settleListing(deps, l.id);
    if (out !== false && out !== 'not_due') settled++;
  }
  return settled;
}
