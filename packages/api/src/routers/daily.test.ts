import { afterAll, describe, expect, it } from 'vitest';
import { uniq } from '@necp/db/testing';
import { checkInvariants } from '@necp/game';
import { anonCaller, rejection, signedIn, testDb, testDeps } from '../testing';

const db = testDb();
const deps = testDeps(db);
afterAll(() => db.$disconnect());

async function player() {
  const s = await signedIn(deps, db);
  const c = await s.caller.character.create({
    name: uniq('D'),
    origin: 'corpo',
    class: 'solo',
  });
  return { ...s, characterId: c.id };
}

describe('daily router', () => {
  it('requires a session', async () => {
    const c = anonCaller(deps);
    expect(await rejection(c.daily.status({ characterId: 'x' }))).toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect(await rejection(c.daily.claim({ characterId: 'x' }))).toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('shows the status, claims once per day (CONFLICT after), balanced', async () => {
    deps.clock.set(Date.UTC(2106, 2, 4, 9)); // a Thursday
    const p = await player();
    const { characterId } = p;
    const s = await p.caller.daily.status({ characterId });
    expect(s).toMatchObject({
      canClaim: true,
      streak: 1,
      cycleDay: 1,
      nextDailyReset: Date.UTC(2106, 2, 5),
      nextWeeklyReset: Date.UTC(2106, 2, 8),
    });
    expect(s.cycle).toHaveLength(7);
    const r = await p.caller.daily.claim({ characterId });
    expect(r).toMatchObject({ streak: 1, reward: { eddies: 50 }, status: { canClaim: false } });
    expect((await p.caller.inventory.get({ characterId })).eddies).toBe(50);
    expect(await rejection(p.caller.daily.claim({ characterId }))).toMatchObject({
      code: 'CONFLICT',
      message: 'Already claimed today',
    });
    expect(
      await checkInvariants(db, { characterIds: [characterId], userIds: [p.user.id] }),
    ).toEqual([]);
  });

  it("rejects bad input and another account's character", async () => {
    const a = await player();
    const b = await player();
    for (const call of [
      () => a.caller.daily.status({ characterId: '' }),
      () => a.caller.daily.claim({ characterId: 'x'.repeat(65) }),
      () => a.caller.daily.claim({} as never),
    ])
      expect(await rejection(call())).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await rejection(b.caller.daily.status({ characterId: a.characterId }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await rejection(b.caller.daily.claim({ characterId: a.characterId }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await db.loginReward.count({ where: { userId: { in: [a.user.id, b.user.id] } } })).toBe(
      0,
    );
  });
});
