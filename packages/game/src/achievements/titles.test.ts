// Reading a character's achievements (progress, points, titles earned, hidden ones
// veiled) and choosing the title it shows: only an earned one; null clears it.
import { afterAll, describe, expect, it } from 'vitest';
import { ACHIEVEMENTS } from '@necp/shared';
import { expectDomainError, testDb, testDeps } from '../accounts/test-deps';
import { loadCharacterForSim } from '../world/load-character';
import { loadSimEntry } from '../world/sim-entry';
import { readAchievements } from './read-achievements';
import { setAchievementTitle } from './set-title';
import { deliverAll, newPlayer, outboxEvent, published } from './test-helpers';

const db = testDb();
afterAll(() => db.$disconnect());

const friends = (characterId: string, count: number, other: string) =>
  outboxEvent('friend.added', {
    characters: [
      { characterId, friends: count },
      { characterId: other, friends: 1 },
    ],
  });

describe('achievement titles', () => {
  it('a title can be shown only once unlocked; null clears it', async () => {
    const deps = testDeps(db);
    const [a, b] = await Promise.all([newPlayer(db), newPlayer(db)]);
    const set = (titleId: string | null) =>
      setAchievementTitle(deps, { characterId: a.characterId, titleId });

    await expectDomainError(set('title_connected'), 'INVALID_STATE');
    await expectDomainError(set('title_no_such_thing'), 'NOT_FOUND');
    await deliverAll(db, [friends(a.characterId, 9, b.characterId)]);
    await expectDomainError(set('title_connected'), 'INVALID_STATE');

    await deliverAll(db, [friends(a.characterId, 10, b.characterId)]);
    expect(await set('title_connected')).toEqual({
      title: { id: 'title_connected', text: 'the Connected' },
    });
    // another character's unlocked title is not this one's
    await expectDomainError(
      setAchievementTitle(deps, { characterId: b.characterId, titleId: 'title_connected' }),
      'INVALID_STATE',
    );
    let view = await readAchievements(deps, a.characterId);
    expect(view.title).toEqual({ id: 'title_connected', text: 'the Connected' });
    expect(view.titles).toEqual([
      { id: 'title_connected', text: 'the Connected', achievementId: 'ach_friends_10' },
    ]);

    expect(await set(null)).toEqual({ title: null });
    view = await readAchievements(deps, a.characterId);
    expect(view.title).toBeNull();
    expect((await db.character.findUniqueOrThrow({ where: { id: a.characterId } })).titleId).toBe(
      null,
    );
  });

  it('lists every definition with progress and points; hidden ones stay veiled until earned', async () => {
    const deps = testDeps(db);
    const a = await newPlayer(db);
    await deliverAll(db, [
      outboxEvent('character.leveled', { characterId: a.characterId, level: 6, previousLevel: 5 }),
    ]);
    const view = await readAchievements(deps, a.characterId);
    expect(view.achievements).toHaveLength(ACHIEVEMENTS.length);
    expect(view.points).toBe(5);
    const byId = new Map(view.achievements.map((x) => [x.id, x]));
    expect(byId.get('ach_level_5')).toMatchObject({
      name: 'No Longer a Gonk',
      progress: 5,
      target: 5,
      completedAt: deps.clock.ms(),
    });
    expect(byId.get('ach_level_10')).toMatchObject({ progress: 6, target: 10, completedAt: null });
    expect(byId.get('ach_legendary_hoard')).toMatchObject({
      name: '???',
      hidden: true,
      title: null,
      progress: 0,
      target: 5,
    });
    expect(byId.get('ach_level_20')?.title).toEqual({ id: 'title_edgerunner', text: 'Edgerunner' });

    await db.character.update({ where: { id: a.characterId }, data: { deletedAt: new Date() } });
    await expectDomainError(readAchievements(deps, a.characterId), 'NOT_FOUND');
  });

  it('a choice tells the sim (character.title_changed in its transaction); the entry read shows the text', async () => {
    const deps = testDeps(db);
    const [a, b] = await Promise.all([newPlayer(db), newPlayer(db)]);
    const changes = () => published(db, `character.title_changed:${a.characterId}:`);
    const entryTitle = async () => {
      const u = await db.user.findUniqueOrThrow({ where: { id: a.userId } });
      const entry = await loadSimEntry(deps, {
        ...a.ref,
        sessionVersion: u.sessionVersion,
      });
      return entry.character.title;
    };
    expect(await entryTitle()).toBeNull();

    // refused: nothing is published
    await expectDomainError(
      setAchievementTitle(deps, { characterId: a.characterId, titleId: 'title_connected' }),
      'INVALID_STATE',
    );
    expect(await changes()).toEqual([]);

    await deliverAll(db, [friends(a.characterId, 10, b.characterId)]);
    await setAchievementTitle(deps, { characterId: a.characterId, titleId: 'title_connected' });
    let events = await changes();
    expect(events.map((e) => e.payload)).toEqual([{ characterId: a.characterId }]);
    expect(await entryTitle()).toBe('the Connected');
    expect((await loadCharacterForSim(deps, a.ref)).title).toBe('the Connected');

    await setAchievementTitle(deps, { characterId: a.characterId, titleId: null });
    events = await changes();
    expect(events).toHaveLength(2);
    expect(await entryTitle()).toBeNull();
  });

  it('a choice retried publishes once; another choice, or back, publishes again', async () => {
    const deps = testDeps(db);
    const [a, b] = await Promise.all([newPlayer(db), newPlayer(db)]);
    const set = (titleId: string | null) =>
      setAchievementTitle(deps, { characterId: a.characterId, titleId });
    const changes = async () =>
      (await published(db, `character.title_changed:${a.characterId}:`)).length;
    await deliverAll(db, [friends(a.characterId, 10, b.characterId)]);
    await set('title_connected');
    await set('title_connected');
    expect(await changes()).toBe(1);
    await set(null);
    await set(null);
    expect(await changes()).toBe(2);
    await set('title_connected');
    expect(await changes()).toBe(3);
    expect(await loadCharacterForSim(deps, a.ref)).toMatchObject({ title: 'the Connected' });
  });
});
