/**
 * The bench's auction house, decided in memory before a row is written (seed.ts writes
 * it in bulk): who sells, what, at which price, until when. Pure and seeded: the same
 * seed gives the same listings.
 *
 * Shapes, by design:
 * - what is listed: every template of a listable kind (AUCTION_CATEGORIES), common ones
 *   more often than legendary ones (weights RARITY_WEIGHT); its name, kind, level and
 *   rarity copied onto the listing as listItem does;
 * - starting bids log-uniform over 1 … 1,000,000 eddies; 40 % with a buyout (1.25–4×),
 *   20 % of live listings with a high bid; the deposit is auctionDeposit's;
 * - durations 12, 24 or 48 h; a live listing is somewhere in its run, so it ends
 *   within the next 48 h (the 12 h ones within 12 h);
 * - sellers: every tenth is a "power seller" at the cap of AUCTION_LISTINGS_MAX live
 *   listings (seller 0 among them: the one "my auctions" is timed for), the others
 *   1–20; seller 0 also holds the high bid on a few dozen listings and has ended ones;
 * - ended listings (sold, expired, cancelled over the last 7 days) settled: no item,
 *   no eddies held — the history a real table carries beside the live rows.
 */
import {
  AUCTION_CATEGORIES,
  AUCTION_DURATIONS_H,
  AUCTION_LISTINGS_MAX,
  AUCTION_PRICE_MAX,
  auctionDeposit,
  minNextBid,
  type AuctionDurationH,
  type ItemTemplate,
  type Rarity,
} from '@necp/shared';
import { seededRng, type Rng } from '@necp/game';

export const PRICE_MAX_SEEDED = 1_000_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How often a template of each rarity is listed, relative to the others. */
export const RARITY_WEIGHT: Record<Rarity, number> = {
  common: 8,
  uncommon: 5,
  rare: 3,
  epic: 1.5,
  legendary: 0.5,
};
export const BUYOUT_SHARE = 0.4;
export const BID_SHARE = 0.2;
/** every this many live listings with a bid, seller 0 is the high bidder (when not its own) */
export const MY_BID_EVERY = 400;
/** the first ended listings are seller 0's (its "my auctions" history is full) */
export const MY_ENDED = 30;

export type PlannedState = 'live' | 'sold' | 'expired' | 'cancelled';

export interface PlannedListing {
  id: string;
  /** the AUCTION item's id (live listings); null once settled */
  itemId: string | null;
  /** index into the sellers (benchSeller) */
  seller: number;
  templateId: string;
  name: string;
  category: string;
  level: number;
  rarity: string;
  quantity: number;
  durability: number | null;
  startBid: number;
  buyout: number | null;
  deposit: number;
  durationH: AuctionDurationH;
  bid: number;
  bidder: number | null;
  bids: number;
  price: number;
  eddies: number;
  /** ms epoch */
  listedAt: number;
  endsAt: number;
  state: PlannedState;
  closedAt: number | null;
}

export interface AuctionPlan {
  sellers: number;
  live: PlannedListing[];
  ended: PlannedListing[];
}

/** The templates a player may list, with their listing weight. */
export function listableTemplates(templates: readonly ItemTemplate[]) {
  return templates
    .filter((t) => (AUCTION_CATEGORIES as readonly string[]).includes(t.kind))
    .map((t) => ({ template: t, weight: RARITY_WEIGHT[t.rarity] }));
}

/** An integer in [1, max], log-uniform: each decade is as likely as the next. */
export const logUniform = (rng: Rng, max: number) =>
  Math.min(max, Math.max(1, Math.round(Math.exp(rng.float() * Math.log(max)))));

/**
 * How many live listings each seller has: every tenth seller (0 first) at the cap,
 * the others 1–20, until `listings` are handed out (the last seller takes the rest).
 */
export function sellerCounts(listings: number, rng: Rng): number[] {
  const counts: number[] = [];
  let left = listings;
  while (left > 0) {
    const want =
      counts.length % 10 === 0 ? AUCTION_LISTINGS_MAX : rng.int(1, AUCTION_LISTINGS_MAX / 2);
    counts.push(Math.min(want, left));
    left -= want;
  }
  return counts;
}

