// The seasonal sealed lots against the real database: put up once per season, sealed
// maxima held in escrow (only the raise is charged), every refusal, the close as a
// replay of the log read back (second price, the losers' maxima back, the item by
// mail), a close run twice or racing a last bid, a lot nobody wanted — conserved.
import { randomInt } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { minNextBid, resolveSealedLot, sealedLotWindow } from '@necp/shared';
import {
  domainError,
  expectDomainError,
  expectEveryTransactionDirect,
  testDb,
  testDeps,
} from '../accounts/test-deps';
import { FakeClock } from '../core/clock';
import { expectBalanced, type Player } from '../inventory/test-helpers';
import { checkInvariants } from '../ledger/check-invariants';
import { placeSealedBid, scheduleSealedLots, sealedLots, settleListing } from '.';
import { sealedLog, sealedLotOf, type LotRow } from './sealed-lot-rows';
import { auctionDeps, auctionMail, eddiesOf, trader } from './test-kit';

const db = testDb(10);
// a year of this file's own (test-kit: no other suite's sweep reaches these lots)
const deps = auctionDeps(db, 2050);
afterAll(() => db.$disconnect());
// trades, orders, bids: raw statements straight on the connection, none through Prisma
expectEveryTransactionDirect();
const DAY = 86_400_000;

/** A season of the test's own (never the database's current one), started an hour ago. */
function season(startsIn = -3_600_000) {
  const n = randomInt(10_000, 100_000);
  const startsAt = new Date(deps.clock.ms() + startsIn);
  return { key: `S${n}`, number: n, startsAt, endsAt: new Date(startsAt.getTime() + 28 * DAY) };
}

const lotsOf = (key: string) =>
  db.auctionListing.findMany({ where: { season: key }, orderBy: { lotSlot: 'asc' } });

async function openLot(): Promise<LotRow> {
  const s = season();
  await scheduleSealedLots(deps, s);
  return (await lotsOf(s.key))[0] as LotRow;
}

const viewOf = async (p: Player, lotId: string) => {
  const { season: key } = await db.auctionListing.findUniqueOrThrow({ where: { id: lotId } });
  return (await sealedLots(deps, { ...p.ref, season: key! })).find((l) => l.id === lotId)!;
};

