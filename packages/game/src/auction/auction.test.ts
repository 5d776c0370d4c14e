// The auction house against the real database: listing into escrow with its deposit,
// bids held in escrow with the outbid bidder refunded in the same transaction, the
// anti-snipe extension, buyout, cancel, settlement by system mail — conserved
// throughout (checkInvariants, auction_eddies included).
import { afterAll, describe, expect, it } from 'vitest';
import { AUCTION_SNIPE_EXTEND_MS, auctionCut, auctionDeposit, minNextBid } from '@necp/shared';
import { expectDomainError, expectEveryTransactionDirect, testDb } from '../accounts/test-deps';
import { equipItem } from '../inventory/equip-item';
import { expectBalanced, give } from '../inventory/test-helpers';
import {
  buyoutListing,
  cancelListing,
  listItem,
  placeBid,
  quoteListing,
  settleDueAuctions,
} from '.';
import { asSeller, auctionDeps, auctionMail, eddiesOf, trader } from './test-kit';

const db = testDb(6);
const deps = auctionDeps(db, 2031);
afterAll(() => db.$disconnect());
// trades, orders, bids: raw statements straight on the connection, none through Prisma
expectEveryTransactionDirect();
const HOUR = 3_600_000;

describe('listing', () => {
  it('moves the stack out of the bag into the listing and takes the deposit', async () => {
    const s = await trader(db, 100);
    const stims = await give(db, s, 'stim_basic', 4);
    const quote = await quoteListing(deps, { ...s.ref, itemId: stims, durationH: 24 });
    expect(quote.deposit).toBe(auctionDeposit(15, 4, 24));
    const v = await listItem(deps, {
      ...asSeller(s),
      itemId: stims,
      startBid: 40,
      buyout: 90,
      durationH: 24,
    });
    expect(v).toMatchObject({
      templateId: 'stim_basic',
      quantity: 4,
      startBid: 40,
      minBid: 40,
      bid: 0,
      buyout: 90,
      state: 'live',
      mine: 'seller',
      endsAt: deps.clock.ms() + 24 * HOUR,
    });
    const item = await db.item.findUniqueOrThrow({ where: { id: stims } });
    expect(item).toMatchObject({ container: 'AUCTION', characterId: null });
    expect(await eddiesOf(db, s)).toBe(100 - quote.deposit);
    const l = await db.auctionListing.findUniqueOrThrow({ where: { id: v.id } });
    expect(l.eddies).toBe(quote.deposit);
    await expectBalanced(db, [s]);
  });

  it('refuses what cannot be listed, away from a terminal, and bad prices', async () => {
    const s = await trader(db, 100);
    const pistol = await give(db, s, 'pistol_unity');
    const list = (o: Partial<Parameters<typeof listItem>[1]> = {}) =>
      listItem(deps, {
        ...asSeller(s),
        itemId: pistol,
        startBid: 10,
        durationH: 12,
        ...o,
      });
    await expectDomainError(list({ buyout: 5 }), 'VALIDATION');
    await expectDomainError(list({ durationH: 6 as 12 }), 'VALIDATION');
    await expectDomainError(list({ startBid: 0 }), 'VALIDATION');
    await expectDomainError(list({ itemId: 'nope' }), 'NOT_FOUND');
    // someone else's item is not found either
    const other = await trader(db);
    await expectDomainError(
      listItem(deps, {
        ...asSeller(other),
        itemId: pistol,
        startBid: 10,
        durationH: 12,
      }),
      'NOT_FOUND',
    );
    // equipped
    await equipItem(deps, { ...s.ref, itemId: pistol });
    await expectDomainError(list(), 'INVALID_STATE');
    // bound, quest items
    const tag = await give(db, s, 'welcome_gang_tag');
    await expectDomainError(list({ itemId: tag }), 'INVALID_STATE');
    const bound = await give(db, s, 'stim_basic');
    await db.item.update({ where: { id: bound }, data: { boundCharacterId: s.characterId } });
    await expectDomainError(
      list({ itemId: bound }),
      'INVALID_STATE',
      'A bound item cannot be sold.',
    );
    // held in a trade
    const held = await give(db, s, 'jacket_kevlar');
    await db.item.update({ where: { id: held }, data: { reservation: 'trade:x' } });
    await expectDomainError(list({ itemId: held }), 'INVALID_STATE');
    // away from the terminal
    const far = await trader(db, 100, { x: 40, y: 40 });
    const knife = await give(db, far, 'stim_basic');
    await expectDomainError(
      listItem(deps, {
        ...asSeller(far),
        itemId: knife,
        startBid: 10,
        durationH: 12,
      }),
      'FORBIDDEN',
      'You need to be at an auction terminal',
    );
    // a deposit the seller cannot pay
    const poor = await trader(db, 0);
    const gun = await give(db, poor, 'pistol_unity');
    await expectDomainError(
      listItem(deps, {
        ...asSeller(poor),
        itemId: gun,
        startBid: 10,
        durationH: 48,
      }),
      'INVALID_STATE',
      'Not enough eddies',
    );
    expect(await db.item.findUniqueOrThrow({ where: { id: gun } })).toMatchObject({
      container: 'BAG',
    });
    await db.item.update({ where: { id: held }, data: { reservation: null } });
    await expectBalanced(db, [s, other, far, poor]);
  });
});

