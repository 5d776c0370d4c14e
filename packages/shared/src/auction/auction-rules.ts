/**
 * The auction house, "Reef Exchange" (issue 28): fees, durations, bid steps and timing.
 * packages/game/src/auction enforces every rule; the auction window shows them with the
 * same functions. Inputs and views are in schemas/auction.ts; docs/economy.md tells
 * the whole flow.
 */
import type { ItemKind } from '../content/item-schema';
import { VENDOR_SELL_FACTOR } from '../rules/vendor';

/** How long a listing may run, in hours. */
export const AUCTION_DURATIONS_H = [12, 24, 48] as const;
export type AuctionDurationH = (typeof AUCTION_DURATIONS_H)[number];

/**
 * The deposit, per 12 hours of the listing, as a fraction of what a vendor pays for
 * the stack (its value × VENDOR_SELL_FACTOR): 15 %, at least 1 eddy. Kept by the house
 * when the listing expires or is cancelled, returned to the seller with a sale's payment
 * — listing junk at silly prices costs, listing what sells costs nothing.
 */
export const AUCTION_DEPOSIT_RATE = 0.15;
/** The house's cut of a sale's price (a sink), rounded down. */
export const AUCTION_CUT_RATE = 0.05;
/** A bid must beat the current one by this fraction (rounded up) and by at least 1 eddy. */
export const AUCTION_MIN_RAISE_RATE = 0.05;
/** A bid this close to the end moves the end on by AUCTION_SNIPE_EXTEND_MS. */
export const AUCTION_SNIPE_WINDOW_MS = 5 * 60_000;
export const AUCTION_SNIPE_EXTEND_MS = 5 * 60_000;
/** The highest starting bid, bid or buyout (fits the balance column with room). */
export const AUCTION_PRICE_MAX = 100_000_000;
/** Live listings one character may have at once. */
export const AUCTION_LISTINGS_MAX = 40;
/** A search page (and the most a page may ask for). */
export const AUCTION_PAGE = 20;
export const AUCTION_PAGE_MAX = 50;
/** How close (metres) to an auction terminal listing, bidding and buying happen. */
export const AUCTION_RANGE = 6;

/**
 * live: open for bids; sealed: a seasonal sealed lot (sealed-lots.ts) before its close;
 * sold, expired, cancelled: over (settled once).
 */
export const AUCTION_STATES = ['live', 'sealed', 'sold', 'expired', 'cancelled'] as const;
export type AuctionState = (typeof AUCTION_STATES)[number];

/** How search results may be ordered. */
export const AUCTION_SORTS = ['ends', 'price', 'level', 'name'] as const;
export type AuctionSort = (typeof AUCTION_SORTS)[number];

/** Item kinds that may be listed (quest items never leave their owner). */
export const AUCTION_CATEGORIES = [
  'weapon',
  'armor',
  'cyberware',
  'consumable',
  'material',
  'junk',
] as const;
export type AuctionCategory = (typeof AUCTION_CATEGORIES)[number];

/** The category an item of `kind` is listed under; null: a kind never listed (quest items). */
export const auctionCategoryOf = (kind: ItemKind): AuctionCategory | null =>
  AUCTION_CATEGORIES.find((c) => c === kind) ?? null;

/** The deposit for listing a stack of `quantity` items of vendor `value` each for `hours`. */
export function auctionDeposit(value: number, quantity: number, hours: AuctionDurationH): number {
  if (!(value >= 0) || !Number.isInteger(quantity) || quantity < 1)
    throw new RangeError(`bad deposit input ${value} × ${quantity}`);
  const vendorPays = value * VENDOR_SELL_FACTOR * quantity;
  return Math.max(1, Math.floor(vendorPays * AUCTION_DEPOSIT_RATE * (hours / 12)));
}

/** The house's cut of a sale at `price`. */
export function auctionCut(price: number): number {
  return Math.floor(price * AUCTION_CUT_RATE);
}

/**
 * The least bid accepted now: the starting bid while nobody has bid, then the current
 * bid raised by AUCTION_MIN_RAISE_RATE (rounded up), at least by 1 eddy.
 */
export function minNextBid(l: { startBid: number; bid: number }): number {
  if (l.bid <= 0) return l.startBid;
  return Math.max(Math.ceil(l.bid * (1 + AUCTION_MIN_RAISE_RATE) - 1e-9), l.bid + 1);
}

/**
 * The listing's end after a bid at `now`: a bid inside the last AUCTION_SNIPE_WINDOW_MS
 * moves the end on by AUCTION_SNIPE_EXTEND_MS (each such bid again), so a last-second
 * bid always leaves the others time to answer.
 */
export function endAfterBid(endsAt: number, now: number): number {
  return endsAt - now > AUCTION_SNIPE_WINDOW_MS ? endsAt : endsAt + AUCTION_SNIPE_EXTEND_MS;
}
