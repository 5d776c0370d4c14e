/**
 * What every auction operation shares: locking a listing with the characters it
 * concerns, and the view of a listing.
 *
 * Locks (core/lock-order.ts steps 0a and 2d): the listing's turn first (an advisory lock,
 * holding nothing else: a bid that waits for another bid of the same listing holds no
 * character meanwhile — holding its bidder, seller and high bidder while it waited made
 * every operation of those characters queue behind it, and the queues joined up under
 * load), then the characters — the caller, the seller (unless the operation cannot reach
 * them: a bid below the buyout) and the high bidder, in id order —
 * then the listing's row, which guards its item and held eddies: nothing touches an
 * AUCTION item or a listing's eddies without it. The parties are read before the row lock
 * and checked after it; a listing whose high bidder changed in between is locked again.
 * What the listing's turn keeps still (its bid, state and end: every writer of them takes
 * the turn) is read with the parties, and an operation it already refuses — a bid that is
 * too low, on an auction that is over — ends there, holding no character.
 */
import { Prisma, type Character } from '@necp/db';
import { minNextBid, type AuctionListingView } from '@necp/shared';
import type { Tx } from '../core/deps';
import { lockAdvisory } from '../core/advisory-locks';
import { AuctionListingRowSchema, type AuctionListingRow } from '../core/locked-rows';
import { lockCharacters } from '../core/lock-order';
import { listingBusy, listingNotFound } from './errors';

const TRIES = 5;

/**
 * Listings read by one raw statement (`SELECT *`, or RETURNING *): a bid's path is raw,
 * as the market's is (market/order-rows.ts readOrders).
 */
export async function readListings(tx: Tx, query: Prisma.Sql): Promise<AuctionListingRow[]> {
  const rows = await tx.$queryRaw<unknown[]>(query);
  return rows.map((r) => AuctionListingRowSchema.parse(r));
}

/**
 * A listing as read under its turn, before its row and parties are locked (not parsed:
 * its state is the column's text, compared only).
 */
export type ListingSeen = Pick<
  AuctionListingRow,
  'sellerId' | 'bidderId' | 'buyout' | 'bid' | 'startBid' | 'endsAt'
> & { state: string };

export interface LockListingOptions {
  /** characters locked with the parties: the caller */
  also?: readonly string[];
  /**
   * Whether the operation may pay or return to the seller (from the listing as read, its
   * buyout fixed); a plain bid does not, and does not wait for a seller who is busy
   * elsewhere — the sim's position flush, their own orders. Default: it may.
   */
  seller?: (l: ListingSeen) => boolean;
  /** throws the refusal the listing as read already earns, before any character is locked */
  refuse?: (l: ListingSeen) => void;
}

/**
 * Locks the listing and its parties (with `also`, the caller), its turn first, and
 * returns both — the characters' rows as locked (a bidder is read from there). Deleted
 * characters are not locked (lockCharacters): they act on nothing. NOT_FOUND if gone.
 */
export async function lockListing(
  tx: Tx,
  listingId: string,
  o: LockListingOptions = {},
): Promise<{ l: AuctionListingRow; parties: Character[] }> {
  const { also = [], seller = () => true } = o;
  await lockAdvisory(tx, 'auctionListing', [listingId]);
  for (let i = 0; i < TRIES; i++) {
    const [seen] = await tx.$queryRaw<ListingSeen[]>`
      SELECT "sellerId", "bidderId", "buyout", "bid", "startBid", "state", "endsAt"
      FROM "AuctionListing" WHERE "id" = ${listingId}`;
    if (!seen) throw listingNotFound();
    o.refuse?.(seen);
    const parties = [...also, seller(seen) ? seen.sellerId : null, seen.bidderId].filter(
      (x): x is string => !!x,
    );
    const locked = await lockCharacters(tx, parties);
    const [l] = await readListings(
      tx,
      Prisma.sql`SELECT * FROM "AuctionListing" WHERE "id" = ${listingId} FOR UPDATE`,
    );
    if (!l) throw listingNotFound();
    // a new high bidder came in between: lock them too (a retry, in the same order)
    if (l.bidderId === seen.bidderId && l.sellerId === seen.sellerId) return { l, parties: locked };
  }
  throw listingBusy();
}

/** Live and open for bids at `now` (an ended one waits for its settlement). */
export const isOpen = (l: { state: string; endsAt: Date }, now: Date) =>
  l.state === 'live' && l.endsAt > now;

/** A listing as `viewerId` sees it. */
export function listingView(l: AuctionListingRow, viewerId: string | null): AuctionListingView {
  const mine =
    viewerId === null
      ? null
      : l.sellerId === viewerId
        ? 'seller'
        : l.bidderId === viewerId
          ? 'high_bidder'
          : null;
  return {
    id: l.id,
    templateId: l.templateId,
    name: l.name,
    category: l.category,
    rarity: l.rarity,
    level: l.level,
    quantity: l.quantity,
    durability: l.durability,
    seller: l.sellerName,
    startBid: l.startBid,
    bid: l.bid,
    bids: l.bids,
    minBid: minNextBid(l),
    buyout: l.buyout,
    durationH: l.durationH,
    endsAt: l.endsAt.getTime(),
    state: l.state,
    mine,
  };
}
