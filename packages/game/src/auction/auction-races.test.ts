// The auction house's races against the real database — two buyouts of one listing, a
// bid against the expiry, a cancel against a bid, settlement on several "processes" at
// once, bidders piling in — and its search and "my auctions". Each race ends in exactly
// one of its legal outcomes, conserved (checkInvariants).
import { afterAll, describe, expect, it } from 'vitest';
import { AUCTION_SNIPE_EXTEND_MS } from '@necp/shared';
import {
  domainError,
  expectDomainError,
  expectEveryTransactionDirect,
  testDb,
} from '../accounts/test-deps';
import { FakeClock } from '../core/clock';
import { inTransaction } from '../core/transaction';
import { testDeps } from '../accounts/test-deps';
import { expectBalanced, give, holdCharacters, type Player } from '../inventory/test-helpers';
import {
  buyoutListing,
  cancelListing,
  listItem,
  myAuctions,
  placeBid,
  searchListings,
  settleListing,
} from '.';
import { lockListing } from './listing-rows';
import { asSeller, auctionDeps, eddiesOf, trader } from './test-kit';

const db = testDb(10);
const deps = auctionDeps(db, 2035);
afterAll(() => db.$disconnect());
// trades, orders, bids: raw statements straight on the connection, none through Prisma
expectEveryTransactionDirect();

const settled = (p: Promise<unknown>) =>
  p.then(
    () => 'ok' as const,
    (e: unknown) => domainError(Promise.reject(e)).then((d) => d.userMessage),
  );

async function listed(s: Player, o: { startBid?: number; buyout?: number; tpl?: string } = {}) {
  return listItem(deps, {
    ...asSeller(s),
    itemId: await give(db, s, o.tpl ?? 'pistol_unity'),
    startBid: o.startBid ?? 10,
    buyout: o.buyout ?? null,
    durationH: 12,
  });
}

/**
 * Whether some backend waits to lock `listingId`'s turn (advisory), or a listing's or a
 * character's row (where a bid without its turn first would wait: its seller's row).
 */
