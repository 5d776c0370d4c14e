// The market's races against the real database — many placements at once (their
// matchers meet on the book's lock), cancels racing a sweeping buy, matchers run twice
// at once, a placement meeting a book held by a matcher, a cancel or a purge — and the
// journal: replayed from its first line it gives the same fills and the same book as the
// database holds.
import { afterAll, describe, expect, it } from 'vitest';
import { replayJournal } from '@necp/shared';
import { expectDomainError, expectEveryTransactionDirect, testDb } from '../accounts/test-deps';
import { purgeExpiredCharacters } from '../characters/purge-expired-characters';
import { expectBalanced, holdRows, type Player } from '../inventory/test-helpers';
import {
  cancelOrder,
  collectOrders,
  matchBook,
  myMarketOrders,
  placementsSettled,
  readJournal,
} from '.';
import { buy, marketDeps, marketTrader, sell, unitsInBag } from './test-kit';

const db = testDb(10);
const deps = marketDeps(db, 2035);
afterAll(() => db.$disconnect());
// trades, orders, bids: raw statements straight on the connection, none through Prisma
expectEveryTransactionDirect();

/** The replay gives the database's fills, in order, and its open orders with what is left. */
async function expectReplayAgrees(templateId: string) {
  const journal = await readJournal({ db }, templateId);
  const { book, fills } = replayJournal(journal);
  const recorded = await db.marketFill.findMany({ where: { templateId }, orderBy: { seq: 'asc' } });
  expect(fills).toEqual(
    recorded.map((f) => ({
      buyId: f.buyOrderId,
      sellId: f.sellOrderId,
      price: f.price,
      quantity: f.quantity,
      taker: f.taker,
    })),
  );
  expect(journal.filter((e) => e.kind === 'fill')).toEqual(
    fills.map((f) => ({ kind: 'fill', ...f })),
  );
  const open = await db.marketOrder.findMany({
    where: { templateId, state: 'open', booked: true },
  });
  const inBook = [...book.bids, ...book.asks].map((o) => [o.id, o.remaining]).sort();
  expect(inBook).toEqual(open.map((o) => [o.id, o.remaining]).sort());
}

