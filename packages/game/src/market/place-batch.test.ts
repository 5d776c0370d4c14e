// Placements of one good that come together go in one transaction (place-batch.ts): each
// is checked as if alone after the ones before it — eddies, goods, the open-order limit and
// the own-order rule see the placements ahead of it in the batch — and a refusal is that
// placement's alone. Conserved throughout.
import { afterAll, describe, expect, it } from 'vitest';
import { MARKET_ORDERS_MAX, buyEscrow, marketFee, marketTax } from '@necp/shared';
import { domainError, expectEveryTransactionDirect, testDb } from '../accounts/test-deps';
import { expectBalanced, holdCharacters } from '../inventory/test-helpers';
import { checkInvariants } from '../ledger/check-invariants';
import { placementBatches } from './place-batch';
import { buy, eddiesOf, marketDeps, marketTrader, sell, unitsInBag } from './test-kit';

const db = testDb(6);
const deps = marketDeps(db, 4177);
afterAll(() => db.$disconnect());
expectEveryTransactionDirect();

/** Settles each placement: its view, or the message a player reads. */
const settle = (ps: Promise<unknown>[]) =>
  Promise.all(
    ps.map((p) =>
      p.then(
        () => 'ok',
        async (e: unknown) => (await domainError(Promise.reject(e))).userMessage,
      ),
    ),
  );

