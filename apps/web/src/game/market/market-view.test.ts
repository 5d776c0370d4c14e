import { describe, expect, it } from 'vitest';
import {
  chartGeometry,
  depthRows,
  orderStatus,
  parseUnits,
  placeCost,
  spread,
} from './market-view';

describe('market view', () => {
  const book = {
    bids: [
      { price: 19, quantity: 10, orders: 1 },
      { price: 18, quantity: 40, orders: 3 },
    ],
    asks: [
      { price: 21, quantity: 20, orders: 2 },
      { price: 25, quantity: 5, orders: 1 },
    ],
  };

  it('a ladder: asks dearest first down to the best, then bids; bars against the deepest', () => {
    expect(depthRows(book).map((r) => [r.side, r.price, r.bar])).toEqual([
      ['sell', 25, 13],
      ['sell', 21, 50],
      ['buy', 19, 25],
      ['buy', 18, 100],
    ]);
    expect(spread(book)).toBe(2);
    expect(spread({ bids: [], asks: book.asks })).toBeNull();
  });

  it('the chart fits the candles in its box, high prices up', () => {
    const H = 3_600_000;
    const now = Date.UTC(2026, 10, 28, 12, 30);
    const at = (hoursAgo: number) => Date.UTC(2026, 10, 28, 12 - hoursAgo);
    const g = chartGeometry(
      [
        { t: at(23), open: 10, high: 12, low: 9, close: 11, volume: 5 },
        { t: at(0), open: 11, high: 11, low: 8, close: 8, volume: 3 },
      ],
      250,
      50,
      { now, range: '24h' },
    )!;
    expect(g.bars).toHaveLength(2);
    expect(g.bars[0]!.up).toBe(true);
    expect(g.bars[1]!.up).toBe(false);
    expect(g.bars[0]!.high).toBeLessThan(g.bars[0]!.low);
    for (const b of g.bars) for (const y of [b.high, b.low]) expect(y).toBeGreaterThanOrEqual(0);
    // 25 hourly slots from 11:00 yesterday to 12:00 today, 10 px each: on a time axis
    expect(g.bars.map((b) => b.x)).toEqual([15, 245]);
    expect(g.line).toBe(`M15 ${g.bars[0]!.close} L245 ${g.bars[1]!.close}`);
    expect(g.last).toEqual({ x: 245, y: g.bars[1]!.close, price: 8 });
    // one trade alone: a visible bar and its dot at the right edge
    const one = chartGeometry(
      [{ t: at(0), open: 12, high: 12, low: 12, close: 12, volume: 20 }],
      250,
      50,
      {
        now,
        range: '24h',
      },
    )!;
    expect(one.bars[0]!.w).toBeGreaterThanOrEqual(2);
    expect(one.last.x).toBe(245);
    expect(one.last.y).toBeGreaterThan(0);
    expect(one.last.y).toBeLessThan(50);
    // a day's candle over 30 days; nothing at all: no chart
    const days = chartGeometry(
      [{ t: now - 10 * 24 * H, open: 5, high: 5, low: 5, close: 5, volume: 1 }],
      310,
      50,
      {
        now,
        range: '30d',
      },
    )!;
    expect(days.bars[0]!.x).toBe(215);
    expect(chartGeometry([], 100, 50, { now, range: '24h' })).toBeNull();
  });

  it('says an order, its cost and parses units', () => {
    expect(orderStatus({ state: 'open', filled: 15, quantity: 40 })).toBe('open · 15 / 40');
    expect(orderStatus({ state: 'filled', filled: 40, quantity: 40 })).toBe('filled');
    expect(placeCost('buy', 20, 10)).toEqual({ fee: 1, held: 200 });
    expect(placeCost('sell', 200, 100)).toEqual({ fee: 100, held: 0 });
    expect(placeCost('buy', 0, 10)).toBeNull();
    expect(parseUnits('1,200')).toBe(1200);
    expect(parseUnits('0')).toBeNull();
    expect(parseUnits('abc')).toBeNull();
  });
});
