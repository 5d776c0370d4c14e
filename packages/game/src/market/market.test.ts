// The commodity market against the real database: escrow and goods held at placement,
// price-time priority, partial fills at the resting price with the improvement to the
// taker, the tax and the fee as sinks, market orders, cancel, collect, expiry and the
// refusals — conserved throughout (checkInvariants with the market's own checks).
import { afterAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../core/clock';
import { marketFee, marketTax } from '@necp/shared';
import {
  expectDomainError,
  expectEveryTransactionDirect,
  testDb,
  testDeps,
} from '../accounts/test-deps';
import { expectBalanced } from '../inventory/test-helpers';
import { checkInvariants } from '../ledger/check-invariants';
import { cancelOrder, collectOrders, expireDueOrders, marketBook, myMarketOrders } from '.';
import { buy, eddiesOf, marketDeps, marketTrader, sell, unitsInBag } from './test-kit';

const db = testDb(6);
const deps = marketDeps(db, 2034);
afterAll(() => db.$disconnect());
// trades, orders, bids: raw statements straight on the connection, none through Prisma
expectEveryTransactionDirect();

describe('limit orders', () => {
  it('a buy crossing a resting sell trades at the sell price; the buyer keeps the difference', async () => {
    const g = 'scrap_metal';
    const s = await marketTrader(db, 100, { templateId: g, quantity: 30 });
    const b = await marketTrader(db, 1000);
    const ask = await sell(deps, s, { templateId: g, price: 10, quantity: 30 });
    expect(ask).toMatchObject({ state: 'open', remaining: 30, filled: 0, fee: marketFee(10, 30) });
    expect(await unitsInBag(db, s, g)).toBe(0);
    const bid = await buy(deps, b, { templateId: g, price: 12, quantity: 20 });
    // filled at 10 (the resting price), the goods collected into the bag at once
    expect(bid).toMatchObject({ state: 'filled', filled: 20, avgPrice: 10, escrow: 0 });
    expect(bid.collect).toEqual({ eddies: 0, quantity: 0 });
    expect(await unitsInBag(db, b, g)).toBe(20);
    expect(await eddiesOf(db, b)).toBe(1000 - marketFee(12, 20) - 20 * 10);
    // the seller, whose order rested, is told after the batch's commit (the buyer's answer
    // does not wait for it)
    await expect
      .poll(async () =>
        (
          await db.notification.findMany({
            where: { characterId: s.characterId, kind: 'market_fill' },
          })
        ).map((n) => n.title),
      )
      .toEqual(['Sold 20 × Scrap Metal']);
    // the buyer has its answer: no notice
    expect(await db.notification.count({ where: { characterId: b.characterId } })).toBe(0);
    // the seller's earnings wait on the order until collected
    const mine = await myMarketOrders(deps, s.ref);
    const o = mine.orders.find((x) => x.id === ask.id)!;
    expect(o).toMatchObject({ state: 'open', remaining: 10, filled: 20 });
    expect(o.collect.eddies).toBe(200 - marketTax(10, 20));
    await collectOrders(deps, s.ref);
    expect(await eddiesOf(db, s)).toBe(100 - marketFee(10, 30) + 200 - marketTax(10, 20));
    const book = await marketBook(deps, { ...b.ref, templateId: g });
    expect(book.asks).toEqual([{ price: 10, quantity: 10, orders: 1 }]);
    expect(book.last).toBe(10);
    await expectBalanced(db, [s, b]);
  });

  it('the answer to a placement is the order as the orders list shows it: resting or filled', async () => {
    const g = 'circuit_board';
    const s = await marketTrader(db, 100, { templateId: g, quantity: 12 });
    const b = await marketTrader(db, 1000);
    const listed = async (p: typeof s, id: string) =>
      (await myMarketOrders(deps, p.ref)).orders.find((o) => o.id === id);
    // resting whole (no fill: the answer is made without reading the order again)
    const ask = await sell(deps, s, { templateId: g, price: 30, quantity: 12 });
    expect(ask).toEqual(await listed(s, ask.id));
    expect(ask.collect).toEqual({ eddies: 0, quantity: 0 });
    const low = await buy(deps, b, { templateId: g, price: 20, quantity: 4 });
    expect(low).toEqual(await listed(b, low.id));
    expect(low).toMatchObject({ state: 'open', escrow: 80, remaining: 4 });
    // partly filled as the taker (collected in the same transaction)
    const taken = await buy(deps, b, { templateId: g, price: 30, quantity: 5 });
    expect(taken).toEqual(await listed(b, taken.id));
    expect(taken).toMatchObject({
      state: 'filled',
      filled: 5,
      collect: { eddies: 0, quantity: 0 },
    });
    await expectBalanced(db, [s, b]);
  });

  it('fills by price, then time; partial fills on both sides', async () => {
    const g = 'copper_wire';
    const [a, c, d] = await Promise.all(
      [0, 1, 2].map(() => marketTrader(db, 50, { templateId: g, quantity: 10 })),
    );
    const b = await marketTrader(db, 2000);
    const first = await sell(deps, a!, { templateId: g, price: 20, quantity: 10 });
    const second = await sell(deps, c!, { templateId: g, price: 20, quantity: 10 });
    const cheap = await sell(deps, d!, { templateId: g, price: 18, quantity: 10 });
    const bid = await buy(deps, b, { templateId: g, price: 20, quantity: 25 });
    expect(bid).toMatchObject({
      state: 'filled',
      filled: 25,
      avgPrice: Math.round((180 + 300) / 25),
    });
    const fills = await db.marketFill.findMany({
      where: { buyOrderId: bid.id },
      orderBy: { seq: 'asc' },
    });
    expect(fills.map((f) => [f.sellOrderId, f.price, f.quantity])).toEqual([
      [cheap.id, 18, 10],
      [first.id, 20, 10],
      [second.id, 20, 5],
    ]);
    const left = await db.marketOrder.findUniqueOrThrow({ where: { id: second.id } });
    expect(left).toMatchObject({ state: 'open', remaining: 5, filled: 5 });
    await expectBalanced(db, [a!, c!, d!, b]);
  });

  it('a market order takes what the book has up to its limit and cancels the rest', async () => {
    const g = 'polymer_resin';
    const s = await marketTrader(db, 50, { templateId: g, quantity: 5 });
    const b = await marketTrader(db, 1000);
    await sell(deps, s, { templateId: g, price: 30, quantity: 5 });
    const before = await eddiesOf(db, b);
    const o = await buy(deps, b, { templateId: g, price: 40, quantity: 8, type: 'market' });
    expect(o).toMatchObject({ state: 'cancelled', filled: 5, remaining: 0, escrow: 0 });
    // paid 5 × 30 and the fee; the rest of the escrow and the improvement came back
    expect(await eddiesOf(db, b)).toBe(before - marketFee(40, 8) - 150);
    expect(await unitsInBag(db, b, g)).toBe(5);
    const book = await marketBook(deps, { ...b.ref, templateId: g });
    expect(book.bids).toEqual([]);
    await expectBalanced(db, [s, b]);
  });
});

describe('cancel, collect, expiry', () => {
  it('cancel returns the escrow or the goods at once; twice is refused; another player cannot', async () => {
    const g = 'gun_parts';
    const s = await marketTrader(db, 50, { templateId: g, quantity: 12 });
    const b = await marketTrader(db, 500);
    const ask = await sell(deps, s, { templateId: g, price: 25, quantity: 12 });
    const bid = await buy(deps, b, { templateId: g, price: 20, quantity: 10 });
    expect(bid).toMatchObject({ state: 'open', escrow: 200 });
    await expectDomainError(cancelOrder(deps, { ...s.ref, orderId: bid.id }), 'NOT_FOUND');
    const back = await cancelOrder(deps, { ...b.ref, orderId: bid.id });
    expect(back).toMatchObject({ state: 'cancelled', escrow: 0, remaining: 0 });
    expect(await eddiesOf(db, b)).toBe(500 - marketFee(20, 10));
    // written with the close: its journal line, and the sim told the canceller's eddies moved
    const lines = await db.marketJournal.findMany({ where: { orderId: bid.id, kind: 'cancel' } });
    expect(lines).toHaveLength(1);
    const told = await db.outboxEvent.findMany({
      where: { key: { startsWith: `character.stats_changed:${b.characterId}:` } },
    });
    expect(told.map((e) => (e.payload as { cause: string }).cause)).toContain('market.cancel');
    await expectDomainError(cancelOrder(deps, { ...b.ref, orderId: bid.id }), 'INVALID_STATE');
    await cancelOrder(deps, { ...s.ref, orderId: ask.id });
    expect(await unitsInBag(db, s, g)).toBe(12);
    await expectBalanced(db, [s, b]);
  });

  it('expiry closes an order once, however often it runs', async () => {
    const g = 'synth_leather';
    const clock = new FakeClock(Date.UTC(2034, 5, 1));
    const d = testDeps(db, { clock });
    const b = await marketTrader(db, 500);
    const bid = await buy(d, b, { templateId: g, price: 7, quantity: 10, durationH: 24 });
    clock.advance(25 * 3_600_000);
    const runs = await Promise.all([expireDueOrders(d), expireDueOrders(d)]);
    expect(runs.reduce((n, r) => n + r, 0)).toBeGreaterThanOrEqual(1);
    expect(await db.marketOrder.findUniqueOrThrow({ where: { id: bid.id } })).toMatchObject({
      state: 'expired',
      escrow: 0,
    });
    expect(await eddiesOf(db, b)).toBe(500 - marketFee(7, 10));
    const journal = await db.marketJournal.findMany({ where: { orderId: bid.id, kind: 'expire' } });
    expect(journal).toHaveLength(1);
    await expectBalanced(db, [b]);
  });
});

describe('refusals', () => {
  it('refuses what the rules forbid, before anything is written', async () => {
    const g = 'kevlar_weave';
    const p = await marketTrader(db, 10_000, { templateId: g, quantity: 40 });
    const o = { templateId: g, quantity: 1 };
    // gear is not a good; a price off the tick; goods or eddies you do not have
    await expectDomainError(
      buy(deps, p, { ...o, templateId: 'pistol_unity', price: 10 }),
      'INVALID_STATE',
    );
    await expectDomainError(buy(deps, p, { ...o, price: 10_011 }), 'VALIDATION');
    await expectDomainError(sell(deps, p, { ...o, price: 5, quantity: 41 }), 'INVALID_STATE');
    await expectDomainError(buy(deps, p, { ...o, price: 9_000, quantity: 2 }), 'INVALID_STATE');
    // your own order on the other side
    await sell(deps, p, { ...o, price: 50, quantity: 10 });
    await expectDomainError(buy(deps, p, { ...o, price: 60 }), 'INVALID_STATE');
    // ten open orders at most
    for (let i = 0; i < 9; i++) await sell(deps, p, { ...o, price: 51 + i });
    await expectDomainError(sell(deps, p, { ...o, price: 70 }), 'INVALID_STATE');
    // away from the terminal
    const far = await marketTrader(db, 100);
    await db.character.update({ where: { id: far.characterId }, data: { x: 5, y: 5 } });
    await expectDomainError(buy(deps, far, { ...o, price: 5 }), 'FORBIDDEN');
    await expectBalanced(db, [p, far]);
  });

  it('a scarce good has a buy limit per 4 hours', async () => {
    const p = await marketTrader(db, 100_000);
    const o = { templateId: 'quantum_chip', price: 10 };
    await buy(deps, p, { ...o, quantity: 150 });
    await expectDomainError(buy(deps, p, { ...o, quantity: 51 }), 'INVALID_STATE');
    await buy(deps, p, { ...o, quantity: 50 });
    expect((await marketBook(deps, { ...p.ref, templateId: o.templateId })).buyLimit).toEqual({
      limit: 200,
      left: 0,
    });
    await expectBalanced(db, [p]);
  });

  it('the invariant check balances over the whole database', async () => {
    const diffs = await checkInvariants(db);
    expect(diffs.filter((d) => d.kind.startsWith('market'))).toEqual([]);
  });
});