function shuffle<T>(xs: T[], rng: Rng): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

function weightedPicker<T>(items: readonly { weight: number; template: T }[], rng: Rng) {
  const cumulative: number[] = [];
  let total = 0;
  for (const i of items) cumulative.push((total += i.weight));
  return () => {
    const x = rng.float() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!.template;
  };
}

/** a random other seller than `not` */
const otherSeller = (rng: Rng, sellers: number, not: number) => {
  const s = rng.int(0, sellers - 2);
  return s >= not ? s + 1 : s;
};

export function planAuctions(o: {
  listings: number;
  ended: number;
  seed: number;
  /** ms epoch the live listings are live at */
  now: number;
  templates: readonly ItemTemplate[];
}): AuctionPlan {
  const rng = seededRng(o.seed);
  const pick = weightedPicker(listableTemplates(o.templates), rng);
  const counts = sellerCounts(o.listings, rng);
  const sellers = Math.max(counts.length, 2);
  const liveSellers = shuffle(
    counts.flatMap((n, s) => Array.from({ length: n }, () => s)),
    rng,
  );
  let bidsPlaced = 0;

  const listing = (i: number, seller: number, state: PlannedState): PlannedListing => {
    const t = pick();
    const durationH = AUCTION_DURATIONS_H[rng.int(0, AUCTION_DURATIONS_H.length - 1)]!;
    const quantity = t.stackSize > 1 ? rng.int(1, t.stackSize) : 1;
    const startBid = logUniform(rng, PRICE_MAX_SEEDED);
    const buyout =
      rng.float() < BUYOUT_SHARE
        ? Math.min(AUCTION_PRICE_MAX, Math.ceil(startBid * (1.25 + rng.float() * 2.75)) + 1)
        : null;
    const live = state === 'live';
    const hasBid = state === 'sold' || (live && rng.float() < BID_SHARE);
    let bid = 0;
    let bidder: number | null = null;
    if (hasBid) {
      const top = buyout === null ? startBid * 2 : buyout - 1;
      bid = Math.min(top, startBid + Math.floor(rng.float() * (top - startBid + 1)));
      bidder =
        live && ++bidsPlaced % MY_BID_EVERY === 0 && seller !== 0
          ? 0
          : otherSeller(rng, sellers, seller);
    }
    const deposit = auctionDeposit(t.value, quantity, durationH);
    const runMs = durationH * HOUR;
    // live: somewhere in its run (at least a minute left); ended: closed within 7 days
    const closedAt = live ? null : o.now - Math.floor(rng.float() * 7 * DAY) - 1;
    const endsAt = live
      ? o.now + Math.max(60_000, Math.ceil(rng.float() * runMs))
      : state === 'cancelled'
        ? closedAt! + Math.floor(rng.float() * runMs)
        : closedAt!;
    return {
      id: `al${rng.int(0, 0xffffff).toString(16).padStart(6, '0')}${i.toString(36).padStart(5, '0')}${state[0]}`,
      itemId: live ? `ai${i.toString(36).padStart(6, '0')}` : null,
      seller,
      templateId: t.id,
      name: t.name,
      category: t.kind,
      level: t.levelReq,
      rarity: t.rarity,
      quantity,
      durability: t.maxDurability === undefined ? null : rng.int(1, t.maxDurability),
      startBid,
      buyout,
      deposit,
      durationH,
      bid,
      bidder,
      bids: hasBid ? 1 : 0,
      price: minNextBid({ startBid, bid }),
      eddies: live ? deposit + bid : 0,
      listedAt: endsAt - runMs,
      endsAt,
      state,
      closedAt,
    };
  };

  const live = liveSellers.map((seller, i) => listing(i, seller, 'live'));
  const ENDED_STATES = ['sold', 'sold', 'expired', 'expired', 'cancelled'] as const;
  const ended = Array.from({ length: o.ended }, (_, j) =>
    listing(
      j,
      j < MY_ENDED ? 0 : rng.int(0, sellers - 1),
      ENDED_STATES[rng.int(0, ENDED_STATES.length - 1)]!,
    ),
  );
  return { sellers, live, ended };
}
