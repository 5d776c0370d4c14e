import {
  AuctionBidInputSchema,
  AuctionListingRefSchema,
  endAfterBid,
  minNextBid,
  type AuctionBidInput,
  type AuctionListingRef,
  type AuctionListingView,
} from '@necp/shared';
import { Prisma, type AuctionListing, type Character } from '@necp/db';
import type { GameDeps, Tx } from '../core/deps';
import { characterNotFound } from '../core/errors';
import { withWrites } from '../core/one-statement';
import { DIRECT, inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { auctionOwner, charOwner, sinkOwner } from '../ledger/owners';
import { recordCurrency } from '../ledger/record-currency';
import { heldLedgerRow } from '../ledger/record-held-currency';
import { ledgerRowsInsert, type LedgerRow } from '../ledger/insert-ledger-rows';
import { notify } from '../notifications/notifications';
import { alreadyLeading, auctionOver, bidTooLow, noBuyout, ownListing } from './errors';
import { assertAtAuctionTerminal } from './list-item';
import { isOpen, listingView, lockListing, readListings } from './listing-rows';
import { settleLocked } from './settle-listing';

/**
 * A bid of `amount` on a locked, open listing: the bidder's eddies go into the listing
 * (held in escrow, never below zero) and the bidder before gets theirs back, in this
 * one transaction with the ledger rows; a bid in the last minutes moves the end on.
 * The listing's row is locked and read: what it holds after each step is known here, so
 * its eddies, its two ledger rows, the bid's record and its new state are one statement.
 */
async function bidLocked(
  tx: Tx,
  l: AuctionListing,
  bidder: Character,
  amount: number,
  now: Date,
): Promise<AuctionListing> {
  const owner = auctionOwner(l.id);
  const held: LedgerRow[] = [];
  // the bidder before first: a leader raising to the buyout is refunded, then charged
  if (l.bid > 0) {
    if (l.eddies < l.bid) throw new Error(`auction: listing ${l.id} holds less than its bid`);
    // the bidder before gets back what they held in it (a purged one's goes to the house)
    const back = l.bidderId ? charOwner(l.bidderId) : sinkOwner('purge');
    const change = {
      holder: 'auction' as const,
      id: l.id,
      reason: l.bidderId ? ('auction' as const) : ('purge' as const),
      delta: -l.bid,
      counterparty: back,
      ref: l.id,
    };
    held.push(heldLedgerRow(change, l.eddies - l.bid));
    if (l.bidderId) {
      await recordCurrency(tx, {
        reason: 'auction',
        characterId: l.bidderId,
        delta: l.bid,
        fromOwner: owner,
        toOwner: charOwner(l.bidderId),
        ref: l.id,
      });
      if (l.bidderId !== bidder.id)
        await notify(tx, now, {
          characterId: l.bidderId,
          kind: 'auction_outbid',
          title: `Outbid: ${l.name}`,
          body: `${bidder.name} bid ${amount} eddies. Your ${l.bid} are back.`,
        });
    }
  }
  await recordCurrency(tx, {
    reason: 'auction',
    characterId: bidder.id,
    delta: -amount,
    fromOwner: charOwner(bidder.id),
    toOwner: owner,
    ref: l.id,
  });
  const eddies = l.eddies - l.bid + amount;
  const into = {
    holder: 'auction' as const,
    id: l.id,
    reason: 'auction' as const,
    delta: amount,
    counterparty: charOwner(bidder.id),
    ref: l.id,
  };
  held.push(heldLedgerRow(into, eddies));
  const [after] = await readListings(
    tx,
    withWrites(
      [
        Prisma.sql`
          INSERT INTO "AuctionBid" ("listingId", "bidderId", "amount", "at")
          VALUES (${l.id}, ${bidder.id}, ${amount}, ${now}::timestamp)`,
        ledgerRowsInsert(held),
      ],
      Prisma.sql`
        UPDATE "AuctionListing"
        SET "eddies" = ${eddies}, "bid" = ${amount}, "bidderId" = ${bidder.id},
          "bids" = "bids" + 1, "price" = ${minNextBid({ startBid: l.startBid, bid: amount })},
          "endsAt" = ${new Date(endAfterBid(l.endsAt.getTime(), now.getTime()))}::timestamp
        WHERE "id" = ${l.id} AND "eddies" = ${l.eddies}
        RETURNING *`,
    ),
  );
  if (!after) throw new Error(`auction: listing ${l.id} gone or changed while locked`);
  return after;
}

/** Locks the bidder, the listing and its parties; checks what every bid and buyout needs. */
async function openForBidder(tx: Tx, characterId: string, listingId: string, now: Date) {
  const { l, parties } = await lockListing(tx, listingId, [characterId]);
  const bidder = parties.find((c) => c.id === characterId);
  if (!bidder) throw characterNotFound(characterId);
  assertAtAuctionTerminal(bidder);
  if (!isOpen(l, now)) throw auctionOver();
  if (l.sellerId === bidder.id) throw ownListing();
  return { l, bidder };
}

/**
 * Bids at an auction terminal. Refused: an auction that is over, your own, one whose
 * high bid you hold, less than minNextBid (CONFLICT: someone bid meanwhile), more than
 * you have. A bid at or above the buyout is the buyout (at the buyout's price).
 */
export async function placeBid(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: AuctionBidInput,
): Promise<AuctionListingView> {
  const b = parseInput(AuctionBidInputSchema, input);
  const now = deps.clock.now();
  // raw statements only (a bid at the buyout settles through Prisma's: rerun there)
  return inTransaction(
    deps.db,
    async (tx) => {
      const { l, bidder } = await openForBidder(tx, b.characterId, b.listingId, now);
      if (l.bidderId === bidder.id) throw alreadyLeading();
      const min = minNextBid(l);
      if (b.amount < min) throw bidTooLow(min);
      if (l.buyout !== null && b.amount >= l.buyout) return buyoutLocked(tx, l, bidder, now);
      return listingView(await bidLocked(tx, l, bidder, b.amount, now), bidder.id);
    },
    DIRECT,
  );
}

async function buyoutLocked(tx: Tx, l: AuctionListing, buyer: Character, now: Date) {
  if (l.buyout === null) throw noBuyout();
  // the buyout outbids everyone, the buyer's own standing bid too (refunded first)
  const sold = await bidLocked(tx, l, buyer, l.buyout, now);
  await settleLocked(tx, sold, 'sold', now);
  const [after] = await readListings(
    tx,
    Prisma.sql`SELECT * FROM "AuctionListing" WHERE "id" = ${l.id}`,
  );
  if (!after) throw new Error(`auction: listing ${l.id} gone while locked`);
  return listingView(after, buyer.id);
}

/** Buys at the buyout price: the auction ends at once, the item comes by mail. */
export async function buyoutListing(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: AuctionListingRef,
): Promise<AuctionListingView> {
  const r = parseInput(AuctionListingRefSchema, input);
  const now = deps.clock.now();
  return inTransaction(deps.db, async (tx) => {
    const { l, bidder } = await openForBidder(tx, r.characterId, r.listingId, now);
    return buyoutLocked(tx, l, bidder, now);
  });
}
