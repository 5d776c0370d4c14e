/**
 * Inputs and views of the auction house (auction/auction-rules.ts holds the rules).
 * The domain (packages/game/src/auction) parses every input again.
 */
import { z } from 'zod';
import {
  AUCTION_CATEGORIES,
  AUCTION_DURATIONS_H,
  AUCTION_PAGE,
  AUCTION_PAGE_MAX,
  AUCTION_PRICE_MAX,
  AUCTION_SORTS,
  type AuctionCategory,
  type AuctionState,
} from '../auction/auction-rules';
import { RARITIES, type Rarity } from '../content/item-schema';
import { IdSchema, IdempotencyKeySchema, TextSchema } from './primitives';
import { PageCursorSchema, type Page } from './page';

const Price = z.int('Whole eddies').min(1, 'At least 1 eddy').max(AUCTION_PRICE_MAX);

/**
 * Listing a bag stack: a starting bid, an optional buyout (≥ the start) and a duration.
 * The same `idempotencyKey` again returns the listing the first made.
 */
export const AuctionListInputSchema = z
  .object({
    characterId: IdSchema,
    idempotencyKey: IdempotencyKeySchema,
    itemId: IdSchema,
    startBid: Price,
    buyout: Price.nullable().default(null),
    durationH: z.union(AUCTION_DURATIONS_H.map((h) => z.literal(h))),
  })
  .refine((l) => l.buyout === null || l.buyout >= l.startBid, {
    message: 'The buyout cannot be below the starting bid',
    path: ['buyout'],
  });
export type AuctionListInput = z.input<typeof AuctionListInputSchema>;

/** The deposit a listing would cost (the list form shows it before you list). */
export const AuctionQuoteInputSchema = z.object({
  characterId: IdSchema,
  itemId: IdSchema,
  durationH: z.union(AUCTION_DURATIONS_H.map((h) => z.literal(h))),
});
export type AuctionQuoteInput = z.input<typeof AuctionQuoteInputSchema>;

export const AuctionBidInputSchema = z.object({
  characterId: IdSchema,
  listingId: IdSchema,
  amount: Price,
});
export type AuctionBidInput = z.input<typeof AuctionBidInputSchema>;

/** Buyout and cancel name only the listing. */
export const AuctionListingRefSchema = z.object({ characterId: IdSchema, listingId: IdSchema });
export type AuctionListingRef = z.input<typeof AuctionListingRefSchema>;

/** Browsing: every filter optional; a page at a time (page.ts). */
export const AuctionSearchInputSchema = z
  .object({
    characterId: IdSchema,
    /** part of the item's name, any case */
    name: TextSchema(40).optional(),
    category: z.enum(AUCTION_CATEGORIES).optional(),
    rarity: z.enum(RARITIES).optional(),
    minLevel: z.int().min(1).max(50).optional(),
    maxLevel: z.int().min(1).max(50).optional(),
    /** on the price to pay now (the next bid's minimum) */
    minPrice: z.int().min(0).max(AUCTION_PRICE_MAX).optional(),
    maxPrice: z.int().min(0).max(AUCTION_PRICE_MAX).optional(),
    sort: z.enum(AUCTION_SORTS).default('ends'),
    desc: z.boolean().default(false),
    cursor: PageCursorSchema.optional(),
    limit: z.int().min(1).max(AUCTION_PAGE_MAX).default(AUCTION_PAGE),
  })
  .refine((s) => s.minLevel === undefined || s.maxLevel === undefined || s.minLevel <= s.maxLevel, {
    message: 'The level range is upside down',
    path: ['maxLevel'],
  })
  .refine((s) => s.minPrice === undefined || s.maxPrice === undefined || s.minPrice <= s.maxPrice, {
    message: 'The price range is upside down',
    path: ['maxPrice'],
  });
export type AuctionSearchInput = z.input<typeof AuctionSearchInputSchema>;

/** A character's own listings and the listings it bid on (live and recently ended). */
export const AuctionMineInputSchema = z.object({ characterId: IdSchema });
export type AuctionMineInput = z.input<typeof AuctionMineInputSchema>;

/** One listing as a viewer sees it. */
export interface AuctionListingView {
  id: string;
  templateId: string;
  name: string;
  category: AuctionCategory;
  rarity: Rarity;
  level: number;
  quantity: number;
  durability: number | null;
  seller: string;
  startBid: number;
  /** the current high bid (0: none yet) */
  bid: number;
  bids: number;
  /** the least the next bid may be */
  minBid: number;
  buyout: number | null;
  /**
   * how long it runs, in whole hours: one of AUCTION_DURATIONS_H for a player's listing,
   * the length of its bidding window for a sealed lot (auction/sealed-lot-schedule.ts)
   */
  durationH: number;
  /** ms epoch */
  endsAt: number;
  state: AuctionState;
  /** the viewer's part in it */
  mine: 'seller' | 'high_bidder' | 'outbid' | null;
}

export type AuctionPage = Page<AuctionListingView>;

export interface AuctionMine {
  /** the viewer's listings, live first, then the last ended ones */
  selling: AuctionListingView[];
  /** listings the viewer bid on: live ones, then the last ended ones */
  bidding: AuctionListingView[];
}

export interface AuctionQuote {
  deposit: number;
  /** the cut a sale at `atPrice` would cost */
  cutRate: number;
}
