import { describe, expect, it } from 'vitest';
import { MarketPlaceInputSchema } from '../schemas/market';
import {
  isMarketGood,
  isOnTick,
  marketFee,
  marketTax,
  roundToTick,
  tickSize,
} from './market-rules';
import { bookOf, matchOrder, replayJournal, type BookOrder } from './match-book';

describe('the tick: 4 significant figures', () => {
  it('steps by 1 below 10,000, by 10 below 100,000, by 100 above', () => {
    expect([1, 9_999, 10_000, 99_990, 100_000].map(tickSize)).toEqual([1, 1, 10, 10, 100]);
    expect(isOnTick(9_999)).toBe(true);
    expect(isOnTick(10_011)).toBe(false);
    expect(isOnTick(10_010)).toBe(true);
    expect(isOnTick(0)).toBe(false);
    expect(isOnTick(1.5)).toBe(false);
    expect(roundToTick(10_011)).toBe(10_010);
    expect(roundToTick(10_011, true)).toBe(10_020);
    expect(roundToTick(99_995, true)).toBe(100_000);
  });

  it('the schema refuses a price off the tick and an order worth too much', () => {
    const o = {
      characterId: 'c1',
      idempotencyKey: 'k1',
      templateId: 'scrap_metal',
      side: 'buy',
      price: 10,
      quantity: 5,
    };
    expect(MarketPlaceInputSchema.safeParse(o).success).toBe(true);
    expect(MarketPlaceInputSchema.safeParse({ ...o, price: 10_011 }).success).toBe(false);
    expect(
      MarketPlaceInputSchema.safeParse({ ...o, price: 1_000_000, quantity: 101 }).success,
    ).toBe(false);
    expect(MarketPlaceInputSchema.safeParse({ ...o, quantity: 0 }).success).toBe(false);
  });
});

describe('fees', () => {
  it('the fee is 0.5 % rounded up, at least 1; the tax 3 % rounded down', () => {
    expect(marketFee(1, 1)).toBe(1);
    expect(marketFee(100, 30)).toBe(15);
    expect(marketFee(101, 3)).toBe(2);
    expect(marketTax(10, 3)).toBe(0);
    expect(marketTax(100, 10)).toBe(30);
  });

  it('goods are unbound stackable materials and consumables', () => {
    expect(isMarketGood({ kind: 'material', binding: 'none', stackSize: 99 })).toBe(true);
    expect(isMarketGood({ kind: 'weapon', binding: 'none', stackSize: 1 })).toBe(false);
    expect(isMarketGood({ kind: 'consumable', binding: 'pickup', stackSize: 20 })).toBe(false);
  });
});

const o = (
  id: string,
  side: 'buy' | 'sell',
  price: number,
  remaining: number,
  no: number,
  ioc = false,
): BookOrder => ({ id, side, price, remaining, no, ioc });

describe('matching: price, then time', () => {
  it('fills at the resting price, best price first, older first at one price', () => {
    const book = bookOf([
      o('a', 'sell', 20, 10, 1),
      o('b', 'sell', 20, 10, 2),
      o('c', 'sell', 18, 10, 3),
    ]);
    const r = matchOrder(book, o('x', 'buy', 20, 25, 4));
    expect(r.fills.map((f) => [f.sellId, f.price, f.quantity])).toEqual([
      ['c', 18, 10],
      ['a', 20, 10],
      ['b', 20, 5],
    ]);
    expect(r.rests).toBe(false);
    expect(book.asks).toEqual([o('b', 'sell', 20, 5, 2)]);
  });

  it('a limit order rests with what is left; a market order does not', () => {
    const book = bookOf([o('a', 'sell', 20, 5, 1)]);
    expect(matchOrder(book, o('x', 'buy', 25, 8, 2)).rests).toBe(true);
    expect(book.bids).toEqual([o('x', 'buy', 25, 3, 2)]);
    const other = bookOf([o('a', 'sell', 20, 5, 1)]);
    expect(matchOrder(other, o('y', 'buy', 25, 8, 2, true)).rests).toBe(false);
    expect(other.bids).toEqual([]);
  });

  it('an order that does not cross only rests', () => {
    const book = bookOf([o('a', 'sell', 20, 5, 1)]);
    expect(matchOrder(book, o('x', 'buy', 19, 8, 2)).fills).toEqual([]);
    expect(book.bids.map((b) => b.id)).toEqual(['x']);
  });

  it('the replay of a journal makes the same fills and the same book', () => {
    const journal = [
      { kind: 'book' as const, order: o('a', 'sell', 20, 5, 1) },
      { kind: 'book' as const, order: o('b', 'sell', 21, 5, 2) },
      { kind: 'cancel' as const, orderId: 'a' },
      { kind: 'book' as const, order: o('x', 'buy', 22, 7, 3) },
    ];
    const r = replayJournal(journal);
    expect(r.fills).toEqual([{ buyId: 'x', sellId: 'b', price: 21, quantity: 5, taker: 'buy' }]);
    expect(r.book.bids).toEqual([o('x', 'buy', 22, 2, 3)]);
    expect(r.book.asks).toEqual([]);
  });
});