describe('bidding', () => {
  it('holds each bid in escrow and refunds the one outbid in the same transaction', async () => {
    const s = await trader(db, 50);
    const [a, b] = [await trader(db, 1000), await trader(db, 1000)];
    const item = await give(db, s, 'pistol_unity');
    const l = await listItem(deps, {
      ...asSeller(s),
      itemId: item,
      startBid: 100,
      durationH: 12,
    });
    await expectDomainError(placeBid(deps, { ...a.ref, listingId: l.id, amount: 99 }), 'CONFLICT');
    let v = await placeBid(deps, { ...a.ref, listingId: l.id, amount: 100 });
    expect(v).toMatchObject({ bid: 100, bids: 1, mine: 'high_bidder', minBid: 105 });
    expect(await eddiesOf(db, a)).toBe(900);
    // the same bid sent again (a second press, a lost answer) answers the listing: held once
    expect(await placeBid(deps, { ...a.ref, listingId: l.id, amount: 100 })).toEqual(v);
    expect(await eddiesOf(db, a)).toBe(900);
    await expectDomainError(
      placeBid(deps, { ...a.ref, listingId: l.id, amount: 200 }),
      'INVALID_STATE',
      'You already hold the high bid.',
    );
    await expectDomainError(
      placeBid(deps, { ...s.ref, listingId: l.id, amount: 200 }),
      'FORBIDDEN',
    );
    await expectDomainError(placeBid(deps, { ...b.ref, listingId: l.id, amount: 104 }), 'CONFLICT');
    v = await placeBid(deps, { ...b.ref, listingId: l.id, amount: 105 });
    expect(v.bid).toBe(105);
    expect(await eddiesOf(db, a)).toBe(1000);
    expect(await eddiesOf(db, b)).toBe(895);
    const held = await db.auctionListing.findUniqueOrThrow({ where: { id: l.id } });
    expect(held.eddies).toBe(105 + held.deposit);
    const note = await db.notification.findFirst({
      where: { characterId: a.characterId, kind: 'auction_outbid' },
    });
    expect(note?.title).toBe(`Outbid: ${held.name}`);
    // more than you have
    const poor = await trader(db, 10);
    await expectDomainError(
      placeBid(deps, { ...poor.ref, listingId: l.id, amount: 200 }),
      'INVALID_STATE',
      'Not enough eddies',
    );
    await expectBalanced(db, [s, a, b, poor]);
  });

  it('raises by 5 % (at least 1 eddy), and a bid in the last 5 minutes moves the end on', async () => {
    expect(minNextBid({ startBid: 7, bid: 0 })).toBe(7);
    expect(minNextBid({ startBid: 7, bid: 10 })).toBe(11);
    expect(minNextBid({ startBid: 7, bid: 100 })).toBe(105);
    expect(minNextBid({ startBid: 7, bid: 101 })).toBe(107);
    const s = await trader(db, 50);
    const [a, b] = [await trader(db, 1000), await trader(db, 1000)];
    const l = await listItem(deps, {
      ...asSeller(s),
      itemId: await give(db, s, 'stim_basic'),
      startBid: 10,
      durationH: 12,
    });
    await placeBid(deps, { ...a.ref, listingId: l.id, amount: 10 });
    const end = l.endsAt;
    deps.clock.set(end - 60_000);
    const v = await placeBid(deps, { ...b.ref, listingId: l.id, amount: 11 });
    expect(v.endsAt).toBe(end + AUCTION_SNIPE_EXTEND_MS);
    // past the first end, the auction still takes bids until the new one
    deps.clock.set(end + 1000);
    await placeBid(deps, { ...a.ref, listingId: l.id, amount: 12 });
    deps.clock.set(end + AUCTION_SNIPE_EXTEND_MS * 2 + 1);
    await expectDomainError(
      placeBid(deps, { ...b.ref, listingId: l.id, amount: 50 }),
      'INVALID_STATE',
      'That auction is over.',
    );
    await expectBalanced(db, [s, a, b]);
  });
});