describe('placements together', () => {
  it('go in one batch; a character’s second buy sees the eddies its first took', async () => {
    // goods no other test file trades (their books are shared by the files running at once)
    const g = 'chrome_plating';
    const cost = marketFee(50, 10) + buyEscrow(50, 10);
    const a = await marketTrader(db, cost + cost - 1);
    const b = await marketTrader(db, 10_000);
    const before = placementBatches();
    const out = await settle([
      buy(deps, a, { templateId: g, price: 50, quantity: 10 }),
      buy(deps, a, { templateId: g, price: 50, quantity: 10 }),
      buy(deps, b, { templateId: g, price: 49, quantity: 10 }),
    ]);
    const after = placementBatches();
    // the first went alone (nothing ran); the two that came meanwhile went together
    expect(after.placements - before.placements).toBe(3);
    expect(after.batches - before.batches).toBe(2);
    expect(out).toEqual(['ok', 'Not enough eddies', 'ok']);
    expect(await eddiesOf(db, a)).toBe(cost - 1);
    await expectBalanced(db, [a, b]);
  });

  it('what a batch’s placements earn is paid at once: one seller’s two sales, each step in the ledger', async () => {
    const g = 'neural_lace';
    const s = await marketTrader(db, 100, { templateId: g, quantity: 5 });
    const b = await marketTrader(db, 10_000);
    const c = await marketTrader(db, 10_000);
    // two resting buys; then the seller's two sells, the second coming while the first runs
    await buy(deps, b, { templateId: g, price: 30, quantity: 2 });
    await buy(deps, c, { templateId: g, price: 20, quantity: 3 });
    // a placement is answered at its batch's commit, a moment before its good's queue
    // lets go: placed now, the sells would join that queue's next batch, all three at once
    await new Promise((r) => setImmediate(r));
    const before = placementBatches();
    const out = await Promise.all([
      sell(deps, s, { templateId: g, price: 20, quantity: 2 }),
      sell(deps, s, { templateId: g, price: 20, quantity: 1 }),
      sell(deps, s, { templateId: g, price: 20, quantity: 2 }),
    ]);
    expect(placementBatches().batches - before.batches).toBe(2);
    // each filled at the resting price, its earnings collected at once
    expect(out.map((o) => [o.state, o.avgPrice, o.collect])).toEqual([
      ['filled', 30, { eddies: 0, quantity: 0 }],
      ['filled', 20, { eddies: 0, quantity: 0 }],
      ['filled', 20, { eddies: 0, quantity: 0 }],
    ]);
    const fees = marketFee(20, 2) + marketFee(20, 1) + marketFee(20, 2);
    const sales = 60 - marketTax(30, 2) + (20 - marketTax(20, 1)) + (40 - marketTax(20, 2));
    expect(await eddiesOf(db, s)).toBe(100 - fees + sales);
    // the ledger's balance after each of the seller's steps follows from the one before
    const steps = await db.ledgerEntry.findMany({
      where: { characterId: s.characterId, eddiesDelta: { not: 0 } },
      orderBy: { id: 'asc' },
    });
    for (let i = 1; i < steps.length; i++)
      expect(steps[i]!.balanceAfter).toBe(steps[i - 1]!.balanceAfter! + steps[i]!.eddiesDelta);
    expect(steps.at(-1)?.balanceAfter).toBe(100 - fees + sales);
    // each payout's two sides name its order: the order's row and the seller's
    const paid = steps.filter((e) => e.fromOwner?.startsWith('market-payout:'));
    expect(paid).toHaveLength(3);
    for (const e of paid) {
      const other = await db.ledgerEntry.findMany({
        where: { ref: e.ref, characterId: null, toOwner: e.toOwner },
      });
      expect(other.map((o) => o.eddiesDelta)).toEqual([-e.eddiesDelta]);
    }
    await expectBalanced(db, [s, b, c]);
    const diffs = await checkInvariants(db);
    expect(diffs.filter((d) => d.kind.startsWith('market'))).toEqual([]);
  });

  it('the goods a batch’s buys bought go into the bags together; a buyer’s second buy tops up the stack its first began', async () => {
    const g = 'food_noodles';
    const s = await marketTrader(db, 1_000, { templateId: g, quantity: 16 });
    const a = await marketTrader(db, 10_000);
    const b = await marketTrader(db, 10_000);
    await sell(deps, s, { templateId: g, price: 10, quantity: 16 });
    // answered at its commit, a moment before the good's queue lets go (the test above)
    await new Promise((r) => setImmediate(r));
    const before = placementBatches();
    const out = await Promise.all([
      buy(deps, b, { templateId: g, price: 10, quantity: 2 }),
      buy(deps, a, { templateId: g, price: 10, quantity: 5 }),
      buy(deps, a, { templateId: g, price: 10, quantity: 4 }),
      buy(deps, b, { templateId: g, price: 10, quantity: 3 }),
    ]);
    // the first went alone; the three that came meanwhile went together
    expect(placementBatches().batches - before.batches).toBe(2);
    expect(out.map((o) => [o.state, o.collect])).toEqual(
      out.map(() => ['filled', { eddies: 0, quantity: 0 }]),
    );
    // one stack each (20 fit on one): the later buys merged into what the earlier placed
    const stacks = async (p: typeof a) =>
      (
        await db.item.findMany({
          where: { characterId: p.characterId, container: 'BAG', templateId: g },
        })
      ).map((i) => i.quantity);
    expect(await stacks(a)).toEqual([9]);
    expect(await stacks(b)).toEqual([5]);
    // each order let go of its item: no market-held goods left for these orders
    const held = await db.marketOrder.findMany({
      where: { characterId: { in: [a.characterId, b.characterId] }, itemId: { not: null } },
    });
    expect(held).toEqual([]);
    await expectBalanced(db, [s, a, b]);
    const diffs = await checkInvariants(db);
    expect(diffs.filter((d) => d.kind.startsWith('market'))).toEqual([]);
  });

  it('a seller’s goods, the open-order limit and its own orders count across the batch', async () => {
    const g = 'neurotransmitter_vial';
    const s = await marketTrader(db, 1_000, { templateId: g, quantity: 5 });
    const t = await marketTrader(db, 10_000, { templateId: g, quantity: 40 });
    // t holds MARKET_ORDERS_MAX − 1 open orders of another good
    for (let i = 0; i < MARKET_ORDERS_MAX - 1; i++)
      await buy(deps, t, { templateId: 'chrome_plating', price: 1, quantity: 1 });
    const out = await settle([
      sell(deps, s, { templateId: g, price: 90, quantity: 1 }),
      sell(deps, s, { templateId: g, price: 90, quantity: 3 }),
      sell(deps, s, { templateId: g, price: 91, quantity: 3 }),
      // a buy that would trade with s's own sell at 90, placed in the same batch
      buy(deps, s, { templateId: g, price: 95, quantity: 1 }),
      sell(deps, t, { templateId: g, price: 200, quantity: 2 }),
      sell(deps, t, { templateId: g, price: 201, quantity: 2 }),
    ]);
    expect(out).toEqual([
      'ok',
      'ok',
      'You have only 1 of those free in your bag.',
      'That would trade with your own order at 90 eddies: cancel it first.',
      'ok',
      `You have ${MARKET_ORDERS_MAX} open orders: cancel one or wait for it to fill.`,
    ]);
    expect(await unitsInBag(db, s, g)).toBe(1);
    expect(await unitsInBag(db, t, g)).toBe(38);
    await expectBalanced(db, [s, t]);
    const diffs = await checkInvariants(db);
    expect(diffs.filter((d) => d.kind.startsWith('market'))).toEqual([]);
  });

  it('a placement is answered at its commit: it waits neither for the notices nor the look', async () => {
    const g = 'stim_military';
    const s = await marketTrader(db, 100, { templateId: g, quantity: 3 });
    const b = await marketTrader(db, 10_000);
    await sell(deps, s, { templateId: g, price: 9, quantity: 3 });
    // the seller's row held whole (a rename, a purge): a notice to them waits for it (its
    // key is checked), and nothing of the buy itself does
    const holder = await holdCharacters(db, [s.characterId], 'whole');
    const answer = await Promise.race([
      buy(deps, b, { templateId: g, price: 9, quantity: 2 }),
      new Promise<'waiting'>((r) => setTimeout(() => r('waiting'), 3_000)),
    ]);
    expect(answer).toMatchObject({ state: 'filled', filled: 2 });
    const sold = () => db.notification.count({ where: { characterId: s.characterId } });
    expect(await sold()).toBe(0);
    await holder.release();
    // the notice follows once it can
    await expect.poll(sold).toBe(1);
    await expectBalanced(db, [s, b]);
  });

  it('a placement whose character is held is left out of one batch more, then goes alone', async () => {
    const g = 'stim_black_lace';
    const x = await marketTrader(db, 10_000);
    const holder = await holdCharacters(db, [x.characterId]);
    const before = placementBatches();
    const xBuy = buy(deps, x, { templateId: g, price: 7, quantity: 1 });
    // its first batch and the next left it out; then its own transaction, waiting for the
    // row — and no batch more, however long the row is held
    const batches = () => placementBatches().batches - before.batches;
    await expect.poll(batches).toBeGreaterThanOrEqual(3);
    await new Promise((r) => setTimeout(r, 500));
    expect(batches()).toBe(3);
    await holder.release();
    expect((await xBuy).state).toBe('open');
  });

  it('a placement whose character another transaction holds waits; the good’s others go on', async () => {
    const g = 'chrome_plating';
    const x = await marketTrader(db, 10_000);
    const y = await marketTrader(db, 10_000);
    // x's character in the middle of another transaction (a bid, a trade)
    const holder = await holdCharacters(db, [x.characterId]);
    const before = placementBatches();
    let xAnswered = false;
    const xBuy = buy(deps, x, { templateId: g, price: 7, quantity: 1 }).then((v) => {
      xAnswered = true;
      return v;
    });
    // y's placement is not held up by x's busy character
    await buy(deps, y, { templateId: g, price: 7, quantity: 1 });
    // x waits for its character however long it is held, without a transaction a batch
    await new Promise((r) => setTimeout(r, 300));
    expect(xAnswered).toBe(false);
    await holder.release();
    expect((await xBuy).state).toBe('open');
    // x left out of its first batch and one more, then alone; y in one of those or its own
    expect(placementBatches().batches - before.batches).toBeLessThanOrEqual(4);
    expect(await eddiesOf(db, x)).toBe(10_000 - marketFee(7, 1) - buyEscrow(7, 1));
    await expectBalanced(db, [x, y]);
  });
});
