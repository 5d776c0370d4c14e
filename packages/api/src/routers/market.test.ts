// The commodity market through the API: a seller and a buyer at Watson's Exchange
// terminal trade a good, read the book, the history and their orders; someone else's
// character or order is NOT_FOUND, bad input BAD_REQUEST.
import { afterAll, describe, expect, it } from 'vitest';
import { createTestCharacter } from '@necp/db/testing';
import { zoneById } from '@necp/shared';
import { FakeClock, checkInvariants, grantItem, recordCurrency } from '@necp/game';
import { rejection, signedIn, testDb, testDeps } from '../testing';

const db = testDb();
afterAll(() => db.$disconnect());
const terminal = zoneById('watson')!.spawnPoints.find((p) => p.kind === 'auction_terminal')!;
const at = { x: terminal.x, y: terminal.y + 2 };

describe('market router', () => {
  it('places, fills, reads and cancels; refuses others and bad input', async () => {
    const deps = { ...testDeps(db), clock: new FakeClock(Date.UTC(2036, 0, 1)) };
    const seller = await signedIn(deps, db);
    const buyer = await signedIn(deps, db);
    const cs = await createTestCharacter(db, seller.user.id, at);
    const cb = await createTestCharacter(db, buyer.user.id, at);
    await db.$transaction(async (tx) => {
      await recordCurrency(tx, { reason: 'admin', characterId: cs.id, delta: 100 });
      await recordCurrency(tx, { reason: 'admin', characterId: cb.id, delta: 5000 });
    });
    const g = 'optic_fibre';
    await grantItem({ db }, { characterId: cs.id, templateId: g, quantity: 40, reason: 'admin' });
    const ask = await seller.caller.market.place({
      characterId: cs.id,
      templateId: g,
      side: 'sell',
      price: 30,
      quantity: 40,
      idempotencyKey: 'ask-1',
    });
    const book = await buyer.caller.market.book({ characterId: cb.id, templateId: g });
    expect(book.asks).toEqual([{ price: 30, quantity: 40, orders: 1 }]);
    const bid = await buyer.caller.market.place({
      characterId: cb.id,
      templateId: g,
      side: 'buy',
      price: 30,
      quantity: 15,
      idempotencyKey: 'bid-1',
    });
    expect(bid).toMatchObject({ state: 'filled', filled: 15, avgPrice: 30 });
    // the same placement again (its key): the same order, nothing bought twice
    const again = await buyer.caller.market.place({
      characterId: cb.id,
      templateId: g,
      side: 'buy',
      price: 30,
      quantity: 15,
      idempotencyKey: 'bid-1',
    });
    expect(again).toMatchObject({ id: bid.id, state: 'filled', filled: 15 });
    // the seller sees the partial fill and what waits for it
    const mine = await seller.caller.market.mine({ characterId: cs.id });
    expect(mine.orders.find((o) => o.id === ask.id)).toMatchObject({ filled: 15, remaining: 25 });
    expect(mine.collect.eddies).toBeGreaterThan(0);
    const history = await buyer.caller.market.history({ characterId: cb.id, templateId: g });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ open: 30, close: 30, volume: 15 });
    const goods = await buyer.caller.market.goods({ characterId: cb.id });
    expect(goods.find((x) => x.templateId === g)).toMatchObject({
      bestAsk: 30,
      last: 30,
      volume24h: 15,
    });
    // someone else's character, someone else's order
    expect(await rejection(buyer.caller.market.mine({ characterId: cs.id }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await rejection(buyer.caller.market.cancel({ characterId: cb.id, orderId: ask.id })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    // bad input: off the tick, no such good, a negative quantity, a key that is no id
    for (const bad of [
      { price: 10_011, quantity: 1, templateId: g, idempotencyKey: 'bad-1' },
      { price: 10, quantity: -1, templateId: g, idempotencyKey: 'bad-2' },
      { price: 10, quantity: 1, templateId: 'No Such Good', idempotencyKey: 'bad-3' },
      { price: 10, quantity: 1, templateId: g, idempotencyKey: 'not a key' },
    ])
      expect(
        await rejection(buyer.caller.market.place({ characterId: cb.id, side: 'buy', ...bad })),
      ).toMatchObject({ code: 'BAD_REQUEST' });
    const cancelled = await seller.caller.market.cancel({ characterId: cs.id, orderId: ask.id });
    expect(cancelled).toMatchObject({ state: 'cancelled', remaining: 0 });
    expect(await checkInvariants(db, { characterIds: [cs.id, cb.id] })).toEqual([]);
  });
});
