import { afterAll, describe, expect, it } from 'vitest';
import { createTestCharacter } from '@necp/db/testing';
import { rejection, signedIn, testDb, testDeps } from '../testing';

const db = testDb();
afterAll(() => db.$disconnect());

describe('friends router', () => {
  it('works for the caller’s own character only, and refuses bad names at the edge', async () => {
    const deps = testDeps(db);
    const a = await signedIn(deps, db);
    const b = await signedIn(deps, db);
    const ca = await createTestCharacter(db, a.user.id);
    const cb = await createTestCharacter(db, b.user.id);
    expect(await a.caller.friends.request({ characterId: ca.id, name: cb.name })).toEqual({
      outcome: 'sent',
      name: cb.name,
    });
    const { incoming } = await b.caller.friends.list({ characterId: cb.id });
    // a's account cannot act as b's character: NOT_FOUND, as for a missing one
    expect(
      await rejection(a.caller.friends.accept({ characterId: cb.id, requestId: incoming[0]!.id })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await rejection(a.caller.friends.list({ characterId: cb.id }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    await b.caller.friends.accept({ characterId: cb.id, requestId: incoming[0]!.id });
    expect((await a.caller.friends.list({ characterId: ca.id })).friends).toEqual([
      expect.objectContaining({ id: cb.id, name: cb.name }),
    ]);
    for (const name of ['', 'a\u0000b', 'x'.repeat(100), 'two words'])
      expect(await rejection(a.caller.friends.request({ characterId: ca.id, name }))).toMatchObject(
        { code: 'BAD_REQUEST' },
      );
    // blocking through the panel ends the friendship
    await b.caller.friends.block({ characterId: cb.id, name: ca.name });
    expect((await a.caller.friends.list({ characterId: ca.id })).friends).toEqual([]);
  });
});
