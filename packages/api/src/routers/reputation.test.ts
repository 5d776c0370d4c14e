import { afterAll, describe, expect, it } from 'vitest';
import { createTestCharacter } from '@necp/db/testing';
import { FACTIONS } from '@necp/shared';
import { anonCaller, rejection, signedIn, testDb, testDeps } from '../testing';

const db = testDb();
const deps = testDeps(db);
afterAll(() => db.$disconnect());

describe('reputation router', () => {
  it('requires a session', async () => {
    expect(await rejection(anonCaller(deps).reputation.list({ characterId: 'x' }))).toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('lists every faction with standing, tier and price factor; only for the owner', async () => {
    const a = await signedIn(deps, db);
    const b = await signedIn(deps, db);
    const c = await createTestCharacter(db, a.user.id);
    await db.characterStanding.create({
      data: { characterId: c.id, factionId: 'fixers', standing: 3200 },
    });
    const list = await a.caller.reputation.list({ characterId: c.id });
    expect(list.map((f) => f.factionId)).toEqual(FACTIONS.map((f) => f.id));
    expect(list.find((f) => f.factionId === 'fixers')).toMatchObject({
      standing: 3200,
      tier: 'friendly',
      into: 200,
      priceMultiplier: 0.95,
      met: true,
    });
    expect(list.find((f) => f.factionId === 'tyger_claws')).toMatchObject({
      standing: -1000,
      tier: 'unfriendly',
      met: false,
    });
    expect(await rejection(b.caller.reputation.list({ characterId: c.id }))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Character not found',
    });
    expect(await rejection(a.caller.reputation.list({ characterId: '' }))).toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});