async function waitsForListing(listingId: string): Promise<boolean> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS "n" FROM pg_locks l
    JOIN pg_stat_activity a ON a.pid = l.pid
    WHERE NOT l.granted AND a.datname = current_database() AND (
      (l.locktype = 'advisory' AND l.objid = hashtext(${listingId})::oid)
      OR a.query LIKE '%"AuctionListing"%FOR UPDATE%'
      OR a.query LIKE '%"Character"%FOR NO KEY UPDATE%')`;
  return (row?.n ?? 0) > 0;
}

/** Whether another transaction could lock the character now (none holds it). */
const characterFree = (characterId: string) =>
  db.$transaction(async (tx) => {
    try {
      await tx.$queryRaw`
        SELECT "id" FROM "Character" WHERE "id" = ${characterId} FOR NO KEY UPDATE NOWAIT`;
      return true;
    } catch {
      return false;
    }
  });

describe('races', () => {
  it('a bid waiting for another operation on its listing holds none of its characters meanwhile', async () => {
    // the bidder locks first of its two (id order): without its turn first it would hold
    // itself while it waited for the seller, whom the other operation holds
    const two = [await trader(db, 1000), await trader(db, 1000)];
    const [first] = await db.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Character" WHERE "id" IN (${two[0]!.characterId}, ${two[1]!.characterId})
      ORDER BY "id" LIMIT 1`;
    const [b, s] = first!.id === two[0]!.characterId ? two : [two[1]!, two[0]!];
    const a = await trader(db, 1000);
    const l = await listed(s!);
    let release!: () => void;
    let locked!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const isLocked = new Promise<void>((r) => (locked = r));
    // another bid of the listing in the middle of its transaction (the one way, 20 s: it
    // holds while the test polls for up to 5 s, past Prisma's default on a loaded machine)
    const holder = inTransaction(db, async (tx) => {
      await lockListing(tx, l.id, { also: [a.characterId] });
      locked();
      await held;
    });
    await isLocked;
    const bidding = placeBid(deps, { ...b!.ref, listingId: l.id, amount: 10 });
    for (let i = 0; !(await waitsForListing(l.id)); i++) {
      if (i > 200) throw new Error('the bid never waited for the listing');
      await new Promise((r) => setTimeout(r, 25));
    }
    // its bidder stays free for its other business (orders, trades) while it waits
    expect(await characterFree(b!.characterId)).toBe(true);
    release();
    await holder;
    expect((await bidding).bid).toBe(10);
    expect(await eddiesOf(db, b!)).toBe(990);
    await expectBalanced(db, [s!, a, b!]);
  });

  it('a bid below the buyout does not wait for its seller, busy in another transaction', async () => {
    const s = await trader(db, 50);
    const b = await trader(db, 1000);
    const l = await listed(s, { buyout: 500 });
    // the seller's row held elsewhere (the sim's position flush, an order of theirs)
    const holder = await holdCharacters(db, [s.characterId]);
    try {
      const bid = placeBid(deps, { ...b.ref, listingId: l.id, amount: 40 });
      const first = await Promise.race([
        bid.then((v) => v.bid),
        new Promise((r) => setTimeout(() => r('still waiting'), 3_000)),
      ]);
      expect(first).toBe(40);
    } finally {
      await holder.release();
    }
    expect(await eddiesOf(db, b)).toBe(960);
    // the buyout pays the seller: it locks them (after the holder let go)
    const a = await trader(db, 1000);
    expect((await buyoutListing(deps, { ...a.ref, listingId: l.id })).state).toBe('sold');
    expect(await eddiesOf(db, b)).toBe(1000);
    await expectBalanced(db, [s, a, b]);
  });

  it('a bid the listing already refuses waits for no character: too low, or over', async () => {
    const s = await trader(db, 50);
    const [a, b] = [await trader(db, 1000), await trader(db, 1000)];
    const l = await listed(s, { startBid: 100 });
    await placeBid(deps, { ...a.ref, listingId: l.id, amount: 100 });
    // the high bidder and the late bidder both busy elsewhere (their market orders)
    const holder = await holdCharacters(db, [a.characterId, b.characterId]);
    try {
      const answer = (d: typeof deps, amount: number) =>
        Promise.race([
          settled(placeBid(d, { ...b.ref, listingId: l.id, amount })),
          new Promise((r) => setTimeout(() => r('still waiting'), 3_000)),
        ]);
      expect(await answer(deps, 100)).toMatch(/^The least bid now is \d+ eddies\.$/);
      // over: its end passed, its settlement not run yet
      const late = { ...deps, clock: new FakeClock(l.endsAt + 1) };
      expect(await answer(late, 500)).toBe('That auction is over.');
    } finally {
      await holder.release();
    }
    expect(await eddiesOf(db, b)).toBe(1000);
    await expectBalanced(db, [s, a, b]);
  });

  it('two buyouts of one listing: one buys it, the other is told it is over', async () => {
    const s = await trader(db, 50);
    const [a, b] = [await trader(db, 1000), await trader(db, 1000)];
    const l = await listed(s, { buyout: 300 });
    const results = await Promise.all(
      [a, b].map((p) => settled(buyoutListing(deps, { ...p.ref, listingId: l.id }))),
    );
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r === 'That auction is over.')).toHaveLength(1);
    expect((await eddiesOf(db, a)) + (await eddiesOf(db, b))).toBe(1700);
    expect(await db.auctionSettlement.count({ where: { listingId: l.id } })).toBe(1);
    await expectBalanced(db, [s, a, b]);
  });

  it('a bid and the expiry at the same moment: the bid extends it, or the expiry ends it — never both', async () => {
    for (let round = 0; round < 3; round++) {
      const s = await trader(db, 50);
      const a = await trader(db, 1000);
      const l = await listed(s);
      const bidDeps = testDeps(db, { clock: new FakeClock(l.endsAt - 1000) });
      const sweepDeps = testDeps(db, { clock: new FakeClock(l.endsAt + 1) });
      const [bid, sweep] = await Promise.all([
        settled(placeBid(bidDeps, { ...a.ref, listingId: l.id, amount: 10 })),
        settleListing(sweepDeps, l.id),
      ]);
      const row = await db.auctionListing.findUniqueOrThrow({ where: { id: l.id } });
      if (bid === 'ok') {
        expect(sweep).toBe('not_due');
        expect(row).toMatchObject({ state: 'live', bid: 10 });
        expect(row.endsAt.getTime()).toBe(l.endsAt + AUCTION_SNIPE_EXTEND_MS);
      } else {
        expect(bid).toBe('That auction is over.');
        expect(sweep).toBe('expired');
        expect(await eddiesOf(db, a)).toBe(1000);
      }
      await expectBalanced(db, [s, a]);
    }
  });

  it('a cancel against a bid: cancelled and the bid refused, or the bid stands and the cancel is refused', async () => {
    const s = await trader(db, 50);
    const a = await trader(db, 1000);
    const l = await listed(s);
    const [cancel, bid] = await Promise.all([
      settled(cancelListing(deps, { ...s.ref, listingId: l.id })),
      settled(placeBid(deps, { ...a.ref, listingId: l.id, amount: 10 })),
    ]);
    expect([cancel, bid].filter((r) => r === 'ok')).toHaveLength(1);
    const row = await db.auctionListing.findUniqueOrThrow({ where: { id: l.id } });
    expect(row.state).toBe(cancel === 'ok' ? 'cancelled' : 'live');
    await expectBalanced(db, [s, a]);
  });

  it('settlement on four processes at once settles once', async () => {
    const s = await trader(db, 50);
    const a = await trader(db, 1000);
    const l = await listed(s);
    await placeBid(deps, { ...a.ref, listingId: l.id, amount: 25 });
    const late = testDeps(db, { clock: new FakeClock(l.endsAt + 1) });
    const outs = await Promise.all([1, 2, 3, 4].map(() => settleListing(late, l.id)));
    expect(outs.filter((o) => o === 'sold')).toHaveLength(1);
    expect(outs.filter((o) => o === false)).toHaveLength(3);
    expect(await db.mail.count({ where: { toId: { in: [s.characterId, a.characterId] } } })).toBe(
      2,
    );
    await expectBalanced(db, [s, a]);
  });

  it('six bidders at once: every accepted bid beat the one before, everyone else has their eddies back', async () => {
    const s = await trader(db, 50);
    const bidders = await Promise.all([1, 2, 3, 4, 5, 6].map(() => trader(db, 1000)));
    const l = await listed(s, { startBid: 100 });
    const results = await Promise.all(
      bidders.map((p, i) =>
        settled(placeBid(deps, { ...p.ref, listingId: l.id, amount: 100 + i * 10 })),
      ),
    );
    expect(results.every((r) => r === 'ok' || r.startsWith('The least bid now is'))).toBe(true);
    const row = await db.auctionListing.findUniqueOrThrow({ where: { id: l.id } });
    const leader = bidders.find((p) => p.characterId === row.bidderId)!;
    const history = await db.auctionBid.findMany({
      where: { listingId: l.id },
      orderBy: { id: 'asc' },
    });
    expect(history.map((h) => h.amount)).toEqual([...history.map((h) => h.amount)].sort());
    expect(history.at(-1)?.amount).toBe(row.bid);
    for (const p of bidders)
      expect(await eddiesOf(db, p)).toBe(p === leader ? 1000 - row.bid : 1000);
    expect(row.eddies).toBe(row.bid + row.deposit);
    await expectBalanced(db, [s, ...bidders]);
  });
});

