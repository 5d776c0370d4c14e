// A placement's idempotency key (place-rows.ts reads the orders of the batch's keys with
// its placers, place-checks.ts answers with them): the same key again returns the order
// the first try placed — as it stands now — and moves nothing twice, whether the retry
// comes after the answer, at the same time (another process's batch), or in the same
// batch; the key used for other terms is refused and writes nothing; a retry in a batch
// of other placers takes none of them down. Conserved throughout.
import { afterAll, describe, expect, it } from 'vitest';
import { buyEscrow, marketFee, marketTax } from '@necp/shared';
import {
  domainError,
  expectDomainError,
  expectEveryTransactionDirect,
  testDb,
} from '../accounts/test-deps';
import { expectBalanced, holdCharacters, type Player } from '../inventory/test-helpers';
import { placementBatches } from './place-batch';
import { placeOrder } from './place-order';
import { buy, eddiesOf, marketDeps, marketTrader, newKey, sell, unitsInBag } from './test-kit';

const db = testDb(8);
const deps = marketDeps(db, 2041);
// another process: its own queues (by client and clock), so its batches run beside ours
const other = marketDeps(db, 2041);
afterAll(() => db.$disconnect());
// the key's lookup rides the batch's raw statements: none through Prisma
expectEveryTransactionDirect();

// a good no other test file trades: bids at 10 at most, asks at 100 (one) and 500
const G = 'drink_nicola';

const ordersOf = (p: Player) => db.marketOrder.count({ where: { characterId: p.characterId } });
const ledgerOf = (p: Player) => db.ledgerEntry.count({ where: { characterId: p.characterId } });
const bid = (price: number, idempotencyKey?: string) => ({
  templateId: G,
  price,
  quantity: 10,
  ...(idempotencyKey ? { idempotencyKey } : {}),
});
const paid = (price: number, quantity = 10) =>
  marketFee(price, quantity) + buyEscrow(price, quantity);

/** Settles each placement: its order's id, or the error code a player gets. */
const settle = (ps: Promise<{ id: string }>[]) =>
  Promise.all(
    ps.map((p) =>
      p.then(
        (v) => v.id,
        async (e: unknown) => (await domainError(Promise.reject(e))).code,
      ),
    ),
  );

/** A moment for the good's queue to let go of its last batch (answered at its commit). */
const idle = () => new Promise((r) => setImmediate(r));

describe('a placement tried again', () => {
  it('with its key: the first order, nothing moved twice', async () => {
    const b = await marketTrader(db, 10_000);
    const k = newKey();
    const first = await buy(deps, b, bid(5, k));
    const ledger = await ledgerOf(b);
    const again = await buy(deps, b, bid(5, k));
    expect(again).toEqual(first);
    expect(await ordersOf(b)).toBe(1);
    expect(await ledgerOf(b)).toBe(ledger);
    expect(await eddiesOf(db, b)).toBe(10_000 - paid(5));
    await expectBalanced(db, [b]);
  });

  it('answers the order as it stands: its fills since, what waits to collect', async () => {
    // the good's one ask at 100 (the bids are at 10 at most)
    const g = G;
    const s = await marketTrader(db, 1_000, { templateId: g, quantity: 5 });
    const b = await marketTrader(db, 10_000);
    const ks = newKey();
    const ask = await sell(deps, s, { templateId: g, price: 100, quantity: 5, idempotencyKey: ks });
    expect(ask).toMatchObject({ state: 'open', filled: 0 });
    // a market order sweeps 2 of it; tried again, the same order (filled), bought once
    const kb = newKey();
    const take = { templateId: g, price: 100, quantity: 2, type: 'market' as const };
    const took = await buy(deps, b, { ...take, idempotencyKey: kb });
    expect(took).toMatchObject({ state: 'filled', filled: 2 });
    expect(await buy(deps, b, { ...take, idempotencyKey: kb })).toEqual(took);
    expect(await unitsInBag(db, b, g)).toBe(2);
    expect(await eddiesOf(db, b)).toBe(10_000 - marketFee(100, 2) - 200);
    // the sell tried again: its order now, the earnings waiting on it (not collected by
    // the retry), the goods not taken twice
    const eddies = await eddiesOf(db, s);
    const again = await sell(deps, s, {
      templateId: g,
      price: 100,
      quantity: 5,
      idempotencyKey: ks,
    });
    expect(again).toMatchObject({
      id: ask.id,
      state: 'open',
      filled: 2,
      remaining: 3,
      collect: { eddies: 200 - marketTax(100, 2), quantity: 0 },
    });
    expect(await eddiesOf(db, s)).toBe(eddies);
    expect(await unitsInBag(db, s, g)).toBe(0);
    expect(await ordersOf(s)).toBe(1);
    expect(await ordersOf(b)).toBe(1);
    await expectBalanced(db, [s, b]);
  });

  it('with its key and other terms: CONFLICT, nothing written', async () => {
    const b = await marketTrader(db, 10_000, { templateId: G, quantity: 10 });
    const k = newKey();
    await buy(deps, b, bid(6, k));
    const ledger = await ledgerOf(b);
    // another price, quantity, side, type, duration, good — at once, each refused alone
    const refused = await settle([
      buy(deps, b, bid(7, k)),
      buy(deps, b, { ...bid(6, k), quantity: 9 }),
      sell(deps, b, { ...bid(500, k) }),
      buy(deps, b, { ...bid(6, k), type: 'market' }),
      buy(deps, b, { ...bid(6, k), durationH: 24 }),
      buy(deps, b, { ...bid(6, k), templateId: 'stim_platinum', quantity: 1 }),
    ]);
    expect(refused).toEqual(Array(6).fill('CONFLICT'));
    expect(await ordersOf(b)).toBe(1);
    expect(await ledgerOf(b)).toBe(ledger);
    expect(await eddiesOf(db, b)).toBe(10_000 - paid(6));
    expect(await unitsInBag(db, b, G)).toBe(10);
    await expectBalanced(db, [b]);
  });

  it('a key that is no id: VALIDATION', async () => {
    const b = await marketTrader(db, 10_000);
    // none, empty, a space, too long, not A–Z a–z 0–9 _ -
    for (const idempotencyKey of [undefined, '', 'has space', 'x'.repeat(65), 'ключ'])
      await expectDomainError(
        placeOrder(deps, {
          ...bid(5),
          characterId: b.characterId,
          side: 'buy',
          idempotencyKey: idempotencyKey as string,
        }),
        'VALIDATION',
      );
    expect(await ordersOf(b)).toBe(0);
  });
});

