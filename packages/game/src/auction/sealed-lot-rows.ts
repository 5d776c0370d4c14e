/**
 * What the seasonal sealed lots' operations share (docs/economy.md "Seasonal sealed
 * lots"). A lot is an AuctionListing of the house (season and lotSlot set, no seller)
 * in state `sealed` until its close; its bids are AuctionBid rows whose amount is the
 * bidder's sealed max and whose id is the log's seq; its eddies are every bidder's max.
 *
 * Locks (core/lock-order.ts step 2d, as every listing): the characters first — the
 * lot's bidders and the caller, in id order — then the lot's row. The bidders are read
 * before the lock and checked after it; a lot that gained a bidder in between is locked
 * again.
 */
import { Prisma } from '@necp/db';
import type { SealedBid, SealedLot } from '@necp/shared';
import type { Db, Tx } from '../core/deps';
import { lockCharacters } from '../core/lock-order';
import { listingBusy, listingNotFound } from './errors';
import { readListings } from './listing-rows';
import type { AuctionListingRow } from '../core/locked-rows';

const TRIES = 5;

export type LotRow = AuctionListingRow & { season: string; lotSlot: number; opensAt: Date };

export const isLot = (l: AuctionListingRow): l is LotRow =>
  l.season !== null && l.lotSlot !== null && l.opensAt !== null;

const biddersOf = async (tx: Tx, lotId: string) =>
  (
    await tx.$queryRaw<{ bidderId: string }[]>`
      SELECT DISTINCT "bidderId" FROM "AuctionBid" WHERE "listingId" = ${lotId}`
  ).map((b) => b.bidderId);

/** Locks the lot with every bidder (and `also`), characters first. NOT_FOUND for no lot. */
export async function lockLot(
  tx: Tx,
  lotId: string,
  also: readonly string[] = [],
): Promise<LotRow> {
  for (let i = 0; i < TRIES; i++) {
    const seen = new Set([...also, ...(await biddersOf(tx, lotId))]);
    await lockCharacters(tx, [...seen]);
    const [l] = await readListings(
      tx,
      Prisma.sql`SELECT * FROM "AuctionListing" WHERE "id" = ${lotId} FOR UPDATE`,
    );
    if (!l || !isLot(l)) throw listingNotFound();
    // a bidder who came in between: lock them too (a retry, in the same order)
    if ((await biddersOf(tx, lotId)).every((b) => seen.has(b))) return l;
  }
  throw listingBusy();
}

/** The rule's view of a lot row. */
export const sealedLotOf = (l: LotRow): SealedLot => ({
  id: l.id,
  reserve: l.startBid,
  opensAt: l.opensAt.getTime(),
  closesAt: l.endsAt.getTime(),
});

/** The lot's bid log (of one bidder with `bidderId`), in seq order. */
export async function sealedLog(
  tx: Db | Tx,
  lotId: string,
  bidderId?: string,
): Promise<SealedBid[]> {
  const rows = await tx.$queryRaw<{ id: bigint; bidderId: string; amount: number; at: Date }[]>`
    SELECT "id", "bidderId", "amount", "at" FROM "AuctionBid"
    WHERE "listingId" = ${lotId} AND (${bidderId ?? null}::text IS NULL OR "bidderId" = ${bidderId ?? null}::text)
    ORDER BY "id"`;
  return rows.map((b) => ({
    seq: Number(b.id),
    bidderId: b.bidderId,
    max: b.amount,
    at: b.at.getTime(),
  }));
}
