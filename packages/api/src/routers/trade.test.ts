// The trade history through the API: both sides see the same ended trades, mirrored
// (what one gave the other got), newest first, a page at a time; someone else's
// character is NOT_FOUND; bad input is BAD_REQUEST.
import { afterAll, describe, expect, it } from 'vitest';
import { createTestCharacter } from '@necp/db/testing';
import { TRADE_ACCEPT_DELAY_MS } from '@necp/shared';
import {
  acceptTrade,
  answerTrade,
  cancelTrade,
  grantItem,
  offerTrade,
  requestTrade,
} from '@necp/game';
import { rejection, signedIn, testDb, testDeps } from '../testing';

const db = testDb();
afterAll(() => db.$disconnect());

describe('trade router', () => {
  it('lists ended trades for both sides, mirrored and paged; refuses others and bad input', async () => {
    const deps = testDeps(db);
    const a = await signedIn(deps, db);
    const b = await signedIn(deps, db);
    const ca = await createTestCharacter(db, a.user.id);
    const cb = await createTestCharacter(db, b.user.id);
    const [pistol] = await grantItem(
      { db },
      { characterId: ca.id, templateId: 'pistol_unity', quantity: 1, reason: 'admin' },
    );
    // one completed: a's pistol for nothing; then one cancelled
    const t1 = await requestTrade(deps, { characterId: ca.id, targetId: cb.id });
    await answerTrade(deps, { characterId: cb.id, tradeId: t1.view.id, accept: true });
    const v = await offerTrade(deps, {
      characterId: ca.id,
      tradeId: t1.view.id,
      items: [pistol!.itemId],
      eddies: 0,
    });
    deps.clock.advance(TRADE_ACCEPT_DELAY_MS);
    await acceptTrade(deps, { characterId: cb.id, tradeId: t1.view.id, version: v.view.version });
    await acceptTrade(deps, { characterId: ca.id, tradeId: t1.view.id, version: v.view.version });
    deps.clock.advance(1000);
    const t2 = await requestTrade(deps, { characterId: cb.id, targetId: ca.id });
    await cancelTrade(deps, { characterId: cb.id, tradeId: t2.view.id });

    const mine = await a.caller.trade.history({ characterId: ca.id });
    expect(mine.items.map((e) => [e.id, e.with, e.result])).toEqual([
      [t2.view.id, cb.name, 'cancelled'],
      [t1.view.id, cb.name, 'completed'],
    ]);
    expect(mine.items[1]).toMatchObject({
      gave: [{ templateId: 'pistol_unity', quantity: 1 }],
      got: [],
    });
    const theirs = await b.caller.trade.history({ characterId: cb.id, limit: 1 });
    expect(theirs.items.map((e) => e.id)).toEqual([t2.view.id]);
    const page2 = await b.caller.trade.history({
      characterId: cb.id,
      limit: 1,
      cursor: theirs.nextCursor!,
    });
    expect(page2.items[0]).toMatchObject({
      id: t1.view.id,
      with: ca.name,
      got: [{ templateId: 'pistol_unity', quantity: 1 }],
    });
    expect(page2.nextCursor).toBeNull();

    expect(await rejection(a.caller.trade.history({ characterId: cb.id }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await rejection(a.caller.trade.history({ characterId: ca.id, limit: 500 })),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    // a cursor the codec did not make for this list: refused, never half-used
    for (const cursor of ['a b', Buffer.from('[1]').toString('base64url')])
      expect(await rejection(a.caller.trade.history({ characterId: ca.id, cursor }))).toMatchObject(
        { code: 'BAD_REQUEST' },
      );
  });
});
