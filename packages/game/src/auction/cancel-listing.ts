import {
  AuctionListingRefSchema,
  type AuctionListingRef,
  type AuctionListingView,
} from '@necp/shared';
import { Prisma } from '@necp/db';
import type { GameDeps } from '../core/deps';
import { DIRECT, inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { auctionOver, hasBids, listingNotFound, notYourListing } from './errors';
import { isOpen, listingView, lockListing, readListings } from './listing-rows';
import { settleLocked } from './settle-listing';

/**
 * The seller takes a listing off the Exchange (anywhere: the item comes back by mail,
 * the deposit is kept). Refused once anyone has bid, or when it is over; a second
 * cancel (a double click) finds it over.
 */
export async function cancelListing(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: AuctionListingRef,
): Promise<AuctionListingView> {
  const r = parseInput(AuctionListingRefSchema, input);
  const now = deps.clock.now();
  return inTransaction(
    deps.db,
    async (tx) => {
      const { l } = await lockListing(tx, r.listingId, { also: [r.characterId] });
      if (l.sellerId !== r.characterId) throw l.sellerId ? notYourListing() : listingNotFound();
      if (!isOpen(l, now)) throw auctionOver();
      if (l.bid > 0) throw hasBids();
      await settleLocked(tx, l, 'cancelled', now);
      const [after] = await readListings(
        tx,
        Prisma.sql`SELECT * FROM "AuctionListing" WHERE "id" = ${l.id}`,
      );
      return listingView(after!, r.characterId);
    },
    DIRECT,
  );
}
