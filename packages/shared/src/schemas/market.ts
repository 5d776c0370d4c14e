/**
 * Inputs and views of the commodity market (market/market-rules.ts holds the rules).
 * The domain (packages/game/src/market) parses every input again.
 */
import { z } from 'zod';
import {
  MARKET_DURATIONS_H,
  MARKET_NOTIONAL_MAX,
  MARKET_ORDER_TYPES,
  MARKET_PRICE_MAX,
  MARKET_QUANTITY_MAX,
  MARKET_SIDES,
  isOnTick,
  type MarketDurationH,
  type MarketOrderState,
  type MarketOrderType,
  type MarketSide,
} from '../market/market-rules';
import type { ItemKind, Rarity } from '../content/item-schema';
import { ContentIdSchema, IdSchema, IdempotencyKeySchema } from './primitives';

const Price = z
  .int('Whole eddies')
  .min(1, 'At least 1 eddy')
  .max(MARKET_PRICE_MAX)
  .refine(isOnTick, 'Prices have at most 4 significant figures (10,010 — not 10,011)');

/**
 * An order for a good: buy or sell `quantity` at `price` each at most (buy) or at least
 * (sell). A limit order rests for `durationH`; a market order takes what the book offers
 * up to `price` at once and cancels the rest. A sell order takes the goods from the bag.
 * `idempotencyKey` (the client's, once per placement) makes a second try return the order
 * the first placed.
 */
export const MarketPlaceInputSchema = z
  .object({
    characterId: IdSchema,
    templateId: ContentIdSchema,
    side: z.enum(MARKET_SIDES),
    type: z.enum(MARKET_ORDER_TYPES).default('limit'),
    price: Price,
    quantity: z.int('Whole units').min(1, 'At least 1').max(MARKET_QUANTITY_MAX),
    durationH: z.union(MARKET_DURATIONS_H.map((h) => z.literal(h))).default(72),
    idempotencyKey: IdempotencyKeySchema,
  })
  .refine((o) => o.price * o.quantity <= MARKET_NOTIONAL_MAX, {
    message: `An order may be worth at most ${MARKET_NOTIONAL_MAX.toLocaleString('en')} eddies`,
    path: ['quantity'],
  });
export type MarketPlaceInput = z.input<typeof MarketPlaceInputSchema>;

/** Cancel names the order; collect names one or (omitted) every order with something to take. */
export const MarketOrderRefSchema = z.object({ characterId: IdSchema, orderId: IdSchema });
export type MarketOrderRef = z.input<typeof MarketOrderRefSchema>;
export const MarketCollectInputSchema = z.object({
  characterId: IdSchema,
  orderId: IdSchema.optional(),
});
export type MarketCollectInput = z.input<typeof MarketCollectInputSchema>;

/** One good's book (depth by price) and the recent fills. */
export const MarketGoodInputSchema = z.object({
  characterId: IdSchema,
  templateId: ContentIdSchema,
});
export type MarketGoodInput = z.input<typeof MarketGoodInputSchema>;

export const MARKET_HISTORY_RANGES = ['24h', '30d'] as const;
export type MarketHistoryRange = (typeof MARKET_HISTORY_RANGES)[number];
/** How far back each range reads and its candles' width (hourly over a day, daily over a month). */
export const MARKET_HISTORY_SPAN: Record<MarketHistoryRange, { ms: number; bucketMs: number }> = {
  '24h': { ms: 86_400_000, bucketMs: 3_600_000 },
  '30d': { ms: 30 * 86_400_000, bucketMs: 86_400_000 },
};
export const MarketHistoryInputSchema = MarketGoodInputSchema.extend({
  range: z.enum(MARKET_HISTORY_RANGES).default('24h'),
});
export type MarketHistoryInput = z.input<typeof MarketHistoryInputSchema>;

export const MarketMineInputSchema = z.object({ characterId: IdSchema });
export type MarketMineInput = z.input<typeof MarketMineInputSchema>;

/** An order as its owner sees it. */
export interface MarketOrderView {
  id: string;
  templateId: string;
  name: string;
  side: MarketSide;
  type: MarketOrderType;
  price: number;
  quantity: number;
  remaining: number;
  /** units traded so far and their average price (0 when none) */
  filled: number;
  avgPrice: number;
  state: MarketOrderState;
  /** ms epoch */
  placedAt: number;
  expiresAt: number;
  durationH: MarketDurationH;
  fee: number;
  /** eddies held for what is left (a buy order) */
  escrow: number;
  /** what waits to be collected at a market terminal: eddies earned or returned, goods bought or returned */
  collect: { eddies: number; quantity: number };
}

/** One price level of a side of the book. */
export interface MarketLevel {
  price: number;
  quantity: number;
  orders: number;
}

export interface MarketFillView {
  price: number;
  quantity: number;
  /** ms epoch */
  at: number;
  taker: MarketSide;
}

export interface MarketBookView {
  templateId: string;
  name: string;
  rarity: Rarity;
  /** best first, MARKET_DEPTH levels each */
  bids: MarketLevel[];
  asks: MarketLevel[];
  last: number | null;
  fills: MarketFillView[];
  /** the caller's buy limit on this good in the window (null: none) and what is left of it */
  buyLimit: { limit: number; left: number } | null;
  /** units of it in the caller's bag (free to sell) */
  owned: number;
}

/** A good in the market's list, with its best prices and the day's volume. */
export interface MarketGoodView {
  templateId: string;
  name: string;
  kind: ItemKind;
  rarity: Rarity;
  bestBid: number | null;
  bestAsk: number | null;
  last: number | null;
  volume24h: number;
}

/** One candle of a good's price history (the line is `close`). */
export interface MarketCandle {
  /** the bucket's start, ms epoch */
  t: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export interface MarketMine {
  orders: MarketOrderView[];
  /** eddies and units waiting over all orders */
  collect: { eddies: number; quantity: number };
}