describe('buyout and settlement', () => {
  it('a buyout ends it at once: the item to the buyer and the payment less the cut to the seller, by mail', async () => {
    const s = await trader(db, 50);
    const [a, c] = [await trader(db, 1000), await trader(db, 1000)];
    const item = await give(db, s, 'pistol_unity');
    const l = await listItem(deps, {
      ...asSeller(s),
      itemId: item,
      startBid: 100,
      buyout: 400,
      durationH: 24,
    });
    const deposit = auctionDeposit(60, 1, 24);
    await placeBid(deps, { ...a.ref, listingId: l.id, amount: 150 });
    const v = await buyoutListing(deps, { ...c.ref, listingId: l.id });
    expect(v).toMatchObject({ state: 'sold', bid: 400, mine: 'high_bidder' });
    expect(await eddiesOf(db, a)).toBe(1000);
    expect(await eddiesOf(db, c)).toBe(600);
    expect(await auctionMail(db, c)).toEqual([
      { subject: `Won: ${v.name}`, eddies: 0, items: [item] },
    ]);
    expect(await auctionMail(db, s)).toEqual([
      { subject: `Sold: ${v.name}`, eddies: 400 - auctionCut(400) + deposit, items: [] },
    ]);
    expect((await db.auctionListing.findUniqueOrThrow({ where: { id: l.id } })).eddies).toBe(0);
    const sink = await db.ledgerEntry.findFirst({
      where: { toOwner: 'sink:auction_cut', ref: l.id },
    });
    expect(sink?.eddiesDelta).toBe(-auctionCut(400));
    // over: nobody else can buy it
    await expectDomainError(
      buyoutListing(deps, { ...a.ref, listingId: l.id }),
      'INVALID_STATE',
      'That auction is over.',
    );
    await expectBalanced(db, [s, a, c]);
  });

  it('the high bidder buying out: their bid back and the buyout taken, in the one write', async () => {
    const s = await trader(db, 50);
    const a = await trader(db, 1000);
    const l = await listItem(deps, {
      ...asSeller(s),
      itemId: await give(db, s, 'stim_basic'),
      startBid: 100,
      buyout: 300,
      durationH: 12,
    });
    await placeBid(deps, { ...a.ref, listingId: l.id, amount: 120 });
    expect(await eddiesOf(db, a)).toBe(880);
    const v = await buyoutListing(deps, { ...a.ref, listingId: l.id });
    expect(v).toMatchObject({ state: 'sold', bid: 300 });
    expect(await eddiesOf(db, a)).toBe(700);
    // the refund, then the charge: each step's balance as it was after it
    const steps = await db.ledgerEntry.findMany({
      where: { characterId: a.characterId, ref: l.id },
      orderBy: { id: 'asc' },
    });
    expect(steps.map((e) => [e.eddiesDelta, e.balanceAfter])).toEqual([
      [-120, 880],
      [120, 1000],
      [-300, 700],
    ]);
    await expectBalanced(db, [s, a]);
  });

  it('a bidder deleted since their bid still gets it back when outbid', async () => {
    const s = await trader(db, 50);
    const [a, b] = [await trader(db, 1000), await trader(db, 1000)];
    const l = await listItem(deps, {
      ...asSeller(s),
      itemId: await give(db, s, 'stim_basic'),
      startBid: 100,
      durationH: 12,
    });
    await placeBid(deps, { ...a.ref, listingId: l.id, amount: 100 });
    // deleted, still restorable: not locked by the bid, refunded all the same
    await db.character.update({ where: { id: a.characterId }, data: { deletedAt: new Date() } });
    await placeBid(deps, { ...b.ref, listingId: l.id, amount: 110 });
    expect(await eddiesOf(db, a)).toBe(1000);
    expect(await eddiesOf(db, b)).toBe(890);
    await expectBalanced(db, [s, a, b]);
  });

  it('a bid at the buyout is the buyout; without a buyout there is nothing to buy out', async () => {
    const s = await trader(db, 50);
    const a = await trader(db, 1000);
    const l = await listItem(deps, {
      ...asSeller(s),
      itemId: await give(db, s, 'stim_basic'),
      startBid: 10,
      buyout: 30,
      durationH: 12,
    });
    const v = await placeBid(deps, { ...a.ref, listingId: l.id, amount: 500 });
    expect(v).toMatchObject({ state: 'sold', bid: 30 });
    expect(await eddiesOf(db, a)).toBe(970);
    const m = await listItem(deps, {
      ...asSeller(s),
      itemId: await give(db, s, 'stim_basic'),
      startBid: 10,
      durationH: 12,
    });
    await expectDomainError(
      buyoutListing(deps, { ...a.ref, listingId: m.id }),
      'INVALID_STATE',
      'That auction has no buyout price.',
    );
    await expectBalanced(db, [s, a]);
  });

  it('expiry: unsold comes back with the deposit kept, sold goes to the high bidder; twice settles once', async () => {
    const s = await trader(db, 100);
    const a = await trader(db, 1000);
    const unsold = await give(db, s, 'stim_basic', 2);
    const sold = await give(db, s, 'pistol_unity');
    const l1 = await listItem(deps, {
      ...asSeller(s),
      itemId: unsold,
      startBid: 10,
      durationH: 12,
    });
    const l2 = await listItem(deps, {
      ...asSeller(s),
      itemId: sold,
      startBid: 10,
      durationH: 12,
    });
    await placeBid(deps, { ...a.ref, listingId: l2.id, amount: 80 });
    deps.clock.set(l2.endsAt + 1);
    const [x, y] = await Promise.all([settleDueAuctions(deps), settleDueAuctions(deps)]);
    expect(x + y).toBeGreaterThanOrEqual(2);
    await settleDueAuctions(deps);
    const rows = await db.auctionSettlement.findMany({
      where: { listingId: { in: [l1.id, l2.id] } },
      orderBy: { outcome: 'asc' },
    });
    expect(rows.map((r) => [r.listingId, r.outcome, r.price])).toEqual([
      [l1.id, 'expired', 0],
      [l2.id, 'sold', 80],
    ]);
    expect(
      (await auctionMail(db, s)).map((m) => [m.subject.split(':')[0], m.eddies, m.items]),
    ).toEqual([
      ['Sold', 80 - auctionCut(80) + auctionDeposit(60, 1, 12), []],
      ['Unsold', 0, [unsold]],
    ]);
    expect((await auctionMail(db, a)).map((m) => m.items)).toEqual([[sold]]);
    await expectBalanced(db, [s, a]);
  });

  it('cancel: refused with a bid or by anyone else; otherwise the item comes back and the deposit is kept', async () => {
    const s = await trader(db, 100);
    const a = await trader(db, 1000);
    const item = await give(db, s, 'pistol_unity');
    const l = await listItem(deps, {
      ...asSeller(s),
      itemId: item,
      startBid: 10,
      durationH: 48,
    });
    await expectDomainError(cancelListing(deps, { ...a.ref, listingId: l.id }), 'FORBIDDEN');
    const v = await cancelListing(deps, { ...s.ref, listingId: l.id });
    expect(v.state).toBe('cancelled');
    await expectDomainError(cancelListing(deps, { ...s.ref, listingId: l.id }), 'INVALID_STATE');
    expect(await eddiesOf(db, s)).toBe(100 - auctionDeposit(60, 1, 48));
    expect((await auctionMail(db, s)).map((m) => m.items)).toEqual([[item]]);
    const m = await listItem(deps, {
      ...asSeller(s),
      itemId: await give(db, s, 'stim_basic'),
      startBid: 10,
      durationH: 12,
    });
    await placeBid(deps, { ...a.ref, listingId: m.id, amount: 10 });
    await expectDomainError(
      cancelListing(deps, { ...s.ref, listingId: m.id }),
      'INVALID_STATE',
      'Someone has bid on it: an auction with a bid cannot be cancelled.',
    );
    await expectBalanced(db, [s, a]);
  });
});
