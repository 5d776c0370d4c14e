import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestCharacter } from '@necp/db/testing';
import {
  MemoryJtiStore,
  openInstance,
  recordMatchStarted,
  verifyQuantumSyncToken,
} from '@necp/game';
import { anonCaller, rejection, signedIn, testDb, testDeps, type TestDeps } from '../testing';

const db = testDb();
afterAll(() => db.$disconnect());

/** A raid group of 10 (the first is the caller's) whose instance is open. */
async function raidWith(deps: TestDeps, userId: string) {
  const ids = [(await createTestCharacter(db, userId)).id];
  for (let i = 1; i < 10; i++) {
    const { user } = await signedIn(deps, db);
    ids.push((await createTestCharacter(db, user.id)).id);
  }
  const matchId = randomUUID();
  await recordMatchStarted(deps, {
    match: { matchId, queue: 'raid', kind: 'raid', bracket: null, teams: [ids] },
  });
  await openInstance(deps, {
    zoneId: `raid-quantum-reef--${matchId}`,
    matchId,
    templateId: 'raid-quantum-reef',
    kind: 'raid',
    hostId: 'sim-a',
    memberIds: ids,
  });
  return { matchId, ids, me: ids[0]! };
}

describe('raid router', () => {
  it('needs a session', async () => {
    const c = anonCaller(testDeps(db));
    expect(await rejection(c.raid.syncToken({ characterId: 'x' }))).toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('gives a member its raid token; the ticket says the character is in a raid', async () => {
    const deps = testDeps(db);
    const { user, caller } = await signedIn(deps, db);
    const { matchId, ids, me } = await raidWith(deps, user.id);
    const entered = await caller.character.enter({ characterId: me });
    expect(entered.raid).toBe(true);
    const minted = await caller.raid.syncToken({ characterId: me });
    expect(minted.matchId).toBe(matchId);
    const claims = await verifyQuantumSyncToken(
      deps,
      new MemoryJtiStore(deps.clock),
      minted.token,
      {
        matchId,
        characterId: me,
        memberIds: ids,
      },
    );
    expect(claims.characterId).toBe(me);
  });

  it('refuses non-members (FORBIDDEN), other accounts (NOT_FOUND) and bad input (BAD_REQUEST)', async () => {
    const deps = testDeps(db);
    const a = await signedIn(deps, db);
    const { me } = await raidWith(deps, a.user.id);
    const b = await signedIn(deps, db);
    const loner = await createTestCharacter(db, b.user.id);
    expect(await rejection(b.caller.raid.syncToken({ characterId: loner.id }))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'This character is not in a raid group right now.',
    });
    // an open-world ticket does not mention raids
    expect((await b.caller.character.enter({ characterId: loner.id })).raid).toBeUndefined();
    expect(await rejection(b.caller.raid.syncToken({ characterId: me }))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Character not found',
    });
    for (const bad of [{ characterId: '' }, {}, { characterId: 'x'.repeat(5000) }])
      expect(
        await rejection(b.caller.raid.syncToken(bad as { characterId: string })),
      ).toMatchObject({ code: 'BAD_REQUEST' });
  });
});
