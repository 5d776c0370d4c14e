import type { Prisma } from '@necp/db';
import {
  AuctionMineInputSchema,
  AuctionSearchInputSchema,
  ITEM_TEMPLATES,
  type AuctionMine,
  type AuctionMineInput,
  type AuctionPage,
  type AuctionSearchInput,
  type AuctionSort,
} from '@necp/shared';
import { z } from 'zod';
import type { GameDeps } from '../core/deps';
import { AuctionListingRowSchema, type AuctionListingRow } from '../core/locked-rows';
import { decodeCursor, pageOf, RowIdPart } from '../core/page-cursor';
import { parseInput } from '../core/validation';
import { listingView } from './listing-rows';

const SORT_COLUMN = {
  ends: 'endsAt',
  price: 'price',
  level: 'level',
  name: 'name',
} as const satisfies Record<AuctionSort, keyof AuctionListingRow>;

/** A page's end (core/page-cursor.ts): the last row's sort value — text for the name sort, a number for the others — and id. */
const NameKey = z.tuple([z.string().max(200), RowIdPart]);
const NumberKey = z.tuple([z.int().refine(Number.isSafeInteger), RowIdPart]);

function sortValue(l: AuctionListingRow, sort: AuctionSort): string | number {
  const raw = l[SORT_COLUMN[sort]];
  return raw instanceof Date ? raw.getTime() : raw;
}

/** Template ids whose name holds `part` (any case): item names are content, not data. */
function templatesNamed(part: string): string[] {
  const p = part.trim().toLowerCase();
  return ITEM_TEMPLATES.filter((t) => t.name.toLowerCase().includes(p)).map((t) => t.id);
}

/**
 * Browsing the Exchange: live listings open for bids, filtered by name, category,
 * rarity, level and price (the next bid's minimum), sorted by end, price, level or
 * name (then id, so a page boundary is exact), keyset-paged — every filter and order
 * an index of AuctionListing serves (docs/perf.md "The auction house's search").
 */
export async function searchListings(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: AuctionSearchInput,
): Promise<AuctionPage> {
  const s = parseInput(AuctionSearchInputSchema, input);
  const col = SORT_COLUMN[s.sort];
  const dir = s.desc ? 'desc' : 'asc';
  const where: Prisma.AuctionListingWhereInput[] = [
    { state: 'live', endsAt: { gt: deps.clock.now() } },
  ];
  if (s.name?.trim()) where.push({ templateId: { in: templatesNamed(s.name) } });
  if (s.category) where.push({ category: s.category });
  if (s.rarity) where.push({ rarity: s.rarity });
  if (s.minLevel !== undefined) where.push({ level: { gte: s.minLevel } });
  if (s.maxLevel !== undefined) where.push({ level: { lte: s.maxLevel } });
  if (s.minPrice !== undefined) where.push({ price: { gte: s.minPrice } });
  if (s.maxPrice !== undefined) where.push({ price: { lte: s.maxPrice } });
  if (s.cursor) {
    const [at, id] = decodeCursor(s.cursor, s.sort === 'name' ? NameKey : NumberKey);
    const v = col === 'endsAt' ? new Date(at) : at;
    const beyond = s.desc ? 'lt' : 'gt';
    // the redundant bound lets the sort's index start at the cursor instead of
    // filtering every row before it (docs/perf.md "The auction house's search")
    where.push({ [col]: { [s.desc ? 'lte' : 'gte']: v } });
    where.push({
      OR: [{ [col]: { [beyond]: v } }, { [col]: v, id: { [beyond]: id } }],
    });
  }
  const rows = await deps.db.auctionListing.findMany({
    where: { AND: where },
    orderBy: [{ [col]: dir }, { id: dir }],
    take: s.limit + 1,
  });
  return pageOf(
    rows.map((l) => AuctionListingRowSchema.parse(l)),
    s.limit,
    (l) => [sortValue(l, s.sort), l.id],
    (l) => listingView(l, s.characterId),
  );
}

/** How many ended listings "my auctions" keeps showing. */
const ENDED_SHOWN = 20;

/**
 * A character's own listings (live, then the last ENDED_SHOWN ended) and the listings
 * it bid on (live, then ended), each marked: seller, high bidder, or outbid.
 */
export async function myAuctions(
  deps: Pick<GameDeps, 'db'>,
  input: AuctionMineInput,
): Promise<AuctionMine> {
  const { characterId } = parseInput(AuctionMineInputSchema, input);
  const db = deps.db;
  const [live, ended] = await Promise.all([
    db.auctionListing.findMany({
      where: { sellerId: characterId, state: 'live' },
      orderBy: { endsAt: 'asc' },
    }),
    db.auctionListing.findMany({
      where: { sellerId: characterId, state: { not: 'live' } },
      orderBy: { closedAt: 'desc' },
      take: ENDED_SHOWN,
    }),
  ]);
  const bidOn = await db.$queryRaw<{ listingId: string }[]>`
    SELECT "listingId" FROM "AuctionBid" WHERE "bidderId" = ${characterId}
    GROUP BY "listingId" ORDER BY MAX("id") DESC LIMIT ${ENDED_SHOWN * 3}`;
  const bidRows = await db.auctionListing.findMany({
    // sealed lots have their own list (sealedLots): their bids are maxima, never shown as one
    where: { id: { in: bidOn.map((b) => b.listingId) }, season: null },
  });
  const view = (l: AuctionListingRow) => {
    const v = listingView(l, characterId);
    return v.mine === null ? { ...v, mine: 'outbid' as const } : v;
  };
  const liveFirst = (a: AuctionListingRow, b: AuctionListingRow) =>
    Number(b.state === 'live') - Number(a.state === 'live') ||
    a.endsAt.getTime() - b.endsAt.getTime();
  return {
    selling: [...live, ...ended].map((l) =>
      listingView(AuctionListingRowSchema.parse(l), characterId),
    ),
    bidding: bidRows
      .map((l) => AuctionListingRowSchema.parse(l))
      .sort(liveFirst)
      .slice(0, ENDED_SHOWN * 2)
      .map(view),
  };
}
