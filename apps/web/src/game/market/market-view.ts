/**
 * What the market tab says and draws, as pure functions (unit-tested): the depth rows
 * with their bars, the price chart's geometry, an order's status line, what placing
 * an order holds and costs.
 */
import {
  buyEscrow,
  marketFee,
  type MarketBookView,
  MARKET_HISTORY_SPAN,
  type MarketCandle,
  type MarketHistoryRange,
  type MarketOrderView,
  type MarketSide,
} from '@necp/shared';

export interface DepthRow {
  side: MarketSide;
  price: number;
  quantity: number;
  orders: number;
  /** the bar's width, % of the deepest level shown */
  bar: number;
}

/** Asks from the dearest down to the best, then bids from the best down (a ladder). */
export function depthRows(book: Pick<MarketBookView, 'bids' | 'asks'>): DepthRow[] {
  const deepest = Math.max(
    1,
    ...book.bids.map((l) => l.quantity),
    ...book.asks.map((l) => l.quantity),
  );
  const row = (side: MarketSide) => (l: { price: number; quantity: number; orders: number }) => ({
    side,
    ...l,
    bar: Math.round((l.quantity / deepest) * 100),
  });
  return [...[...book.asks].reverse().map(row('sell')), ...book.bids.map(row('buy'))];
}

/** The spread between the best ask and the best bid (null when a side is empty). */
export function spread(book: Pick<MarketBookView, 'bids' | 'asks'>): number | null {
  const bid = book.bids[0]?.price;
  const ask = book.asks[0]?.price;
  return bid !== undefined && ask !== undefined ? ask - bid : null;
}

export interface ChartGeometry {
  /** the closes as an SVG path */
  line: string;
  bars: {
    x: number;
    w: number;
    open: number;
    close: number;
    high: number;
    low: number;
    up: boolean;
  }[];
  /** the last close: a dot, so one trade alone reads as a price, not a speck */
  last: { x: number; y: number; price: number };
  min: number;
  max: number;
}

/**
 * The price chart's shapes on a time axis: the range's buckets (hourly over 24 h, daily
 * over 30 days) spread over the width from the oldest on the left to now on the right,
 * so quiet hours show as gaps and a trade an hour ago sits at the right edge.
 */
export function chartGeometry(
  candles: readonly MarketCandle[],
  w: number,
  h: number,
  window: { now: number; range: MarketHistoryRange },
): ChartGeometry | null {
  const last = candles[candles.length - 1];
  if (!last) return null;
  const { ms, bucketMs } = MARKET_HISTORY_SPAN[window.range];
  const first = Math.floor((window.now - ms) / bucketMs) * bucketMs;
  const slots = Math.floor(window.now / bucketMs) - first / bucketMs + 1;
  const slot = (t: number) => Math.min(slots - 1, Math.max(0, Math.round((t - first) / bucketMs)));
  const lo = Math.min(...candles.map((c) => c.low));
  const hi = Math.max(...candles.map((c) => c.high));
  const pad = Math.max(1, (hi - lo) * 0.1);
  const min = Math.max(0, lo - pad);
  const max = hi + pad;
  const y = (p: number) => Math.round((h - ((p - min) / (max - min)) * h) * 10) / 10;
  const step = w / slots;
  const x = (t: number) => Math.round((slot(t) + 0.5) * step * 10) / 10;
  return {
    line: candles.map((c, i) => `${i === 0 ? 'M' : 'L'}${x(c.t)} ${y(c.close)}`).join(' '),
    bars: candles.map((c) => ({
      x: x(c.t),
      w: Math.max(2, Math.min(10, step * 0.6)),
      open: y(c.open),
      close: y(c.close),
      high: y(c.high),
      low: y(c.low),
      up: c.close >= c.open,
    })),
    last: { x: x(last.t), y: y(last.close), price: last.close },
    min,
    max,
  };
}

/** "open · 15 / 40", "filled", "cancelled · 5 / 8", "expired · 0 / 10". */
export function orderStatus(o: Pick<MarketOrderView, 'state' | 'filled' | 'quantity'>): string {
  if (o.state === 'filled') return 'filled';
  return `${o.state} · ${o.filled} / ${o.quantity}`;
}

/** What placing an order costs now: the fee, and what a buy order holds until it fills. */
export function placeCost(side: MarketSide, price: number, quantity: number) {
  if (!(price >= 1 && quantity >= 1)) return null;
  return { fee: marketFee(price, quantity), held: side === 'buy' ? buyEscrow(price, quantity) : 0 };
}

/** Whole units typed by a player, or null. */
export function parseUnits(text: string): number | null {
  const t = text.replace(/[\s,_]/g, '');
  if (!/^\d{1,5}$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 ? n : null;
}
