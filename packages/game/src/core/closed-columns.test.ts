// A closed-set column holding a value outside its set (written by hand, by a bad
// migration, by a writer that skipped the rules) is refused where it is read, naming the
// column and the value — through a raw row's schema and through a Prisma mapper alike —
// instead of flowing on, cast, as a value the game does not know.
import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '../accounts/test-deps';
import { cancelListing, listItem, myAuctions } from '../auction';
import { asSeller, auctionDeps, trader } from '../auction/test-kit';
import { cancelContract, myContracts, rateContract } from '../contracts';
import { post } from '../contracts/test-kit';
import { give } from '../inventory/test-helpers';
import { listMail, readMail, sendSystemMail } from '../mail';
import { cancelOrder, myMarketOrders } from '../market';
import { buy } from '../market/test-kit';
import { listNotifications, notifyNow } from '../notifications';
import { closedSet } from './closed-columns';

const db = testDb(4);
// a year of its own: no other file's clock, nor the wall clock's sweeps, reaches these rows
const deps = auctionDeps(db, 2047);
afterAll(() => db.$disconnect());

/**
 * Runs `body` while the row holds `bad` in a column, then puts `good` back: the bad value
 * is there for as short a time as the reads take (other files share the database).
 */
async function whileBad(
  table: string,
  column: string,
  id: string,
  values: { bad: string | number; good: string | number },
  body: () => Promise<void>,
) {
  const set = (v: string | number) =>
    db.$executeRawUnsafe(`UPDATE "${table}" SET "${column}" = $1 WHERE "id" = $2`, v, id);
  await set(values.bad);
  try {
    await body();
  } finally {
    await set(values.good);
  }
}

describe('a closed-set column', () => {
  it('parses a value of its set, and refuses any other naming the column and the value', () => {
    expect(closedSet.MarketOrder.side.parse('buy')).toBe('buy');
    expect(() => closedSet.MarketOrder.side.parse('hold')).toThrow(
      "MarketOrder.side: unknown value 'hold' (one of buy, sell)",
    );
    expect(closedSet.Craft.quality.nullable().parse(null)).toBeNull();
    // an Int column of a fixed set: its literals
    expect(closedSet.MarketOrder.durationH.parse(72)).toBe(72);
    expect(() => closedSet.MarketOrder.durationH.parse(36)).toThrow(
      "MarketOrder.durationH: unknown value '36' (one of 24, 72, 168)",
    );
  });

  it('AuctionListing.state: refused by the raw read under the lock and by the Prisma mapper', async () => {
    const s = await trader(db, 500);
    const stims = await give(db, s, 'stim_basic', 2);
    const l = await listItem(deps, { ...asSeller(s), itemId: stims, startBid: 20, durationH: 24 });
    // not live: no search or sweep of another file looks for it meanwhile
    await whileBad('AuctionListing', 'state', l.id, { bad: 'paused', good: 'live' }, async () => {
      const refused = /AuctionListing\.state: unknown value 'paused'/;
      // raw: lockListing's SELECT … FOR UPDATE, parsed by core/locked-rows.ts
      await expect(
        cancelListing(deps, { characterId: s.characterId, listingId: l.id }),
      ).rejects.toThrow(refused);
      // Prisma: "my auctions" parses each listing before its view
      await expect(myAuctions(deps, { characterId: s.characterId })).rejects.toThrow(refused);
    });
    // put back, the same reads work again
    expect((await myAuctions(deps, { characterId: s.characterId })).selling).toEqual([
      expect.objectContaining({ id: l.id, state: 'live' }),
    ]);
  });

  it('Contract.kind: refused by the raw read under the lock and by the Prisma mapper', async () => {
    const poster = await trader(db, 1000);
    const c = await post(deps, poster, {
      kind: 'deliver',
      targetId: 'scrap_metal',
      quantity: 5,
      reward: 100,
      collateral: 0,
      note: '',
    });
    // cancelled first: off the board, so no other file's board reads it meanwhile
    await cancelContract(deps, { characterId: poster.characterId, contractId: c.id });
    await whileBad('Contract', 'kind', c.id, { bad: 'escort', good: 'deliver' }, async () => {
      const refused = /Contract\.kind: unknown value 'escort'/;
      // raw: lockContract's SELECT … FOR UPDATE, parsed by core/locked-rows.ts
      await expect(
        rateContract(deps, { characterId: poster.characterId, contractId: c.id, score: 5 }),
      ).rejects.toThrow(refused);
      // Prisma: "my contracts" parses each contract before its view
      await expect(myContracts(deps, { characterId: poster.characterId })).rejects.toThrow(refused);
    });
    expect(await myContracts(deps, { characterId: poster.characterId })).toEqual([
      expect.objectContaining({ id: c.id, kind: 'deliver', state: 'cancelled' }),
    ]);
  });

  it('Mail.kind: refused by the mapper of the inbox and of a mail', async () => {
    const p = await trader(db);
    const { mailId } = await sendSystemMail(deps, {
      toCharacterId: p.characterId,
      subject: 'Closed sets',
      reason: 'admin',
    });
    const ref = { characterId: p.characterId, mailId };
    await whileBad('Mail', 'kind', mailId, { bad: 'spam', good: 'system' }, async () => {
      const refused = /Mail\.kind: unknown value 'spam'/;
      await expect(listMail(deps, { characterId: p.characterId })).rejects.toThrow(refused);
      await expect(readMail(deps, ref)).rejects.toThrow(refused);
    });
    expect((await readMail(deps, ref)).kind).toBe('system');
  });

  it('MarketOrder.durationH (an Int set): refused by the row schema of "my orders"', async () => {
    const b = await trader(db, 500);
    const bid = await buy(deps, b, { templateId: 'scrap_metal', price: 1, quantity: 1 });
    // cancelled first: off the book, so no other file's matcher or book reads it meanwhile
    await cancelOrder(deps, { ...b.ref, orderId: bid.id });
    await whileBad('MarketOrder', 'durationH', bid.id, { bad: 36, good: 72 }, async () => {
      await expect(myMarketOrders(deps, b.ref)).rejects.toThrow(
        /MarketOrder\.durationH: unknown value '36'/,
      );
    });
    expect((await myMarketOrders(deps, b.ref)).orders).toEqual([
      expect.objectContaining({ id: bid.id, state: 'cancelled', durationH: 72 }),
    ]);
  });

  it('Notification.kind: refused by the mapper of the list, no longer shown as another kind', async () => {
    const p = await trader(db);
    const n = await notifyNow(deps, {
      characterId: p.characterId,
      kind: 'achievement',
      title: 'Hi',
    });
    await whileBad(
      'Notification',
      'kind',
      n!.id,
      { bad: 'spam', good: 'achievement' },
      async () => {
        await expect(listNotifications(deps, p.characterId)).rejects.toThrow(
          /Notification\.kind: unknown value 'spam'/,
        );
      },
    );
    expect((await listNotifications(deps, p.characterId)).items).toEqual([
      expect.objectContaining({ id: n!.id, kind: 'achievement' }),
    ]);
  });
});
