// Each criterion kind progresses and completes through the `achievements` outbox
// subscriber: kills (any, rank, template, faction, every killer), levels, quests and
// chains, legendary pickups, dungeon and raid clears, arena wins, and the social ones
// published by the domain itself (party.joined, guild.member_joined, friend.added).
import { afterAll, describe, expect, it } from 'vitest';
import { testDb, testDeps } from '../accounts/test-deps';
import { acceptFriend, requestFriend } from '../friends/friends';
import { foundGuild } from '../guild/test-helpers';
import { acceptPartyInvite, inviteToParty } from '../party/party';
import {
  deliverAll,
  earnedIds,
  killEvent,
  newPlayer,
  outboxEvent,
  pointsOf,
  progressOf,
  published,
  toasts,
} from './test-helpers';

const db = testDb();
afterAll(() => db.$disconnect());

const nameOf = async (id: string) => (await db.character.findUniqueOrThrow({ where: { id } })).name;

describe('achievement criteria', () => {
  it('kills credit every killer: any, by rank, by template and by faction', async () => {
    const a = await newPlayer(db);
    const b = await newPlayer(db);
    await deliverAll(db, [
      killEvent([a, b], 'royce', { rank: 'boss' }),
      killEvent([a], 'maelstrom_enforcer', { rank: 'elite' }),
    ]);
    expect(await earnedIds(db, a.characterId)).toEqual([
      'ach_boss_first',
      'ach_elite_first',
      'ach_first_blood',
      'ach_royce',
    ]);
    expect(await earnedIds(db, b.characterId)).toEqual([
      'ach_boss_first',
      'ach_first_blood',
      'ach_royce',
    ]);
    expect((await progressOf(db, a.characterId, 'ach_kills_100'))?.progress).toBe(2);
    expect((await progressOf(db, a.characterId, 'ach_maelstrom_50'))?.progress).toBe(2);
    expect((await progressOf(db, b.characterId, 'ach_maelstrom_50'))?.progress).toBe(1);
    expect(await progressOf(db, a.characterId, 'ach_tyger_claws_50')).toBeNull();
    // 5 + 10 + 10 + 25; each earned one told the player
    expect(await pointsOf(db, a.characterId)).toBe(50);
    expect(await pointsOf(db, b.characterId)).toBe(40);
    expect(await toasts(db, a.characterId)).toEqual([
      'Achievement earned: Above Your Pay Grade',
      'Achievement earned: First Blood',
      'Achievement earned: The Bigger They Come',
      'Achievement earned: Under New Management',
    ]);
    const n = await db.notification.findFirstOrThrow({
      where: { characterId: a.characterId, title: 'Achievement earned: Under New Management' },
    });
    expect(n.body).toContain('+25 points');
    const pushed = await db.outboxEvent.findUnique({
      where: { key: `notification.created:${n.id}` },
    });
    expect(pushed?.payload).toMatchObject({ characterId: a.characterId, kind: 'achievement' });
  });

  it('counts to the target and stops there', async () => {
    const a = await newPlayer(db);
    const kills = Array.from({ length: 26 }, () => killEvent([a], 'security_drone_mk1'));
    await deliverAll(db, kills);
    const drones = await progressOf(db, a.characterId, 'ach_drones_25');
    expect(drones).toMatchObject({ progress: 25 });
    expect(drones?.completedAt).not.toBeNull();
    expect((await progressOf(db, a.characterId, 'ach_kills_100'))?.progress).toBe(26);
    expect(await pointsOf(db, a.characterId)).toBe(5 + 10);
  });

  it('levels follow the highest level reached', async () => {
    const a = await newPlayer(db);
    const leveled = (level: number) =>
      outboxEvent('character.leveled', {
        characterId: a.characterId,
        level,
        previousLevel: level - 1,
      });
    await deliverAll(db, [leveled(4), leveled(7), leveled(6)]);
    expect(await earnedIds(db, a.characterId)).toEqual(['ach_level_5']);
    expect((await progressOf(db, a.characterId, 'ach_level_10'))?.progress).toBe(7);
    await deliverAll(db, [leveled(10)]);
    expect(await earnedIds(db, a.characterId)).toEqual(['ach_level_10', 'ach_level_5']);
  });

  it('quests: any turned in, one named quest, and a chain by its last step', async () => {
    const a = await newPlayer(db);
    const done = (questId: string) =>
      outboxEvent('quest.completed', {
        characterId: a.characterId,
        questId,
        periodKey: 'once',
        xp: 100,
        eddies: 10,
      });
    await deliverAll(db, [done('q_street_cred'), done('q_bitw_rumor')]);
    expect(await earnedIds(db, a.characterId)).toEqual(['ach_first_gig', 'ach_street_cred']);
    expect(await progressOf(db, a.characterId, 'ach_blood_in_the_water')).toBeNull();
    await deliverAll(db, [done('q_bitw_finale')]);
    expect(await earnedIds(db, a.characterId)).toContain('ach_blood_in_the_water');
    expect((await progressOf(db, a.characterId, 'ach_gigs_10'))?.progress).toBe(3);
  });

  it('a legendary pickup is the first legendary (and rare and epic); a common one counts for none', async () => {
    const a = await newPlayer(db);
    const pickup = (templateId: string) =>
      outboxEvent('item.picked_up', {
        characterId: a.characterId,
        itemId: `item-${templateId}`,
        templateId,
        quantity: 1,
        zoneId: 'watson',
      });
    await deliverAll(db, [pickup('stim_basic')]);
    expect(await db.characterAchievement.count({ where: { characterId: a.characterId } })).toBe(0);
    await deliverAll(db, [pickup('pistol_malorian')]);
    expect(await earnedIds(db, a.characterId)).toEqual([
      'ach_first_legendary',
      'ach_rare_find',
      'ach_top_shelf',
    ]);
    expect((await progressOf(db, a.characterId, 'ach_legendary_hoard'))?.progress).toBe(1);
  });

  it('dungeon and raid clears credit everyone inside; arena wins only the winners, by bracket', async () => {
    const [a, b, c] = await Promise.all([newPlayer(db), newPlayer(db), newPlayer(db)]);
    const ids = [a.characterId, b.characterId];
    await deliverAll(db, [
      outboxEvent('dungeon.cleared', {
        instanceId: 'i1',
        dungeonId: 'd_sewers',
        characterIds: ids,
      }),
      outboxEvent('raid.cleared', { instanceId: 'i2', raidId: 'r_tower', characterIds: ids }),
      outboxEvent('arena.match_finished', {
        matchId: 'm1',
        bracket: '1v1',
        winners: [a.characterId],
        losers: [c.characterId],
      }),
      outboxEvent('arena.match_finished', {
        matchId: 'm2',
        bracket: '3v3',
        winners: [a.characterId, b.characterId],
        losers: [c.characterId],
      }),
    ]);
    expect(await earnedIds(db, a.characterId)).toEqual([
      'ach_arena_first',
      'ach_dungeon_first',
      'ach_raid_first',
    ]);
    expect(await earnedIds(db, b.characterId)).toEqual([
      'ach_arena_first',
      'ach_dungeon_first',
      'ach_raid_first',
    ]);
    expect(await earnedIds(db, c.characterId)).toEqual([]);
    expect((await progressOf(db, a.characterId, 'ach_arena_duelist'))?.progress).toBe(1);
    expect((await progressOf(db, a.characterId, 'ach_arena_crew'))?.progress).toBe(1);
    expect((await progressOf(db, b.characterId, 'ach_arena_duelist'))?.progress ?? 0).toBe(0);
    expect((await progressOf(db, a.characterId, 'ach_arena_100'))?.progress).toBe(2);
  });

  it('joining a party credits the inviter who founded it and the one who joined', async () => {
    const deps = testDeps(db);
    const [a, b] = await Promise.all([newPlayer(db), newPlayer(db)]);
    const inv = await inviteToParty(deps, {
      characterId: a.characterId,
      name: await nameOf(b.characterId),
    });
    const { party } = await acceptPartyInvite(deps, {
      characterId: b.characterId,
      inviteId: inv.inviteId!,
    });
    const events = await published(db, `party.joined:${party.id}:`);
    expect(events.map((e) => e.payload)).toEqual([
      { partyId: party.id, characterId: a.characterId },
      { partyId: party.id, characterId: b.characterId },
    ]);
    await deliverAll(db, events);
    for (const p of [a, b]) expect(await earnedIds(db, p.characterId)).toEqual(['ach_first_party']);
  });

  it('founding (or joining) a guild earns Found Family', async () => {
    const deps = testDeps(db);
    const g = await foundGuild(deps);
    await deliverAll(db, await published(db, `guild.member_joined:${g.leader.id}:`));
    expect(await earnedIds(db, g.leader.id)).toEqual(['ach_guild_joined']);
  });

  it('a friendship credits both ends with their friend counts', async () => {
    const deps = testDeps(db);
    const [a, b] = await Promise.all([newPlayer(db), newPlayer(db)]);
    await requestFriend(deps, { characterId: a.characterId, name: await nameOf(b.characterId) });
    const req = await db.friendRequest.findFirstOrThrow({ where: { fromId: a.characterId } });
    await acceptFriend(deps, { characterId: b.characterId, requestId: req.id });
    const [added] = await published(db, `friend.added:${b.characterId}:${a.characterId}:`);
    expect(added?.payload).toEqual({
      characters: [
        { characterId: b.characterId, friends: 1 },
        { characterId: a.characterId, friends: 1 },
      ],
    });
    await deliverAll(db, [added!]);
    for (const p of [a, b])
      expect(await earnedIds(db, p.characterId)).toEqual(['ach_first_friend']);
    expect((await progressOf(db, a.characterId, 'ach_friends_10'))?.progress).toBe(1);

    // ten at once: Well Connected
    await deliverAll(db, [
      outboxEvent('friend.added', {
        characters: [
          { characterId: a.characterId, friends: 10 },
          { characterId: b.characterId, friends: 2 },
        ],
      }),
    ]);
    expect(await earnedIds(db, a.characterId)).toEqual(['ach_first_friend', 'ach_friends_10']);
    expect((await progressOf(db, b.characterId, 'ach_friends_10'))?.progress).toBe(2);
  });

  it("a deleted character's credit is skipped", async () => {
    const a = await newPlayer(db);
    const gone = await newPlayer(db);
    await db.character.update({ where: { id: gone.characterId }, data: { deletedAt: new Date() } });
    await deliverAll(db, [killEvent([a, gone], 'watson_scavenger')]);
    expect(await earnedIds(db, a.characterId)).toEqual(['ach_first_blood']);
    expect(await db.characterAchievement.count({ where: { characterId: gone.characterId } })).toBe(
      0,
    );
  });
});
