import { afterAll, describe, expect, it } from 'vitest';
import { createTestCharacter, uniq } from '@necp/db/testing';
import { adminGrantEddies, grantXp } from '@necp/game';
import { respecCost, startingAttributes, totalXpForLevel } from '@necp/shared';
import { anonCaller, rejection, signedIn, testDb, testDeps } from '../testing';

const db = testDb();
afterAll(() => db.$disconnect());

const START = startingAttributes('streetkid', 'solo');

describe('progression router', () => {
  it('requires a session for every procedure', async () => {
    const c = anonCaller(testDeps(db));
    for (const call of [
      () => c.progression.sheet({ characterId: 'x' }),
      () => c.progression.spendPoint({ characterId: 'x', attribute: 'body' }),
      () => c.progression.respec({ characterId: 'x' }),
    ])
      expect(await rejection(call())).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('walks level-up → sheet → spendPoint → respec', async () => {
    const deps = testDeps(db);
    const { user, caller } = await signedIn(deps, db);
    const ch = await createTestCharacter(db, user.id);
    const characterId = ch.id;
    await grantXp(deps, { characterId, amount: totalXpForLevel(3), reason: 'test' });

    const sheet = await caller.progression.sheet({ characterId });
    expect(sheet).toMatchObject({ level: 3, attributePoints: 2, attributes: START });

    const after = await caller.progression.spendPoint({ characterId, attribute: 'reflexes' });
    expect(after).toMatchObject({
      attributePoints: 1,
      attributes: { ...START, reflexes: START.reflexes + 1 },
    });

    expect(await rejection(caller.progression.respec({ characterId }))).toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: `A respec costs ${respecCost(3, 0)} eddies; you have 0`,
    });
    await adminGrantEddies(deps, {
      idempotencyKey: uniq('k-'),
      characterId,
      amount: 1000,
      adminUserId: 'test',
    });
    const reset = await caller.progression.respec({ characterId });
    expect(reset).toMatchObject({
      attributes: START,
      attributePoints: 2,
      eddies: 1000 - respecCost(3, 0),
      respecCount: 1,
    });
  });

  it("gives another account NOT_FOUND for A's character and changes nothing", async () => {
    const deps = testDeps(db);
    const a = await signedIn(deps, db);
    const b = await signedIn(deps, db);
    const ch = await createTestCharacter(db, a.user.id);
    await db.character.update({ where: { id: ch.id }, data: { attributePoints: 1 } });
    for (const call of [
      () => b.caller.progression.sheet({ characterId: ch.id }),
      () => b.caller.progression.spendPoint({ characterId: ch.id, attribute: 'cool' }),
      () => b.caller.progression.respec({ characterId: ch.id }),
    ])
      expect(await rejection(call())).toMatchObject({
        code: 'NOT_FOUND',
        message: 'Character not found',
      });
    expect((await db.character.findUniqueOrThrow({ where: { id: ch.id } })).attributePoints).toBe(
      1,
    );
  });

  it('rejects malformed input before the domain runs', async () => {
    const deps = testDeps(db);
    const { user, caller } = await signedIn(deps, db);
    const ch = await createTestCharacter(db, user.id);
    await db.character.update({ where: { id: ch.id }, data: { attributePoints: 1 } });
    const bad = { characterId: ch.id, attribute: 'luck' } as unknown as {
      characterId: string;
      attribute: 'body';
    };
    expect(await rejection(caller.progression.spendPoint(bad))).toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await rejection(caller.progression.sheet({ characterId: '' }))).toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect((await db.character.findUniqueOrThrow({ where: { id: ch.id } })).attributePoints).toBe(
      1,
    );
  });
});