describe('one key at once', () => {
  it('in two processes: one order', async () => {
    const b = await marketTrader(db, 10_000);
    const k = newKey();
    const ids = await settle([buy(deps, b, bid(4, k)), buy(other, b, bid(4, k))]);
    expect(ids[0]).toBe(ids[1]);
    expect(await ordersOf(b)).toBe(1);
    expect(await eddiesOf(db, b)).toBe(10_000 - paid(4));
    await expectBalanced(db, [b]);
  });

  it('its character held meanwhile (each goes alone, waiting for it): one order', async () => {
    const b = await marketTrader(db, 10_000);
    const k = newKey();
    const holder = await holdCharacters(db, [b.characterId]);
    const placing = settle([
      buy(deps, b, bid(3, k)),
      buy(other, b, bid(3, k)),
      buy(deps, b, bid(3, k)),
    ]);
    await new Promise((r) => setTimeout(r, 200));
    await holder.release();
    const ids = await placing;
    expect(new Set(ids).size).toBe(1);
    expect(await ordersOf(b)).toBe(1);
    expect(await eddiesOf(db, b)).toBe(10_000 - paid(3));
    await expectBalanced(db, [b]);
  });

  it('twice in one batch: one order; other terms there: CONFLICT for that one alone', async () => {
    const a = await marketTrader(db, 10_000);
    const b = await marketTrader(db, 10_000);
    const x = await marketTrader(db, 10_000);
    const k = newKey();
    await idle();
    const before = placementBatches();
    const ids = await settle([
      // the first goes alone (nothing runs); the rest come meanwhile and go together
      buy(deps, x, bid(2)),
      buy(deps, a, bid(2, k)),
      buy(deps, a, bid(2, k)),
      buy(deps, b, bid(2)),
      buy(deps, a, bid(1, k)),
    ]);
    expect(placementBatches().batches - before.batches).toBe(2);
    expect(ids[2]).toBe(ids[1]);
    expect(ids[4]).toBe('CONFLICT');
    expect(new Set(ids).size).toBe(4);
    expect(await ordersOf(a)).toBe(1);
    expect(await eddiesOf(db, a)).toBe(10_000 - paid(2));
    await expectBalanced(db, [a, b, x]);
  });

  it('a retry in a busy batch of other placers: they all go through', async () => {
    const a = await marketTrader(db, 10_000);
    const k = newKey();
    const first = await buy(deps, a, bid(8, k));
    const others = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        marketTrader(db, 10_000, i % 2 ? { templateId: G, quantity: 3 } : undefined),
      ),
    );
    // the sellers (odd) offer at 500, the buyers bid 8: none of them trades
    const place = (p: Player, i: number) =>
      i % 2 ? sell(deps, p, { templateId: G, price: 500, quantity: 3 }) : buy(deps, p, bid(8));
    await idle();
    const before = placementBatches();
    const ids = await settle([
      // the first alone; the rest, the retries among them, in the batch after
      place(others[0]!, 0),
      place(others[1]!, 1),
      place(others[2]!, 2),
      buy(deps, a, bid(8, k)),
      ...others.slice(3).map((p, i) => place(p, i + 3)),
      // and once more from another process, at the same time
      buy(other, a, bid(8, k)),
    ]);
    expect(placementBatches().batches - before.batches).toBeGreaterThanOrEqual(2);
    expect(ids[3]).toBe(first.id);
    expect(ids[7]).toBe(first.id);
    // every other placer has its order
    expect(ids.filter((id) => id !== first.id)).toHaveLength(6);
    expect(new Set(ids).size).toBe(7);
    for (const p of others) expect(await ordersOf(p)).toBe(1);
    expect(await ordersOf(a)).toBe(1);
    expect(await eddiesOf(db, a)).toBe(10_000 - paid(8));
    await expectBalanced(db, [a, ...others]);
  });
});