/** Backends of this database waiting for a lock in a statement that locks orders. */
async function lockWaits(): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS "n" FROM pg_locks l
    JOIN pg_stat_activity a ON a.pid = l.pid
    WHERE NOT l.granted AND a.wait_event_type = 'Lock'
      AND a.query LIKE '%"MarketOrder"%FOR UPDATE%' AND a.datname = current_database()`;
  return row?.n ?? 0;
}

async function waitFor(check: () => Promise<boolean>) {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('waitFor: never true');
}

/** The book's row held by an open transaction, as a matcher elsewhere holds it. */
const holdBook = (templateId: string) =>
  holdRows(
    db,
    (tx) => tx.$queryRaw`SELECT 1 FROM "MarketBook" WHERE "templateId" = ${templateId} FOR UPDATE`,
  );

/** A buy placed while the book is held (by a matcher elsewhere): it answers open, waiting. */
async function buyWhileHeld(
  b: Player,
  order: { templateId: string; price: number; quantity: number },
) {
  const book = await holdBook(order.templateId);
  const placed = await buy(deps, b, order);
  expect(placed).toMatchObject({ state: 'open', filled: 0, escrow: order.price * order.quantity });
  // the answer is the order as written (left to the holder), as the orders list shows it
  const mine = await myMarketOrders(deps, { characterId: b.characterId });
  expect(mine.orders.find((o) => o.id === placed.id)).toEqual(placed);
  // its batch's look after the answer found the book held too (let go before it, the book
  // would be the look's to take)
  await placementsSettled();
  await book.release();
  return placed;
}

const expectFilled = async (orderId: string, filled: number) =>
  expect(await db.marketOrder.findUnique({ where: { id: orderId } })).toMatchObject({
    state: 'filled',
    filled,
  });

describe('market races', () => {
  it('forty crossing orders placed at once: every unit trades once, the journal replays', async () => {
    const g = 'chem_precursor';
    const sellers = await Promise.all(
      Array.from({ length: 20 }, () => marketTrader(db, 100, { templateId: g, quantity: 10 })),
    );
    const buyers = await Promise.all(Array.from({ length: 20 }, () => marketTrader(db, 2000)));
    await Promise.all([
      ...sellers.map((s, i) => sell(deps, s, { templateId: g, price: 40 + (i % 5), quantity: 10 })),
      ...buyers.map((b, i) => buy(deps, b, { templateId: g, price: 42 + (i % 5), quantity: 8 })),
    ]);
    await matchBook(deps, g);
    const orders = await db.marketOrder.findMany({ where: { templateId: g } });
    const filled = (side: string) =>
      orders.filter((o) => o.side === side).reduce((n, o) => n + o.filled, 0);
    expect(filled('buy')).toBe(filled('sell'));
    expect(filled('buy')).toBeGreaterThan(0);
    // nothing crosses once matched: the best bid is below the best ask
    const open = orders.filter((o) => o.state === 'open');
    const bestBid = Math.max(0, ...open.filter((o) => o.side === 'buy').map((o) => o.price));
    const bestAsk = Math.min(1e9, ...open.filter((o) => o.side === 'sell').map((o) => o.price));
    expect(bestBid).toBeLessThan(bestAsk);
    await expectReplayAgrees(g);
    await expectBalanced(db, [...sellers, ...buyers]);
  });

  it('cancels racing a sweeping buy: each order is filled or returned, never both', async () => {
    const g = 'battery_cell';
    const sellers = await Promise.all(
      Array.from({ length: 12 }, () => marketTrader(db, 100, { templateId: g, quantity: 5 })),
    );
    const asks = [];
    for (const [i, s] of sellers.entries())
      asks.push(await sell(deps, s, { templateId: g, price: 10 + i, quantity: 5 }));
    const b = await marketTrader(db, 10_000);
    const results = await Promise.allSettled([
      buy(deps, b, { templateId: g, price: 30, quantity: 40 }),
      ...asks.map((a, i) =>
        cancelOrder(deps, { characterId: sellers[i]!.characterId, orderId: a.id }),
      ),
    ]);
    expect(results[0]!.status).toBe('fulfilled');
    for (const a of asks) {
      const o = await db.marketOrder.findUniqueOrThrow({ where: { id: a.id } });
      // sold units + units back in the seller's bag = what was offered
      expect(['filled', 'cancelled']).toContain(o.state);
      expect(o.remaining).toBe(0);
    }
    await expectReplayAgrees(g);
    await expectBalanced(db, [...sellers, b]);
  });

  it('two matchers on one book at once: the second finds it taken and nothing trades twice', async () => {
    const g = 'medi_gel';
    const s = await marketTrader(db, 100, { templateId: g, quantity: 50 });
    const b = await marketTrader(db, 5000);
    await sell(deps, s, { templateId: g, price: 20, quantity: 50 });
    await buy(deps, b, { templateId: g, price: 20, quantity: 30 });
    const again = await Promise.all([matchBook(deps, g), matchBook(deps, g), matchBook(deps, g)]);
    expect(again.reduce((n, r) => n + r.fills, 0)).toBe(0);
    const fills = await db.marketFill.findMany({ where: { templateId: g } });
    expect(fills.reduce((n, f) => n + f.quantity, 0)).toBe(30);
    await expectReplayAgrees(g);
    await expectBalanced(db, [s, b]);
  });

  it('a placement meeting a held book answers at once, its order waiting; the holder’s next look takes it', async () => {
    const g = 'nano_paste';
    const s = await marketTrader(db, 100, { templateId: g, quantity: 8 });
    const b = await marketTrader(db, 1000);
    await sell(deps, s, { templateId: g, price: 40, quantity: 8 });
    // a matcher elsewhere holds the book as the buy lands (its line already read)
    const placed = await buyWhileHeld(b, { templateId: g, price: 45, quantity: 5 });
    // the holder looks again after its commit, found none or not (matchBook): it takes the buy
    expect(await matchBook(deps, g)).toEqual({ booked: 1, fills: 1 });
    await expectFilled(placed.id, 5);
    // it had no answer with the fill: its owner is told, as a resting order's owner is
    const told = await db.notification.findMany({
      where: { characterId: b.characterId, kind: 'market_fill' },
    });
    expect(told.map((n) => n.title)).toEqual(['Bought 5 × Nano-Paste']);
    // what it bought waits in the order for its owner to collect
    await collectOrders(deps, { characterId: b.characterId });
    expect(await unitsInBag(db, b, g)).toBe(5);
    await expectReplayAgrees(g);
    await expectBalanced(db, [s, b]);
  });

  it('a cancel that held the book as a buy landed runs the matcher after: the buy does not wait for the minute job', async () => {
    const g = 'ceramic_plate';
    const s = await marketTrader(db, 100, { templateId: g, quantity: 8 });
    const s2 = await marketTrader(db, 100, { templateId: g, quantity: 3 });
    const b = await marketTrader(db, 1000);
    await sell(deps, s, { templateId: g, price: 40, quantity: 8 });
    const other = await sell(deps, s2, { templateId: g, price: 60, quantity: 3 });
    const placed = await buyWhileHeld(b, { templateId: g, price: 45, quantity: 5 });
    // the cancel takes the book as the holder did, and looks for what waits after its commit
    await cancelOrder(deps, { characterId: s2.characterId, orderId: other.id });
    await expectFilled(placed.id, 5);
    await expectReplayAgrees(g);
    await expectBalanced(db, [s, s2, b]);
  });

  it('a purge that held the book as a buy landed runs the matcher after it commits', async () => {
    const g = 'micro_servo';
    const gone = await marketTrader(db, 100, { templateId: g, quantity: 4 });
    const s = await marketTrader(db, 100, { templateId: g, quantity: 8 });
    const b = await marketTrader(db, 1000);
    await sell(deps, gone, { templateId: g, price: 35, quantity: 4 });
    await sell(deps, s, { templateId: g, price: 40, quantity: 8 });
    // the deleted character's sell was gone by the time the buy could meet it
    const c = await db.character.update({
      where: { id: gone.characterId },
      data: { deletedAt: new Date(0) },
    });
    const placed = await buyWhileHeld(b, { templateId: g, price: 45, quantity: 5 });
    // the purge takes the book to close the deleted character's order, then looks for what waits
    expect(await purgeExpiredCharacters(deps, { nameKey: c.nameLower })).toBe(1);
    await expectFilled(placed.id, 5);
    const fills = await db.marketFill.findMany({ where: { templateId: g } });
    expect(fills.map((f) => [f.price, f.quantity])).toEqual([[40, 5]]);
    await expectReplayAgrees(g);
    await expectBalanced(db, [s, b]);
  });

  it('a cancel of an order already filled is refused at once, while a batch elsewhere holds the book', async () => {
    const g = 'mono_filament';
    const s = await marketTrader(db, 100, { templateId: g, quantity: 2 });
    const b = await marketTrader(db, 1_000);
    const ask = await sell(deps, s, { templateId: g, price: 20, quantity: 2 });
    expect((await buy(deps, b, { templateId: g, price: 20, quantity: 2 })).state).toBe('filled');
    // another process's batch holds the good's book
    let held!: () => void;
    let release!: () => void;
    const holding = new Promise<void>((r) => (held = r));
    const released = new Promise<void>((r) => (release = r));
    const holder = db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1 FROM "MarketBook" WHERE "templateId" = ${g} FOR UPDATE`;
        held();
        await released;
      },
      { timeout: 30_000, maxWait: 5_000 },
    );
    await holding;
    const happened: string[] = [];
    const cancel = cancelOrder(deps, { characterId: s.characterId, orderId: ask.id });
    const answered = cancel.then(
      () => happened.push('answered'),
      () => happened.push('answered'),
    );
    // the holder lets go once the cancel has answered — or after 5 s, had it waited for the book
    await Promise.race([answered, new Promise((r) => setTimeout(r, 5_000))]);
    happened.push('released');
    release();
    await holder;
    await expectDomainError(cancel, 'INVALID_STATE');
    expect(happened).toEqual(['answered', 'released']);
  });

  it('a cancel whose matcher after the commit fails answers all the same, and logs it', async () => {
    const g = 'synth_muscle';
    const s = await marketTrader(db, 100, { templateId: g, quantity: 6 });
    const b = await marketTrader(db, 1_000);
    const placed = await sell(deps, s, { templateId: g, price: 50, quantity: 6 });
    // a buy left waiting for the matcher: the cancel's look (with its COMMIT) finds it
    await buyWhileHeld(b, { templateId: g, price: 10, quantity: 1 });
    // then every connection the pool hands out after the cancel's own fails: the matcher
    // the look starts cannot open its transaction
    const pool = Reflect.get(db, Symbol.for('necp.db.pool')) as unknown as {
      connect: () => Promise<unknown>;
    };
    let handed = 0;
    const failing = new Proxy(pool, {
      get: (t, k) => {
        if (k === 'connect')
          return () =>
            ++handed === 1 ? t.connect() : Promise.reject(new Error('injected: the pool is gone'));
        // the pool's own reads (the cancel's first look at the order) as they were
        const v = Reflect.get(t, k) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(t) : v;
      },
    });
    const broken = new Proxy(db, {
      get: (t, k) => (k === Symbol.for('necp.db.pool') ? failing : Reflect.get(t, k)),
    });
    const warned: unknown[] = [];
    const log = { ...deps.log, warn: (o: unknown) => void warned.push(o) } as typeof deps.log;
    const view = await cancelOrder(
      { ...deps, db: broken, log },
      { characterId: s.characterId, orderId: placed.id },
    );
    expect(view.state).toBe('cancelled');
    expect(handed).toBe(2);
    expect(warned).toEqual([expect.objectContaining({ templateId: g })]);
    expect(await unitsInBag(db, s, g)).toBe(6);
    await expectBalanced(db, [s, b]);
  });

  it('a resting order held by its owner’s collect when a buy comes: the buy waits and takes it first', async () => {
    const g = 'military_alloy';
    const s1 = await marketTrader(db, 1_000, { templateId: g, quantity: 2 });
    const s2 = await marketTrader(db, 1_000, { templateId: g, quantity: 1 });
    const b = await marketTrader(db, 1_000);
    const first = await sell(deps, s1, { templateId: g, price: 10, quantity: 2 });
    await buy(deps, b, { templateId: g, price: 10, quantity: 1 });
    const second = await sell(deps, s2, { templateId: g, price: 10, quantity: 1 });
    // the older order's row changed and locked by another transaction (as a collect of its
    // earnings does) while the next buy's matcher reaches for it
    let release!: () => void;
    let locked!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = db.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE "MarketOrder" SET "payout" = "payout" WHERE "id" = ${first.id}`;
      locked();
      await held;
    });
    await isLocked;
    const buying = buy(deps, b, { templateId: g, price: 10, quantity: 1 });
    // the matcher's lock waits on the held row: then the holder commits
    await waitFor(async () => (await lockWaits()) > 0);
    release();
    await holder;
    await buying;
    const fills = await db.marketFill.findMany({
      where: { templateId: g },
      orderBy: { seq: 'asc' },
    });
    // time priority: both fills from the older order, none from the newer
    expect(fills.map((f) => f.sellOrderId)).toEqual([first.id, first.id]);
    expect((await db.marketOrder.findUniqueOrThrow({ where: { id: second.id } })).remaining).toBe(
      1,
    );
    await expectReplayAgrees(g);
  });
});
