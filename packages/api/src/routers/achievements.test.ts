// Achievements through the API: the signed-in player's character's progress, points
// and titles; a title set only once earned and cleared with null; someone else's
// character is NOT_FOUND; bad input is BAD_REQUEST.
import { afterAll, describe, expect, it } from 'vitest';
import { ACHIEVEMENTS } from '@necp/shared';
import { createTestCharacter, uniq } from '@necp/db/testing';
import { recordAchievementFact } from '@necp/game';
import { rejection, signedIn, testDb, testDeps } from '../testing';

const db = testDb();
afterAll(() => db.$disconnect());

describe('achievements router', () => {
  it('mine lists progress and points; setTitle takes an earned title or null', async () => {
    const deps = testDeps(db);
    const a = await signedIn(deps, db);
    const ca = await createTestCharacter(db, a.user.id);

    let mine = await a.caller.achievements.mine({ characterId: ca.id });
    expect(mine).toMatchObject({ characterId: ca.id, points: 0, title: null, titles: [] });
    expect(mine.achievements).toHaveLength(ACHIEVEMENTS.length);
    expect(
      await rejection(
        a.caller.achievements.setTitle({ characterId: ca.id, titleId: 'title_connected' }),
      ),
    ).toMatchObject({ code: 'PRECONDITION_FAILED' });

    // ten friends at once (what a friend.added event credits)
    await db.$transaction((tx) =>
      recordAchievementFact(tx, {
        now: deps.clock.now(),
        characterId: ca.id,
        fact: { kind: 'friends', count: 10 },
        eventKey: uniq('api-ach:'),
      }),
    );
    mine = await a.caller.achievements.mine({ characterId: ca.id });
    expect(mine.points).toBe(15);
    expect(mine.titles.map((t) => t.id)).toEqual(['title_connected']);

    expect(
      await a.caller.achievements.setTitle({ characterId: ca.id, titleId: 'title_connected' }),
    ).toEqual({ title: { id: 'title_connected', text: 'the Connected' } });
    expect((await a.caller.achievements.mine({ characterId: ca.id })).title?.text).toBe(
      'the Connected',
    );
    expect(await a.caller.achievements.setTitle({ characterId: ca.id, titleId: null })).toEqual({
      title: null,
    });
    expect((await a.caller.achievements.mine({ characterId: ca.id })).title).toBeNull();
  });

  it("another account's character is NOT_FOUND; bad input is BAD_REQUEST", async () => {
    const deps = testDeps(db);
    const a = await signedIn(deps, db);
    const b = await signedIn(deps, db);
    const cb = await createTestCharacter(db, b.user.id);
    await db.$transaction((tx) =>
      recordAchievementFact(tx, {
        now: deps.clock.now(),
        characterId: cb.id,
        fact: { kind: 'friends', count: 10 },
        eventKey: uniq('api-ach:'),
      }),
    );

    expect(await rejection(a.caller.achievements.mine({ characterId: cb.id }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await rejection(
        a.caller.achievements.setTitle({ characterId: cb.id, titleId: 'title_connected' }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect((await db.character.findUniqueOrThrow({ where: { id: cb.id } })).titleId).toBeNull();

    for (const bad of [
      { characterId: cb.id, titleId: 'Title With Spaces' },
      { characterId: cb.id, titleId: 'a\u0000' },
      { characterId: cb.id },
      { characterId: '', titleId: null },
    ])
      expect(await rejection(b.caller.achievements.setTitle(bad as never))).toMatchObject({
        code: 'BAD_REQUEST',
      });
    expect(
      await rejection(b.caller.achievements.mine({ characterId: 'x'.repeat(100) })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(
      await rejection(
        b.caller.achievements.setTitle({ characterId: cb.id, titleId: 'title_nope' }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });
});