describe('search and my auctions', () => {
  // a price band no other test uses: the search sees this test's listings only
  const band = { minPrice: 7_770_000, maxPrice: 7_779_999 };

  it('filters, sorts and pages by keyset', async () => {
    const s = await trader(db, 5000);
    const made = [];
    for (const [i, tpl] of ['pistol_unity', 'stim_basic', 'jacket_kevlar', 'stim_basic'].entries())
      made.push(await listed(s, { tpl, startBid: 7_770_000 + i * 100 }));
    const all = await searchListings(deps, { ...s.ref, ...band, sort: 'price', limit: 3 });
    expect(all.items.map((l) => l.id)).toEqual(made.slice(0, 3).map((l) => l.id));
    const rest = await searchListings(deps, {
      ...s.ref,
      ...band,
      sort: 'price',
      limit: 3,
      cursor: all.nextCursor!,
    });
    expect(rest.items.map((l) => l.id)).toEqual([made[3]!.id]);
    expect(rest.nextCursor).toBeNull();
    const desc = await searchListings(deps, { ...s.ref, ...band, sort: 'price', desc: true });
    expect(desc.items.map((l) => l.id)).toEqual(made.map((l) => l.id).reverse());
    const stims = await searchListings(deps, { ...s.ref, ...band, name: 'STIM' });
    expect(stims.items.map((l) => l.templateId)).toEqual(['stim_basic', 'stim_basic']);
    const cons = await searchListings(deps, { ...s.ref, ...band, category: 'consumable' });
    expect(cons.items).toHaveLength(2);
    const none = await searchListings(deps, { ...s.ref, ...band, name: 'no such thing at all' });
    expect(none.items).toEqual([]);
    // a cursor is parsed like any input: garbage, another sort's, or a foreign shape
    const cursorOf = (c: unknown) => Buffer.from(JSON.stringify(c)).toString('base64url');
    for (const [cursor, sort] of [
      ['garbage', 'price'],
      [cursorOf(['Stim', made[0]!.id]), 'price'],
      [cursorOf([10, made[0]!.id]), 'name'],
      [cursorOf([1.5, made[0]!.id]), 'price'],
      [cursorOf([10, 'x'.repeat(65)]), 'price'],
      [cursorOf({ v: 10, id: made[0]!.id }), 'price'],
    ] as const)
      await expectDomainError(searchListings(deps, { ...s.ref, cursor, sort }), 'VALIDATION');
    await expectDomainError(
      searchListings(deps, { ...s.ref, minLevel: 9, maxLevel: 2 }),
      'VALIDATION',
    );
    await expectDomainError(searchListings(deps, { ...s.ref, name: 'a\u0000b' }), 'VALIDATION');
  });

  it('my auctions: what I sell, and what I bid on — leading or outbid', async () => {
    const s = await trader(db, 100);
    const [a, b] = [await trader(db, 1000), await trader(db, 1000)];
    const l1 = await listed(s);
    const l2 = await listed(s);
    await placeBid(deps, { ...a.ref, listingId: l1.id, amount: 10 });
    await placeBid(deps, { ...b.ref, listingId: l1.id, amount: 20 });
    await placeBid(deps, { ...a.ref, listingId: l2.id, amount: 10 });
    const mineS = await myAuctions(deps, s.ref);
    expect(mineS.selling.map((l) => [l.id, l.mine]).sort()).toEqual(
      [
        [l1.id, 'seller'],
        [l2.id, 'seller'],
      ].sort(),
    );
    const mineA = await myAuctions(deps, a.ref);
    expect(Object.fromEntries(mineA.bidding.map((l) => [l.id, l.mine]))).toEqual({
      [l1.id]: 'outbid',
      [l2.id]: 'high_bidder',
    });
    await expectBalanced(db, [s, a, b]);
  });
});
