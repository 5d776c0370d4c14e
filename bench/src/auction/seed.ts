/**
 * Writes a plan (plan.ts) in bulk: the sellers' accounts and characters in two
 * set-based statements over generate_series, then the AUCTION items, the listings and
 * their high bids as `INSERT … SELECT FROM unnest($1::text[], …)` in chunks — 100,000
 * listings in seconds, where listItem (a transaction, locks, ledger rows) takes
 * ~10 ms each. Then VACUUM ANALYZE, as autovacuum leaves a table in steady use.
 *
 * No ledger rows: the bench measures reads, and the search never looks at the ledger.
 * The invariant check (checkInvariants) would count these items and held eddies as
 * appearing from nowhere: it means nothing on this database, which the bench drops.
 */
import { performance } from 'node:perf_hooks';
import type { Db } from '@necp/db';
import { CLASS_IDS, ORIGIN_IDS } from '@necp/shared';
import type { AuctionPlan, PlannedListing } from './plan';
import { poolOf } from './sql';

/** The i-th seller's character id (0-based), as the statements write it. */
export const benchSellerId = (i: number) => `abc${String(i).padStart(7, '0')}`;
export const benchSellerName = (i: number) => `Trader${i}`;

const CHUNK = 10_000;
const s = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1);

/** ms epoch (UTC) → the timestamp(3) Prisma's columns hold */
const TS = (p: string) => `(to_timestamp(${p}::float8 / 1000) AT TIME ZONE 'UTC')`;

export async function seedAuctions(
  db: Db,
  plan: AuctionPlan,
  log: (m: string) => void,
): Promise<void> {
  const pool = poolOf(db);
  let t0 = performance.now();
  const users = await pool.query({
    text: `INSERT INTO "User" ("id", "email", "username", "usernameLower", "passwordHash", "updatedAt")
      SELECT 'abu' || lpad(i::text, 7, '0'), 'ab' || i || '@bench.invalid', 'abuser' || i, 'abuser' || i, 'x', now()
      FROM generate_series(0, $1::int - 1) i`,
    values: [plan.sellers],
  });
  await pool.query({
    text: `INSERT INTO "Character" ("id", "userId", "name", "nameLower", "origin", "class", "level", "health",
        "maxHealth", "body", "reflexes", "technical", "intelligence", "cool", "zoneId", "x", "y", "updatedAt", "eddies")
      SELECT 'abc' || lpad(i::text, 7, '0'), 'abu' || lpad(i::text, 7, '0'), 'Trader' || i, 'trader' || i,
        $2, $3, 20, 100, 100, 5, 5, 5, 5, 5, 'watson', 256, 256, now(), 100000
      FROM generate_series(0, $1::int - 1) i`,
    values: [plan.sellers, ORIGIN_IDS[0], CLASS_IDS[0]],
  });
  log(
    `  sellers: ${users.rowCount?.toLocaleString('en-US')} accounts and characters in ${s(t0)} s`,
  );

  t0 = performance.now();
  let items = 0;
  for (let at = 0; at < plan.live.length; at += CHUNK) {
    const chunk = plan.live.slice(at, at + CHUNK);
    const r = await pool.query({
      text: `INSERT INTO "Item" ("id", "templateId", "quantity", "durability", "container", "slot", "updatedAt")
        SELECT id, t, q, d, 'AUCTION', 0, now()
        FROM unnest($1::text[], $2::text[], $3::int[], $4::int[]) AS x(id, t, q, d)`,
      values: [
        chunk.map((l) => l.itemId),
        chunk.map((l) => l.templateId),
        chunk.map((l) => l.quantity),
        chunk.map((l) => l.durability),
      ],
    });
    items += r.rowCount ?? 0;
  }
  log(`  items (container AUCTION): ${items.toLocaleString('en-US')} in ${s(t0)} s`);

  t0 = performance.now();
  let listings = 0;
  const all = [...plan.live, ...plan.ended];
  for (let at = 0; at < all.length; at += CHUNK)
    listings += await insertListings(db, all.slice(at, at + CHUNK));
  const bids = await pool.query({
    text: `INSERT INTO "AuctionBid" ("listingId", "bidderId", "amount", "at")
      SELECT "id", "bidderId", "bid", "listedAt" + (least("endsAt", now() AT TIME ZONE 'UTC') - "listedAt") / 2
      FROM "AuctionListing" WHERE "bids" > 0 AND "bidderId" IS NOT NULL`,
  });
  log(
    `  listings: ${listings.toLocaleString('en-US')} (${plan.live.length.toLocaleString('en-US')} live), ` +
      `bids: ${bids.rowCount?.toLocaleString('en-US')} in ${s(t0)} s`,
  );

  t0 = performance.now();
  for (const table of ['Item', 'AuctionListing', 'AuctionBid', 'Character', 'User'])
    await pool.query({ text: `VACUUM ANALYZE "${table}"` });
  log(`  VACUUM ANALYZE in ${s(t0)} s`);
}

async function insertListings(db: Db, rows: readonly PlannedListing[]): Promise<number> {
  const col = <T>(f: (l: PlannedListing) => T) => rows.map(f);
  const r = await poolOf(db).query({
    text: `INSERT INTO "AuctionListing" ("id", "sellerId", "sellerName", "itemId", "templateId", "name",
        "category", "level", "rarity", "quantity", "durability", "startBid", "buyout", "deposit", "durationH",
        "bid", "bidderId", "bids", "price", "eddies", "listedAt", "endsAt", "state", "closedAt")
      SELECT id, seller, sname, item, t, name, cat, lvl, rar, q, d, sb, bo, dep, dur, bid, bidder, bids, price,
        eddies, ${TS('listed')}, ${TS('ends')}, state, ${TS('closed')}
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[],
        $9::text[], $10::int[], $11::int[], $12::int[], $13::int[], $14::int[], $15::int[], $16::int[],
        $17::text[], $18::int[], $19::int[], $20::int[], $21::int8[], $22::int8[], $23::text[], $24::int8[])
        AS x(id, seller, sname, item, t, name, cat, lvl, rar, q, d, sb, bo, dep, dur, bid, bidder, bids, price,
          eddies, listed, ends, state, closed)`,
    values: [
      col((l) => l.id),
      col((l) => benchSellerId(l.seller)),
      col((l) => benchSellerName(l.seller)),
      col((l) => l.itemId),
      col((l) => l.templateId),
      col((l) => l.name),
      col((l) => l.category),
      col((l) => l.level),
      col((l) => l.rarity),
      col((l) => l.quantity),
      col((l) => l.durability),
      col((l) => l.startBid),
      col((l) => l.buyout),
      col((l) => l.deposit),
      col((l) => l.durationH),
      col((l) => l.bid),
      col((l) => (l.bidder === null ? null : benchSellerId(l.bidder))),
      col((l) => l.bids),
      col((l) => l.price),
      col((l) => l.eddies),
      col((l) => l.listedAt),
      col((l) => l.endsAt),
      col((l) => l.state),
      col((l) => l.closedAt),
    ],
  });
  return r.rowCount ?? 0;
}
