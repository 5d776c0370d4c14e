import {
  AuctionBidInputSchema,
  AuctionListingRefSchema,
  endAfterBid,
  minNextBid,
  type AuctionBidInput,
  type AuctionListingRef,
  type AuctionListingView,
} from '@necp/shared';
import { Prisma, type Character } from '@necp/db';
import type { GameDeps, Tx } from '../core/deps';
import { characterNotFound } from '../core/errors';
import { withWrites } from '../core/one-statement';
import { DIRECT, inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { auctionOwner, charOwner, sinkOwner } from '../ledger/owners';
import { LockedBalances } from '../ledger/locked-balances';
import { recordCurrency } from '../ledger/record-currency';
import { heldLedgerRow } from '../ledger/record-held-currency';
import { ledgerRowsInsert, type LedgerRow } from '../ledger/insert-ledger-rows';
import { notifyAllWrites, type NotifyInput } from '../notifications/notifications';
import { alreadyLeading, auctionOver, bidTooLow, noBuyout, ownListing } from './errors';
import { assertAtAuctionTerminal } from './list-item';
import { isOpen, listingView, lockListing, readListings, type ListingSeen } from './listing-rows';
import { settleLocked } from './settle-listing';
import type { AuctionListingRow } from '../core/locked-rows';

/**
 * A bid of `amount` on a locked, open listing: the bidder's eddies go into the listing
 * (held in escrow, never below zero) and the bidder before gets theirs back, in this
 * one transaction with the ledger rows; a bid in the last minutes moves the end on.
 * The listing and both bidders' rows are locked and read (`parties`): what each holds
 * after each step is known here, so the eddies of both, the listing's, every ledger row,
 * the bid's record, the outbid notice and the listing's new state are ONE statement (a
 * bidder before who is deleted, not locked, is refunded by a statement of its own).
 */
async function bidLocked(
  tx: Tx,
  l: AuctionListingRow,
  bidder: Character,
  parties: readonly Character[],
  amount: number,
  now: Date,
): Promise<AuctionListingRow> {
  const owner = auctionOwner(l.id);
  const held: LedgerRow[] = [];
  const balances = new LockedBalances();
  const rows: LedgerRow[] = [];
  const told: NotifyInput[] = [];
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
      const before = parties.find((c) => c.id === l.bidderId);
      const refund = {
        reason: 'auction' as const,
        characterId: l.bidderId,
        delta: l.bid,
        fromOwner: owner,
        toOwner: charOwner(l.bidderId),
        ref: l.id,
      };
      if (before) rows.push(balances.step(before, refund));
      else await recordCurrency(tx, refund);
      // told in the bid's one statement (the turn and both bidders are held meanwhile)
      if (l.bidderId !== bidder.id)
        told.push({
          characterId: l.bidderId,
          kind: 'auction_outbid',
          title: `Outbid: ${l.name}`,
          body: `${bidder.name} bid ${amount} eddies. Your ${l.bid} are back.`,
        });
    }
  }
  rows.push(
    balances.step(bidder, {
      reason: 'auction',
      characterId: bidder.id,
      delta: -amount,
      fromOwner: charOwner(bidder.id),
      toOwner: owner,
      ref: l.id,
    }),
  );
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
  // written only when both bidders' eddies were as read (w0): else nothing comes back
  const [after] = await readListings(
    tx,
    withWrites(
      [
        balances.write(),
        Prisma.sql`
          INSERT INTO "AuctionBid" ("listingId", "bidderId", "amount", "at")
          VALUES (${l.id}, ${bidder.id}, ${amount}, ${now}::timestamp)`,
        ledgerRowsInsert([...rows, ...held]),
      ],
      Prisma.sql`
        UPDATE "AuctionListing"
        SET "eddies" = ${eddies}, "bid" = ${amount}, "bidderId" = ${bidder.id},
          "bids" = "bids" + 1, "price" = ${minNextBid({ startBid: l.startBid, bid: amount })},
          "endsAt" = ${new Date(endAfterBid(l.endsAt.getTime(), now.getTime()))}::timestamp
        WHERE "id" = ${l.id} AND "eddies" = ${l.eddies} AND ${balances.allWritten('w0')}
        RETURNING *`,
      told.length ? [notifyAllWrites(now, told).ctes] : [],
    ),
  );
  if (!after) throw new Error(`auction: listing ${l.id} or a bidder changed while locked`);
  return after;
}

/**
 * Locks the bidder, the listing and its parties; checks what every bid and buyout needs.
 * `amount`: a bid's — its seller is locked only when it reaches the buyout (a sale).
 */
async function openForBidder(
  tx: Tx,
  characterId: string,
  listingId: string,
  now: Date,
  amount?: number,
) {
  const sale = (l: { buyout: number | null }) =>
    amount === undefined || (l.buyout !== null && amount >= l.buyout);
  // a bid the listing already refuses waits for no character (most refusals under a
  // crowd of bidders: the turn is held while a bid waits for its parties)
  const refuse = (l: ListingSeen) => {
    if (!isOpen(l, now)) throw auctionOver();
    // the caller's own high bid sent again: answered under the locks (placeBid)
    if (l.bidderId === characterId && l.bid === amount) return;
    if (amount !== undefined && amount < minNextBid(l)) throw bidTooLow(minNextBid(l));
  };
  const { l, parties } = await lockListing(tx, listingId, {
    also: [characterId],
    seller: sale,
    refuse,
  });
  const bidder = parties.find((c) => c.id === characterId);
  if (!bidder) throw characterNotFound(characterId);
  assertAtAuctionTerminal(bidder);
  if (!isOpen(l, now)) throw auctionOver();
  if (l.sellerId === bidder.id) throw ownListing();
  return { l, bidder, parties };
}

/**
 * Bids at an auction terminal. Refused: an auction that is over, your own, one whose
 * high bid you hold (the same amount again answers the listing: that bid, sent twice),
 * less than minNextBid (CONFLICT: someone bid meanwhile), more than
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
      const { l, bidder, parties } = await openForBidder(
        tx,
        b.characterId,
        b.listingId,
        now,
        b.amount,
      );
      if (l.bidderId === bidder.id) {
        // the same bid again (a second press, a try after a lost answer): the high bid is
        // its key — answered with the listing as it stands, nothing held twice
        if (l.bid === b.amount) return listingView(l, bidder.id);
        throw alreadyLeading();
      }
      const min = minNextBid(l);
      if (b.amount < min) throw bidTooLow(min);
      if (l.buyout !== null && b.amount >= l.buyout)
        return buyoutLocked(tx, l, bidder, parties, now);
      return listingView(await bidLocked(tx, l, bidder, parties, b.amount, now), bidder.id);
    },
    DIRECT,
  );
}

async function buyoutLocked(
  tx: Tx,
  l: AuctionListingRow,
  buyer: Character,
  parties: readonly Character[],
  now: Date,
) {
  if (l.buyout === null) throw noBuyout();
  // the buyout outbids everyone, the buyer's own standing bid too (refunded first)
  const sold = await bidLocked(tx, l, buyer, parties, l.buyout, now);
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
    const { l, bidder, parties } = await openForBidder(tx, r.characterId, r.listingId, now);
    return buyoutLocked(tx, l, bidder, parties, now);
  });
}