describe('seasonal sealed lots', () => {
  it('a season’s lots are put up once, each item made and held by its lot', async () => {
    const s = season();
    const made = await Promise.all([scheduleSealedLots(deps, s), scheduleSealedLots(deps, s)]);
    expect(made.sort()).toEqual([0, 4]);
    expect(await scheduleSealedLots(deps, s)).toBe(0);
    const lots = await lotsOf(s.key);
    const w = sealedLotWindow({ startsAt: s.startsAt.getTime(), endsAt: s.endsAt.getTime() });
    expect(lots.map((l) => [l.lotSlot, l.state, l.sellerId, l.eddies])).toEqual([
      [0, 'sealed', null, 0],
      [1, 'sealed', null, 0],
      [2, 'sealed', null, 0],
      [3, 'sealed', null, 0],
    ]);
    for (const l of lots) {
      expect([l.opensAt?.getTime(), l.endsAt.getTime()]).toEqual([w.opensAt, w.closesAt]);
      const item = await db.item.findUniqueOrThrow({ where: { id: l.itemId! } });
      expect(item).toMatchObject({ container: 'AUCTION', templateId: l.templateId });
      const rows = await db.ledgerEntry.findMany({ where: { itemId: item.id } });
      expect(rows.map((r) => [r.reason, r.fromOwner, r.toOwner, r.ref])).toEqual([
        ['auction_lot', 'source:auction_lot', `auction:${l.id}`, l.id],
      ]);
    }
    // sealed lots are not in the regular search's states nor anyone's listings
    expect(lots.every((l) => l.state !== 'live')).toBe(true);
    // a season first seen after its window (a long downtime) gets none
    const late = season(-10 * DAY);
    expect(await scheduleSealedLots(deps, late)).toBe(0);
  });

  it('sealed maxima: only the raise is charged, nobody sees another’s max, every refusal', async () => {
    const lot = await openLot();
    const r = lot.startBid;
    const a = await trader(db, r + 5_000);
    const b = await trader(db, r + 5_000);
    const away = await trader(db, r + 5_000, { x: 100, y: 100 });
    await placeSealedBid(deps, { ...a.ref, lotId: lot.id, max: r + 1_000 });
    await placeSealedBid(deps, { ...b.ref, lotId: lot.id, max: r + 500 });
    const raised = await placeSealedBid(deps, { ...b.ref, lotId: lot.id, max: r + 3_000 });
    expect(raised).toMatchObject({ phase: 'open', bidders: 2, myMax: r + 3_000, winner: null });
    expect(await eddiesOf(db, a)).toBe(4_000);
    expect(await eddiesOf(db, b)).toBe(2_000);
    expect((await db.auctionListing.findUniqueOrThrow({ where: { id: lot.id } })).eddies).toBe(
      2 * r + 4_000,
    );
    // a's view: its own max and the count, never b's
    expect(await viewOf(a, lot.id)).toMatchObject({ myMax: r + 1_000, bidders: 2, price: null });
    // no field of any lot a reads holds b's max (a lot's reserve may equal it by chance:
    // the Halo's 27,000 + 3,000 is the Sandevistan's reserve — not a leak)
    for (const view of await sealedLots(deps, { ...a.ref, season: lot.season }))
      for (const [field, value] of Object.entries(view))
        if (field !== 'reserve') expect(value, `${view.name}.${field}`).not.toBe(r + 3_000);

    await expectDomainError(
      placeSealedBid(deps, { ...b.ref, lotId: lot.id, max: r + 3_000 }),
      'CONFLICT',
      `Your sealed max is ${r + 3_000} eddies: a new one must be higher.`,
    );
    await expectDomainError(
      placeSealedBid(deps, { ...a.ref, lotId: lot.id, max: r - 1 }),
      'VALIDATION',
      `The reserve is ${r} eddies.`,
    );
    await expectDomainError(
      placeSealedBid(deps, { ...a.ref, lotId: lot.id, max: r + 9_000 }),
      'INVALID_STATE',
    );
    await expectDomainError(
      placeSealedBid(deps, { ...away.ref, lotId: lot.id, max: r }),
      'FORBIDDEN',
      'You need to be at an auction terminal',
    );
    await expectDomainError(
      placeSealedBid(deps, { ...a.ref, lotId: 'no-such-lot', max: r }),
      'NOT_FOUND',
    );
    await expectDomainError(
      placeSealedBid(deps, { ...a.ref, lotId: lot.id, max: 1.5 }),
      'VALIDATION',
    );
    // an upcoming season's lot, and a closed one
    const next = season(DAY);
    await scheduleSealedLots(deps, next);
    const upcoming = (await lotsOf(next.key))[0]!;
    expect((await viewOf(a, upcoming.id)).phase).toBe('upcoming');
    const early = await domainError(
      placeSealedBid(deps, { ...a.ref, lotId: upcoming.id, max: upcoming.startBid }),
    );
    expect(early.userMessage).toMatch(/^That lot takes bids from /);
    const after = testDeps(db, { clock: new FakeClock(lot.endsAt.getTime()) });
    await expectDomainError(
      placeSealedBid(after, { ...a.ref, lotId: lot.id, max: r + 2_000 }),
      'INVALID_STATE',
      'That auction is over.',
    );
    await expectBalanced(db, [a, b, away]);
  });

  it('the close replays the log: second price, the losers’ maxima back, the item by mail — once', async () => {
    const lot = await openLot();
    const r = lot.startBid;
    const [a, b, c] = [await trader(db, r * 2), await trader(db, r * 2), await trader(db, r * 2)];
    await placeSealedBid(deps, { ...a.ref, lotId: lot.id, max: r + 1_000 });
    await placeSealedBid(deps, { ...b.ref, lotId: lot.id, max: r + 8_000 });
    await placeSealedBid(deps, { ...c.ref, lotId: lot.id, max: r });
    const itemId = lot.itemId!;

    const end = testDeps(db, { clock: new FakeClock(lot.endsAt.getTime() + 1) });
    // never the global sweep (settleDueAuctions) here: on this file's clock it would also
    // settle other files' listings, due on their years before 2050
    const outs = await Promise.all([
      settleListing(end, lot.id),
      settleListing(end, lot.id),
      settleListing(end, lot.id),
    ]);
    expect(outs.filter((o) => o === 'sold')).toHaveLength(1);
    expect(await settleListing(end, lot.id)).toBe(false);

    const price = minNextBid({ startBid: r, bid: r + 1_000 });
    const closed = (await db.auctionListing.findUniqueOrThrow({ where: { id: lot.id } })) as LotRow;
    // the stored result is the rule's over the log as the database holds it
    const replay = resolveSealedLot(sealedLotOf(closed), await sealedLog(db, lot.id));
    expect(replay).toMatchObject({ winner: b.characterId, price });
    expect(closed).toMatchObject({
      state: 'sold',
      bid: price,
      bidderId: b.characterId,
      eddies: 0,
      itemId: null,
    });
    expect(await eddiesOf(db, a)).toBe(r * 2);
    expect(await eddiesOf(db, c)).toBe(r * 2);
    expect(await eddiesOf(db, b)).toBe(r * 2 - price);
    expect((await auctionMail(db, b)).map((m) => [m.subject.split(':')[0], m.items])).toEqual([
      ['Won', [itemId]],
    ]);
    expect(await auctionMail(db, a)).toEqual([]);
    const told = await db.notification.findMany({ where: { characterId: a.characterId } });
    expect(told.map((n) => n.body)).toEqual([
      expect.stringContaining(
        `won it for ${price} eddies. Your sealed max of ${r + 1_000} is back.`,
      ),
    ]);
    expect(await viewOf(b, lot.id)).toMatchObject({ phase: 'closed', won: true, price });
    expect(await viewOf(a, lot.id)).toMatchObject({ phase: 'closed', won: false, price });
    const sink = await db.ledgerEntry.findMany({
      where: { ref: lot.id, toOwner: 'sink:auction_lot' },
    });
    expect(sink.map((s) => s.eddiesDelta)).toEqual([-price]);
    await expectBalanced(db, [a, b, c]);
  });

  it('a lot nobody bid on is withdrawn: its item destroyed into the ledger', async () => {
    const lot = await openLot();
    const end = testDeps(db, { clock: new FakeClock(lot.endsAt.getTime()) });
    expect(await settleListing(end, lot.id)).toBe('expired');
    expect(await db.item.findUnique({ where: { id: lot.itemId! } })).toBeNull();
    const rows = await db.ledgerEntry.findMany({ where: { itemId: lot.itemId! } });
    expect(rows.reduce((s, r) => s + r.quantityDelta, 0)).toBe(0);
    expect(rows.at(-1)).toMatchObject({ toOwner: 'sink:auction_lot' });
  });

  it('bidders piling in against the close: each bid in or refused whole, one winner, conserved', async () => {
    const lot = await openLot();
    const r = lot.startBid;
    const players = await Promise.all(Array.from({ length: 6 }, () => trader(db, r * 2)));
    const closeAt = lot.endsAt.getTime();
    const bidDeps = testDeps(db, { clock: new FakeClock(closeAt - 1) });
    const sweep = testDeps(db, { clock: new FakeClock(closeAt + 1) });
    const outcomes = await Promise.all([
      ...players.map((p, i) =>
        placeSealedBid(bidDeps, { ...p.ref, lotId: lot.id, max: r + i * 700 }).then(
          () => 'in',
          (e: unknown) => domainError(Promise.reject(e)).then((d) => d.userMessage),
        ),
      ),
      settleListing(sweep, lot.id).then(String),
    ]);
    const bids = outcomes.slice(0, 6);
    expect(bids.every((o) => o === 'in' || o === 'That auction is over.')).toBe(true);
    await settleListing(sweep, lot.id);
    const closed = (await db.auctionListing.findUniqueOrThrow({ where: { id: lot.id } })) as LotRow;
    const log = await sealedLog(db, lot.id);
    expect(log).toHaveLength(bids.filter((o) => o === 'in').length);
    const result = resolveSealedLot(sealedLotOf(closed), log);
    expect([closed.bidderId, closed.bid, closed.eddies]).toEqual([result.winner, result.price, 0]);
    for (const p of players)
      expect(await eddiesOf(db, p)).toBe(
        p.characterId === result.winner ? r * 2 - result.price : r * 2,
      );
    expect(await checkInvariants(db, { characterIds: players.map((p) => p.characterId) })).toEqual(
      [],
    );
  });
});
