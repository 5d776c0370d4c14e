// Contracts through the API: a poster and a taker post, take, deliver and dispute; a
// moderator rules through the moderation router; someone else's character is NOT_FOUND,
// a player at the staff procedures FORBIDDEN, bad input BAD_REQUEST.
import { afterAll, describe, expect, it } from 'vitest';
import { createTestCharacter } from '@necp/db/testing';
import { FakeClock, checkInvariants, grantItem, recordCurrency } from '@necp/game';
import { rejection, signedIn, testDb, testDeps } from '../testing';

const db = testDb();
afterAll(() => db.$disconnect());

describe('contracts router', () => {
  it('posts, takes, delivers, disputes and is ruled; refuses others and bad input', async () => {
    const deps = { ...testDeps(db), clock: new FakeClock(Date.UTC(2039, 0, 1)) };
    const poster = await signedIn(deps, db);
    const taker = await signedIn(deps, db);
    const mod = await signedIn(deps, db, 'MODERATOR');
    const cp = await createTestCharacter(db, poster.user.id);
    const ct = await createTestCharacter(db, taker.user.id);
    await db.$transaction((tx) =>
      recordCurrency(tx, { reason: 'admin', characterId: cp.id, delta: 1000 }),
    );
    const c = await poster.caller.contracts.post({
      characterId: cp.id,
      idempotencyKey: 'api-post-1',
      kind: 'deliver',
      targetId: 'optic_fibre',
      quantity: 12,
      reward: 300,
      note: 'For the uplink',
    });
    expect(c).toMatchObject({ state: 'posted', targetName: expect.any(String), you: 'poster' });
    const board = await taker.caller.contracts.board({ characterId: ct.id, kind: 'deliver' });
    expect(board.find((x) => x.id === c.id)).toMatchObject({
      you: 'other',
      note: 'For the uplink',
    });
    await taker.caller.contracts.accept({ characterId: ct.id, contractId: c.id });
    await grantItem(
      { db },
      { characterId: ct.id, templateId: 'optic_fibre', quantity: 12, reason: 'admin' },
    );
    await taker.caller.contracts.deliver({ characterId: ct.id, contractId: c.id });
    await poster.caller.contracts.dispute({
      characterId: cp.id,
      contractId: c.id,
      reason: 'Frayed',
    });
    await taker.caller.contracts.evidence({
      characterId: ct.id,
      contractId: c.id,
      text: 'Tested ok',
    });
    const seen = await taker.caller.contracts.case({ characterId: ct.id, contractId: c.id });
    expect(seen.evidence.map((e) => e.by)).toEqual(['poster', 'taker']);

    // the staff side: players are refused, a moderator rules
    expect(await rejection(poster.caller.moderation.arbitration())).toMatchObject({
      code: 'FORBIDDEN',
    });
    const queue = await mod.caller.moderation.arbitration();
    expect(queue.find((x) => x.id === c.id)).toMatchObject({ mayRule: true });
    await mod.caller.moderation.noteContract({ contractId: c.id, text: 'Asked both sides' });
    const ruled = await mod.caller.moderation.ruleContract({
      contractId: c.id,
      ruling: 'split',
      takerPct: 50,
      note: 'Half was frayed',
    });
    expect(ruled).toMatchObject({ state: 'arbitrated', ruling: { ruling: 'split', takerPct: 50 } });
    await taker.caller.contracts.rate({ characterId: ct.id, contractId: c.id, score: 3 });
    const mine = await poster.caller.contracts.mine({ characterId: cp.id });
    expect(mine.find((x) => x.id === c.id)?.taker?.rating).toEqual({ score: null, count: 0 });
    expect(mine.find((x) => x.id === c.id)?.poster.rating).toEqual({ score: 3, count: 1 });

    // someone else's character; bad input; a stranger's look at a case
    expect(await rejection(taker.caller.contracts.mine({ characterId: cp.id }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await rejection(taker.caller.contracts.case({ characterId: ct.id, contractId: 'nope' })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await rejection(
        poster.caller.contracts.post({
          characterId: cp.id,
          idempotencyKey: 'k\u0000',
          kind: 'deliver',
          targetId: 'optic_fibre',
          quantity: 1,
          reward: 50,
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    expect(
      await rejection(
        poster.caller.contracts.post({
          characterId: cp.id,
          idempotencyKey: 'k2',
          kind: 'kill',
          targetId: 'watson_scavenger',
          quantity: 101,
          reward: 50,
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await checkInvariants(db, { characterIds: [cp.id, ct.id] })).toEqual([]);
  });
});
