import { afterAll, describe, expect, it } from 'vitest';
import { createTestCharacter } from '@necp/db/testing';
import { checkInvariants } from '@necp/game';
import { contactById } from '@necp/shared';
import { anonCaller, rejection, signedIn, testDb, testDeps } from '../testing';

const db = testDb();
const deps = testDeps(db);
afterAll(() => db.$disconnect());

const near = (contactId: string) => {
  const c = contactById(contactId)!;
  return { x: c.x + 1, y: c.y };
};

async function player(contactId = 'regina') {
  const s = await signedIn(deps, db);
  const c = await createTestCharacter(db, s.user.id, near(contactId));
  return { ...s, characterId: c.id };
}

describe('quests router', () => {
  it('requires a session for every procedure', async () => {
    const c = anonCaller(deps);
    for (const call of [
      () => c.quests.log({ characterId: 'x' }),
      () => c.quests.accept({ characterId: 'x', questId: 'q_street_cred', contactId: 'regina' }),
      () => c.quests.abandon({ characterId: 'x', questId: 'q_street_cred' }),
      () => c.quests.turnIn({ characterId: 'x', questId: 'q_street_cred', contactId: 'regina' }),
      () => c.quests.reportAction({ characterId: 'x', action: 'party' }),
    ])
      expect(await rejection(call())).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('accept → log → abandon → accept → turn-in, with the reward choice', async () => {
    const p = await player();
    const { characterId } = p;
    let log = await p.caller.quests.log({ characterId });
    expect(log.markers.regina).toBe('!');

    const r = await p.caller.quests.accept({
      characterId,
      questId: 'q_punk_problem',
      contactId: 'regina',
    });
    expect(r.quest.status).toBe('active');
    expect(
      await rejection(
        p.caller.quests.accept({ characterId, questId: 'q_punk_problem', contactId: 'regina' }),
      ),
    ).toMatchObject({ code: 'PRECONDITION_FAILED', message: 'You are already on this job' });
    log = await p.caller.quests.log({ characterId });
    expect(log.active.map((q) => q.id)).toEqual(['q_punk_problem']);

    expect(
      (await p.caller.quests.abandon({ characterId, questId: 'q_punk_problem' })).quest.status,
    ).toBe('abandoned');
    await p.caller.quests.accept({ characterId, questId: 'q_punk_problem', contactId: 'regina' });
    // the kills happen in the sim; here the run is made ready by hand
    await db.characterQuest.updateMany({
      where: { characterId, questId: 'q_punk_problem' },
      data: { state: 'ready', progress: { punks: 5 } },
    });
    expect(
      await rejection(
        p.caller.quests.turnIn({ characterId, questId: 'q_punk_problem', contactId: 'regina' }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', message: 'Pick one of the rewards' });
    const done = await p.caller.quests.turnIn({
      characterId,
      questId: 'q_punk_problem',
      contactId: 'regina',
      choice: 'machete_scrap',
    });
    expect(done).toMatchObject({
      eddies: 80,
      xpGained: 250,
      items: [{ templateId: 'machete_scrap' }],
    });
    expect((await p.caller.quests.log({ characterId })).completedCount).toBe(1);
    expect(
      await checkInvariants(db, { characterIds: [characterId], userIds: [p.user.id] }),
    ).toEqual([]);
  });

  it("gives another account NOT_FOUND for A's character, FORBIDDEN away from the contact", async () => {
    const a = await player();
    const b = await player();
    for (const call of [
      () => b.caller.quests.log({ characterId: a.characterId }),
      () =>
        b.caller.quests.accept({
          characterId: a.characterId,
          questId: 'q_street_cred',
          contactId: 'regina',
        }),
      () => b.caller.quests.abandon({ characterId: a.characterId, questId: 'q_street_cred' }),
      () =>
        b.caller.quests.turnIn({
          characterId: a.characterId,
          questId: 'q_street_cred',
          contactId: 'regina',
        }),
    ])
      expect(await rejection(call())).toMatchObject({
        code: 'NOT_FOUND',
        message: 'Character not found',
      });
    expect(
      await rejection(
        a.caller.quests.accept({
          characterId: a.characterId,
          questId: 'q_claws_truce',
          contactId: 'jun',
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN', message: 'You need to be next to Jun Nakamura' });
    expect(await db.characterQuest.count({ where: { characterId: a.characterId } })).toBe(0);
  });

  it('rejects malformed input before the domain runs', async () => {
    const p = await player();
    for (const bad of [
      { characterId: p.characterId, questId: 'street_cred', contactId: 'regina' },
      { characterId: p.characterId, questId: 'q_street_cred', contactId: 'Regina Jones' },
      { characterId: p.characterId, questId: 'q_' + 'x'.repeat(80), contactId: 'regina' },
      { characterId: '', questId: 'q_street_cred', contactId: 'regina' },
    ])
      expect(await rejection(p.caller.quests.accept(bad))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(
      await rejection(
        p.caller.quests.turnIn({
          characterId: p.characterId,
          questId: 'q_street_cred',
          contactId: 'regina',
          choice: 'Not An Id',
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    expect(
      await rejection(
        p.caller.quests.accept({
          characterId: p.characterId,
          questId: 'q_nope',
          contactId: 'regina',
        }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND', message: 'Unknown quest' });
  });

  it('reportAction: only what the client alone sees, for your own character, counted only when open', async () => {
    const p = await player();
    const other = await player();
    const { characterId } = p;
    // a character with no welcome quest (made before it existed): nothing counts
    expect(await p.caller.quests.reportAction({ characterId, action: 'party' })).toEqual({
      counted: false,
    });
    for (const bad of [
      { characterId, action: 'chat' },
      { characterId, action: 'PARTY' },
      { characterId, action: '' },
      { characterId: 'a\u0000b', action: 'party' },
      { characterId: '', action: 'party' },
    ])
      expect(
        await rejection(
          p.caller.quests.reportAction(bad as { characterId: string; action: 'party' }),
        ),
      ).toMatchObject({ code: 'BAD_REQUEST' });
    expect(
      await rejection(other.caller.quests.reportAction({ characterId, action: 'party' })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await db.outboxEvent.count({
        where: { type: 'quest.action', payload: { path: ['characterId'], equals: characterId } },
      }),
    ).toBe(0);
  });
});
