// A listing's idempotency key: a second try returns the listing the first made (as it is
// now) and holds or pays nothing again, the key of another listing is refused, concurrent
// tries make one listing, a key that is no id is refused before anything.
import { afterAll, describe, expect, it } from 'vitest';
import { auctionDeposit, minNextBid } from '@necp/shared';
import { uniq } from '@necp/db/testing';
import { expectDomainError, expectEveryTransactionDirect, testDb } from '../accounts/test-deps';
import { expectBalanced, give, type Player } from '../inventory/test-helpers';
import { listItem, placeBid } from '.';
import { auctionDeps, eddiesOf, trader } from './test-kit';

const db = testDb(6);
const deps = auctionDeps(db, 2037);
afterAll(() => db.$disconnect());
// listing stays raw statements straight on the connection, its retry too
expectEveryTransactionDirect();

const listingsOf = (p: Player) => db.auctionListing.count({ where: { sellerId: p.characterId } });
const containerOf = async (itemId: string) =>
  (await db.item.findUniqueOrThrow({ where: { id: itemId } })).container;

describe('auction: the idempotency key of a listing', () => {
  it('a second try with the same key returns the listing as it is now, paid and held once', async () => {
    const [s, b] = [await trader(db, 100), await trader(db, 500)];
    const stims = await give(db, s, 'stim_basic', 4);
    const input = {
      ...s.ref,
      idempotencyKey: uniq('list-'),
      itemId: stims,
      startBid: 40,
      buyout: 90,
      durationH: 24 as const,
    };
    const first = await listItem(deps, input);
    const deposit = auctionDeposit(15, 4, 24);
    expect(await eddiesOf(db, s)).toBe(100 - deposit);
    expect(await listItem(deps, input)).toEqual(first);
    expect(await listingsOf(s)).toBe(1);
    expect(await eddiesOf(db, s)).toBe(100 - deposit);
    expect(await containerOf(stims)).toBe('AUCTION');
    // a bid later: the retry shows the listing as it is now, still the one listing
    await placeBid(deps, { ...b.ref, listingId: first.id, amount: 50 });
    expect(await listItem(deps, input)).toEqual({
      ...first,
      bid: 50,
      bids: 1,
      minBid: minNextBid({ startBid: 40, bid: 50 }),
    });
    expect(await listingsOf(s)).toBe(1);
    expect(await eddiesOf(db, s)).toBe(100 - deposit);
    await expectBalanced(db, [s, b]);
  });

  it('the key of another listing is refused (CONFLICT) and writes nothing', async () => {
    const s = await trader(db, 100);
    const [pistol, stims] = [await give(db, s, 'pistol_unity'), await give(db, s, 'stim_basic')];
    const idempotencyKey = uniq('list-');
    const list = (o: object = {}) =>
      listItem(deps, {
        ...s.ref,
        idempotencyKey,
        itemId: pistol,
        startBid: 10,
        durationH: 12,
        ...o,
      });
    await list();
    const purse = await eddiesOf(db, s);
    for (const other of [{ itemId: stims }, { startBid: 11 }, { buyout: 20 }, { durationH: 48 }])
      await expectDomainError(
        list(other),
        'CONFLICT',
        'That request was already used for something else: try again.',
      );
    expect(await listingsOf(s)).toBe(1);
    expect(await eddiesOf(db, s)).toBe(purse);
    expect(await containerOf(stims)).toBe('BAG');
    // the key is the seller's: another seller may draw the same one
    const t = await trader(db, 100);
    await listItem(deps, {
      ...t.ref,
      idempotencyKey,
      itemId: await give(db, t, 'pistol_unity'),
      startBid: 10,
      durationH: 12,
    });
    expect(await listingsOf(t)).toBe(1);
    await expectBalanced(db, [s, t]);
  });

  it('three tries with one key at once make one listing, its deposit paid once', async () => {
    const s = await trader(db, 100);
    const pistol = await give(db, s, 'pistol_unity');
    const input = {
      ...s.ref,
      idempotencyKey: uniq('list-'),
      itemId: pistol,
      startBid: 10,
      durationH: 12 as const,
    };
    const views = await Promise.all([1, 2, 3].map(() => listItem(deps, input)));
    for (const v of views) expect(v).toEqual(views[0]);
    expect(await listingsOf(s)).toBe(1);
    const [row] = await db.auctionListing.findMany({ where: { sellerId: s.characterId } });
    expect(await eddiesOf(db, s)).toBe(100 - row!.deposit);
    await expectBalanced(db, [s]);
  });

  it('a key that is no id is refused before anything', async () => {
    const s = await trader(db, 100);
    const pistol = await give(db, s, 'pistol_unity');
    for (const idempotencyKey of ['', 'a\u0000b', 'x'.repeat(100), 'two words'])
      await expectDomainError(
        listItem(deps, { ...s.ref, idempotencyKey, itemId: pistol, startBid: 10, durationH: 12 }),
        'VALIDATION',
      );
    expect(await listingsOf(s)).toBe(0);
    expect(await eddiesOf(db, s)).toBe(100);
    expect(await containerOf(pistol)).toBe('BAG');
  });
});
