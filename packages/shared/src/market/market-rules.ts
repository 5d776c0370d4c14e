/**
 * The commodity market (issue 29; docs/economy.md "The commodity market"): which goods
 * trade, prices on a tick, fees, limits. packages/game/src/market enforces every rule;
 * the market window shows them with the same functions. The matching itself is
 * match-book.ts; inputs and views are in schemas/market.ts.
 */
import type { ItemTemplate, Rarity } from '../content/item-schema';

export const MARKET_SIDES = ['buy', 'sell'] as const;
export type MarketSide = (typeof MARKET_SIDES)[number];

/**
 * limit: rests in the book until filled, cancelled or expired; market: sweeps the book
 * up to its limit price at once and the rest is cancelled (immediate-or-cancel).
 */
export const MARKET_ORDER_TYPES = ['limit', 'market'] as const;
export type MarketOrderType = (typeof MARKET_ORDER_TYPES)[number];

/**
 * open: in the book (or waiting for the matcher); filled: all of it traded; cancelled:
 * by its owner, or the rest of a market order; expired: its time ran out. Closed orders
 * may still hold what their owner has not collected (goods bought, eddies earned).
 */
export const MARKET_ORDER_STATES = ['open', 'filled', 'cancelled', 'expired'] as const;
export type MarketOrderState = (typeof MARKET_ORDER_STATES)[number];

/** The lines of a good's journal (MarketJournal.kind; match-book.ts JournalEntry). */
export const MARKET_JOURNAL_KINDS = ['book', 'fill', 'cancel', 'expire'] as const;

/** How long a limit order may rest, in hours (1, 3 or 7 days). */
export const MARKET_DURATIONS_H = [24, 72, 168] as const;
export type MarketDurationH = (typeof MARKET_DURATIONS_H)[number];

/** Open orders one character may have at once. */
export const MARKET_ORDERS_MAX = 10;
/** Price levels shown per side of a book. */
export const MARKET_DEPTH = 10;
/** Units in one order. */
export const MARKET_QUANTITY_MAX = 9_999;
/** The highest price per unit. */
export const MARKET_PRICE_MAX = 1_000_000;
/** The most one order may be worth (price × quantity): every amount fits the balance column. */
export const MARKET_NOTIONAL_MAX = 100_000_000;
/** The listing fee, a share of the order's notional (price × quantity), at least 1 eddy: never refunded. */
export const MARKET_FEE_RATE = 0.005;
/** The sales tax, a share of each fill's value paid by its seller, rounded down. */
export const MARKET_TAX_RATE = 0.03;
/** How close (metres) to a market terminal orders are placed, cancelled and collected. */
export const MARKET_RANGE = 6;
/** Significant figures a price may have (the tick: no 1-eddy undercut wars on dear goods). */
export const MARKET_PRICE_FIGURES = 4;
/** The window of the buy limit on scarce goods. */
export const MARKET_BUY_WINDOW_MS = 4 * 3_600_000;

/**
 * Scarce goods (by rarity) have a buy limit per character per 4 hours, counted over
 * the quantity of buy orders placed: one player cannot corner a rare material.
 */
export const MARKET_BUY_LIMIT_4H: Partial<Record<Rarity, number>> = {
  rare: 200,
  epic: 50,
  legendary: 10,
};

/** Stackable goods trade here: materials and consumables that bind to nobody. */
export const isMarketGood = (t: Pick<ItemTemplate, 'kind' | 'binding' | 'stackSize'>) =>
  (t.kind === 'material' || t.kind === 'consumable') && t.binding === 'none' && t.stackSize > 1;

/** The price step at `price`: 1 below 10,000, 10 below 100,000 … (4 significant figures). */
export function tickSize(price: number): number {
  const digits = Math.floor(Math.log10(Math.max(1, price))) + 1;
  return 10 ** Math.max(0, digits - MARKET_PRICE_FIGURES);
}

/** Whether a price is on the tick (whole eddies, at most 4 significant figures). */
export const isOnTick = (price: number) =>
  Number.isSafeInteger(price) && price >= 1 && price % tickSize(price) === 0;

/** The nearest price on the tick at or below `price` (a sell form rounds up with `up`). */
export function roundToTick(price: number, up = false): number {
  const p = Math.max(1, Math.floor(price));
  const t = tickSize(p);
  const r = (up ? Math.ceil(p / t) : Math.floor(p / t)) * t;
  return isOnTick(r) ? r : roundToTick(r, up);
}

/** The listing fee of an order: MARKET_FEE_RATE of its notional, rounded up, at least 1. */
export const marketFee = (price: number, quantity: number) =>
  Math.max(1, Math.ceil(price * quantity * MARKET_FEE_RATE));

/** The sales tax on a fill of `quantity` at `price` (the seller pays it). */
export const marketTax = (price: number, quantity: number) =>
  Math.floor(price * quantity * MARKET_TAX_RATE);

/** What a buy order holds in escrow while it is open: its limit × what is left. */
export const buyEscrow = (price: number, remaining: number) => price * remaining;
