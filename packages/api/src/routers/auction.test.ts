// The auction house through the API: a seller at the terminal lists, a buyer finds it
// by search, bids and buys it out; the listing's view follows; someone else's
// character is NOT_FOUND, bad input BAD_REQUEST, away from a terminal FORBIDDEN.
import { afterAll, describe, expect, it } from 'vitest';
import { createTestCharacter, uniq } from '@necp/db/testing';
import { zoneById } from '@necp/shared';
import { FakeClock, grantItem, recordCurrency, scheduleSealedLots } from '@necp/game';
import { rejection, signedIn, testDb, testDeps } from '../testing';

const db = testDb();
afterAll(() => db.$disconnect());
const terminal = zoneById('watson')!.spawnPoints.find((p) => p.kind === 'auction_terminal')!;
const at = { x: terminal.x, y: terminal.y + 2 };

describe('auction router', () => {
  it('lists, finds, bids and buys out; refuses others, bad input and the far away', async () => {
    // years ahead: the wall-clock worker of other suites never settles these listings
    const deps = { ...testDeps(db), clock: new FakeClock(Date.UTC(2033, 0, 1)) };
    const seller = await signedIn(deps, db);
    const buyer = await signedIn(deps, db);
    const cs = await createTestCharacter(db, seller.user.id, at);
    const cb = await createTestCharacter(db, buyer.user.id, at);
    await db.$transaction(async (tx) => {
      await recordCurrency(tx, { reason: 'admin', characterId: cs.id, delta: 100 });
      await recordCurrency(tx, { reason: 'admin', characterId: cb.id, delta: 5000 });
    });
    const [pistol] = await grantItem(
      { db },
      { characterId: cs.id, templateId: 'pistol_unity', quantity: 1, reason: 'admin' },
    );
    const quote = await seller.caller.auction.quote({
      characterId: cs.id,
      itemId: pistol!.itemId,
      durationH: 12,
    });
    expect(quote.deposit).toBeGreaterThan(0);
    const listed = await seller.caller.auction.list({
      characterId: cs.id,
      idempotencyKey: uniq('list-'),
      itemId: pistol!.itemId,
      startBid: 4_440_000,
      buyout: 4_440_500,
      durationH: 12,
    });
    const found = await buyer.caller.auction.search({
      characterId: cb.id,
      minPrice: 4_440_000,
      maxPrice: 4_440_000,
    });
    expect(found.items.map((l) => [l.id, l.mine])).toEqual([[listed.id, null]]);
    // too poor for it: a clear refusal, nothing changed
    expect(
      await rejection(
        buyer.caller.auction.bid({ characterId: cb.id, listingId: listed.id, amount: 4_440_000 }),
      ),
    ).toMatchObject({ code: 'PRECONDITION_FAILED', message: 'Not enough eddies' });
    await db.$transaction((tx) =>
      recordCurrency(tx, { reason: 'admin', characterId: cb.id, delta: 4_440_000 }),
    );
    const bid = await buyer.caller.auction.bid({
      characterId: cb.id,
      listingId: listed.id,
      amount: 4_440_000,
    });
    expect(bid).toMatchObject({ mine: 'high_bidder', bid: 4_440_000 });
    // the seller cannot cancel once there is a bid
    expect(
      await rejection(seller.caller.auction.cancel({ characterId: cs.id, listingId: listed.id })),
    ).toMatchObject({ code: 'PRECONDITION_FAILED' });
    const sold = await buyer.caller.auction.buyout({ characterId: cb.id, listingId: listed.id });
    expect(sold.state).toBe('sold');
    const mine = await seller.caller.auction.mine({ characterId: cs.id });
    expect(mine.selling.map((l) => [l.id, l.state])).toEqual([[listed.id, 'sold']]);

    // someone else's character, bad input, far from a terminal
    expect(await rejection(buyer.caller.auction.mine({ characterId: cs.id }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await rejection(
        buyer.caller.auction.bid({ characterId: cb.id, listingId: listed.id, amount: -5 }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    expect(
      await rejection(buyer.caller.auction.search({ characterId: cb.id, limit: 5000 })),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    await db.character.update({ where: { id: cs.id }, data: { x: 20, y: 20 } });
    const [stim] = await grantItem(
      { db },
      { characterId: cs.id, templateId: 'stim_basic', quantity: 1, reason: 'admin' },
    );
    expect(
      await rejection(
        seller.caller.auction.list({
          characterId: cs.id,
          idempotencyKey: uniq('list-'),
          itemId: stim!.itemId,
          startBid: 5,
          durationH: 12,
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN', message: 'You need to be at an auction terminal' });
  });

  it('seasonal sealed lots: a sealed max through the API, seen by nobody else; others and bad input refused', async () => {
    const deps = { ...testDeps(db), clock: new FakeClock(Date.UTC(2051, 0, 1)) };
    const n = 10_000 + Math.floor(Math.random() * 90_000);
    const startsAt = new Date(deps.clock.ms() - 60_000);
    const key = `S${n}`;
    await scheduleSealedLots(deps, {
      key,
      number: n,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 28 * 86_400_000),
    });
    const lot = (await db.auctionListing.findFirstOrThrow({ where: { season: key, lotSlot: 0 } }))!;
    const a = await signedIn(deps, db);
    const b = await signedIn(deps, db);
    const ca = await createTestCharacter(db, a.user.id, at);
    const cb = await createTestCharacter(db, b.user.id, at);
    await db.$transaction((tx) =>
      recordCurrency(tx, { reason: 'admin', characterId: ca.id, delta: lot.startBid * 2 }),
    );
    const max = lot.startBid + 777;
    const placed = await a.caller.auction.sealedBid({ characterId: ca.id, lotId: lot.id, max });
    expect(placed).toMatchObject({ id: lot.id, phase: 'open', myMax: max, bidders: 1 });
    const seen = (await b.caller.auction.lots({ characterId: cb.id, season: key })).find(
      (l) => l.id === lot.id,
    );
    expect(seen).toMatchObject({ myMax: 0, bidders: 1, winner: null, price: null });
    expect(JSON.stringify(seen)).not.toContain(String(max));
    // another's character, bad input, too poor
    expect(
      await rejection(
        b.caller.auction.sealedBid({ characterId: ca.id, lotId: lot.id, max: max + 1 }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await rejection(b.caller.auction.lots({ characterId: ca.id }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await rejection(b.caller.auction.sealedBid({ characterId: cb.id, lotId: lot.id, max: 0 })),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    expect(
      await rejection(b.caller.auction.sealedBid({ characterId: cb.id, lotId: lot.id, max })),
    ).toMatchObject({ code: 'PRECONDITION_FAILED', message: 'Not enough eddies' });
  });
});
