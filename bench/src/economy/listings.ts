/**
 * What the economy bench's phases call the domain with (`deps`: quiet, the system clock;
 * `orderKey`: a placement's idempotency key), and its auctions: live listings to bid on,
 * and a bid as a bidder's window makes it.
 */
import { randomUUID } from 'node:crypto';
import { readRows, type Db } from '@necp/db';
import { createLog, grantItem, listItem, placeBid, systemClock, type Rng } from '@necp/game';
import { minNextBid } from '@necp/shared';
import { seedTraders, type Trader } from './seed';

/** the bench's calls log nothing (a matcher after a commit that fails would say so) */
const quiet = createLog('bench-economy', 'silent');
export const deps = (db: Db) => ({ db, clock: systemClock, log: quiet });

let placements = 0;
/**
 * A placement's idempotency key: each of the bench's placements is a first try (a
 * counter, with the process's id: two processes place on one database).
 */
export const orderKey = () => `bench-${process.pid}-${++placements}`;

/**
 * Live auctions (pistols), each of a seller of its own: a bid locks its listing's seller,
 * and one seller with every listing would make the whole bench wait on one row.
 */
export async function auctions(db: Db, n: number, buyout: number | null) {
  const sellers = await seedTraders(db, n, { eddies: 10_000, goods: [], units: 0 });
  const ids: string[] = [];
  for (const seller of sellers) {
    const [p] = await grantItem(
      { db },
      { characterId: seller.characterId, templateId: 'pistol_unity', quantity: 1, reason: 'admin' },
    );
    const l = await listItem(deps(db), {
      characterId: seller.characterId,
      idempotencyKey: randomUUID(),
      itemId: p!.itemId,
      startBid: 100,
      buyout,
      durationH: 48,
    });
    ids.push(l.id);
  }
  return ids;
}

/**
 * What the bidder's window shows of the listing, read fresh: a prepared statement
 * (readRows), as the web's hot reads are. It was a Prisma model read, whose query
 * compiler took ~11 % of the process's one thread at 500/s — the bench's client, on
 * the thread its server side needs (a browser's view costs the server nothing of it).
 */
async function seenListing(db: Db, listingId: string) {
  const [row] = await readRows(db, {
    name: 'bench_economy_listing_seen',
    text: 'SELECT "startBid", "bid" FROM "AuctionListing" WHERE "id" = $1',
    values: [listingId],
  });
  if (!row) throw new Error(`no listing ${listingId}`);
  return row as { startBid: number; bid: number };
}

/** A bid a little over what this client last saw (a race with others: CONFLICT is normal). */
export async function bidOn(db: Db, rng: Rng, listingId: string, bidder: Trader) {
  const amount = minNextBid(await seenListing(db, listingId)) + rng.int(0, 20);
  return placeBid(deps(db), { characterId: bidder.characterId, listingId, amount });
}
