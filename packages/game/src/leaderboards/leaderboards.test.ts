// The leaderboards against real Redis and PostgreSQL: order and ties, class boards,
// paging, "around me" at both ends, standings on every board, the no-Redis path giving
// the same answers, a board rebuilt after its key is deleted, unlisted rows, bad input.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEADERBOARD_KEYS, levelBoardScore, totalXpForLevel } from '@necp/shared';
import { createTestUser, uniq } from '@necp/db/testing';
import type { Redis } from 'ioredis';
import { expectDomainError, outboxTestDb, type TestDeps } from '../accounts/test-deps';
import { recordAchievementFact } from '../achievements/record-progress';
import { createCharacter } from '../characters/create-character';
import { deleteCharacter } from '../characters/delete-character';
import { restoreCharacter } from '../characters/restore-character';
import { char, foundGuild, join } from '../guild/test-helpers';
import { leaveGuild } from '../guild/guild-membership';
import { recordCurrency } from '../ledger/record-currency';
import { banAccount } from '../moderation/ban-account';
import { unbanAccount } from '../moderation/unban-account';
import { grantXp } from '../progression/grant-xp';
import { readPublicProfile } from './read-public-profile';
import { refreshLeaderboards } from './refresh-job';
import { refreshSubjects } from './refresh-subjects';
import { readLeaderboard, readLeaderboardAround, readLeaderboardRanks } from './read-leaderboards';
import { rebuildBoard, rebuildMissingBoards, settleLeaderboardRebuilds } from './rebuild-board';
import { boardKeys } from './redis-boards';
import { boardSource } from './board-registry';
import { pgStandings, readAllSubjects } from './pg-boards';
import {
  boardDeps,
  disposeBoards,
  drainBoards,
  emptyWorld,
  guildOf,
  names,
  runner,
  sameAnswer,
  type Runner,
} from './test-helpers';

const db = outboxTestDb('gameLeaderboards', 8);

let deps: TestDeps & { redis: Redis };
let noRedis: TestDeps;

beforeEach(async () => {
  await emptyWorld(db);
  ({ deps, noRedis } = boardDeps(db));
});
afterEach(async () => {
  await settleLeaderboardRebuilds();
  await disposeBoards(deps);
});

/** The same read with Redis (after a rebuild) and without: equal answers. */
async function bothPaths<T extends { source: 'redis' | 'postgres' | 'archive' }>(
  read: (d: TestDeps) => Promise<T>,
): Promise<T> {
  const viaRedis = await read(deps);
  const viaPg = await read(noRedis);
  expect(viaRedis.source).toBe('redis');
  expect(viaPg.source).toBe('postgres');
  expect(sameAnswer(viaRedis)).toEqual(sameAnswer(viaPg));
  return viaRedis;
}

describe('leaderboard order', () => {
  it('ranks by level then XP; equal scores share a rank and list by id; both paths agree', async () => {
    const a = await runner(db, { level: 10, xp: 5000 });
    const b = await runner(db, { level: 10, xp: 6000 });
    const c = await runner(db, { level: 12, xp: 100 });
    const d = await runner(db, { level: 10, xp: 5000 });
    const e = await runner(db, { level: 1 });
    await rebuildMissingBoards(deps);

    const page = await bothPaths((x) => readLeaderboard(x, { board: 'level' }));
    const [first, second] = [a, d].toSorted((x, y) => (x.id < y.id ? -1 : 1)) as [Runner, Runner];
    expect(names(page.rows)).toEqual([c.name, b.name, first.name, second.name, e.name]);
    expect(page.rows.map((r) => r.rank)).toEqual([1, 2, 3, 3, 5]);
    expect(page.rows.map((r) => r.position)).toEqual([1, 2, 3, 4, 5]);
    expect(page.rows[0]).toMatchObject({
      id: c.id,
      class: 'solo',
      level: 12,
      value: 12,
      detail: 100,
      guildTag: null,
      title: null,
    });
    expect(page.total).toBe(5);
  });

  it('ranks achievement points and wealth; the guild board by the sum of listed members’ levels', async () => {
    const rich = await runner(db, { eddies: 90_000, points: 5 });
    const hero = await runner(db, { eddies: 10, points: 120 });
    const lead = await runner(db, { level: 20 });
    const mate = await runner(db, { level: 15 });
    const solo = await runner(db, { level: 30 });
    await guildOf(db, 'Big Crew', 'BIG', [lead, mate]);
    await guildOf(db, 'Lone Wolf', 'LONE', [solo]);
    await rebuildMissingBoards(deps);

    const points = await bothPaths((x) => readLeaderboard(x, { board: 'achievements' }));
    expect(names(points.rows)).toEqual([hero.name, rich.name]);
    expect(points.rows[0]!.value).toBe(120);
    const wealth = await bothPaths((x) => readLeaderboard(x, { board: 'wealth' }));
    expect(names(wealth.rows)).toEqual([rich.name, hero.name]);
    expect(wealth.rows[0]!.value).toBe(90_000);

    const guilds = await bothPaths((x) => readLeaderboard(x, { board: 'guilds' }));
    expect(guilds.rows.map((r) => [r.name, r.guildTag, r.value, r.detail, r.level])).toEqual([
      ['Big Crew', 'BIG', 35, 2, 1],
      ['Lone Wolf', 'LONE', 30, 1, 1],
    ]);
    // a member's row carries its guild's tag
    const level = await readLeaderboard(deps, { board: 'level' });
    expect(level.rows.find((r) => r.id === mate.id)?.guildTag).toBe('BIG');
  });

  it('class boards rank within the class; pages follow offset and limit', async () => {
    const solos = [];
    for (let i = 0; i < 7; i++) solos.push(await runner(db, { class: 'solo', level: 10 + i }));
    const nets = [];
    for (let i = 0; i < 3; i++) nets.push(await runner(db, { class: 'netrunner', level: 20 + i }));
    await rebuildMissingBoards(deps);

    const net = await bothPaths((x) => readLeaderboard(x, { board: 'level', class: 'netrunner' }));
    expect(names(net.rows)).toEqual(nets.toReversed().map((r) => r.name));
    expect(net.rows.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(net.total).toBe(3);
    expect(net.class).toBe('netrunner');

    const page2 = await bothPaths((x) =>
      readLeaderboard(x, { board: 'level', class: 'solo', offset: 3, limit: 3 }),
    );
    expect(names(page2.rows)).toEqual([solos[3]!.name, solos[2]!.name, solos[1]!.name]);
    expect(page2.rows.map((r) => [r.rank, r.position])).toEqual([
      [4, 4],
      [5, 5],
      [6, 6],
    ]);
    expect(page2.total).toBe(7);

    const all = await bothPaths((x) => readLeaderboard(x, { board: 'level', offset: 8, limit: 5 }));
    expect(all.rows.map((r) => r.position)).toEqual([9, 10]);
    expect(all.total).toBe(10);
    const beyond = await bothPaths((x) => readLeaderboard(x, { board: 'level', offset: 50 }));
    expect(beyond.rows).toEqual([]);
    // an empty class board is built too (its sentinel keeps it from being rebuilt on every read)
    const medtech = await bothPaths((x) =>
      readLeaderboard(x, { board: 'level', class: 'medtech' }),
    );
    expect(medtech).toMatchObject({ rows: [], total: 0 });
  });

  it('around me: k rows each side, cut at the top and the bottom', async () => {
    const rs: Runner[] = [];
    for (let i = 0; i < 7; i++) rs.push(await runner(db, { level: 40 - i }));
    await rebuildMissingBoards(deps);

    const top = await bothPaths((x) =>
      readLeaderboardAround(x, { board: 'level', name: rs[0]!.name, k: 2 }),
    );
    expect(names(top.rows)).toEqual(rs.slice(0, 3).map((r) => r.name));
    expect(top.me).toMatchObject({ id: rs[0]!.id, rank: 1, position: 1 });

    const bottom = await bothPaths((x) =>
      readLeaderboardAround(x, { board: 'level', characterId: rs[6]!.id, k: 2 }),
    );
    expect(names(bottom.rows)).toEqual(rs.slice(4).map((r) => r.name));
    expect(bottom.me).toMatchObject({ rank: 7, position: 7 });

    const middle = await bothPaths((x) =>
      readLeaderboardAround(x, { board: 'level', name: rs[3]!.name.toUpperCase(), k: 2 }),
    );
    expect(names(middle.rows)).toEqual(rs.slice(1, 6).map((r) => r.name));
    expect(middle.rows.map((r) => r.rank)).toEqual([2, 3, 4, 5, 6]);
    expect(middle.total).toBe(7);

    // the guild board is around the character's guild: none → not on it
    const noGuild = await bothPaths((x) =>
      readLeaderboardAround(x, { board: 'guilds', name: rs[3]!.name }),
    );
    expect(noGuild).toMatchObject({ me: null, rows: [] });
  });

  it("a character's standing on every board, overall and in its class", async () => {
    await runner(db, { class: 'solo', level: 30, eddies: 5 });
    await runner(db, { class: 'techie', level: 25, eddies: 500 });
    const me = await runner(db, { class: 'techie', level: 20, eddies: 50, points: 10 });
    await rebuildMissingBoards(deps);

    const viaRedis = await readLeaderboardRanks(deps, { name: me.name });
    const viaPg = await readLeaderboardRanks(noRedis, { characterId: me.id });
    expect(viaRedis).toEqual(viaPg);
    const by = Object.fromEntries(viaRedis.standings.map((s) => [s.board, s]));
    expect(Object.keys(by)).toEqual([...LEADERBOARD_KEYS]);
    expect(by.level).toEqual({
      board: 'level',
      rank: 3,
      total: 3,
      value: 20,
      classRank: 2,
      classTotal: 2,
    });
    expect(by.wealth).toMatchObject({ rank: 2, classRank: 2, value: 50 });
    expect(by.achievements).toMatchObject({ rank: 1, total: 1, classRank: 1, value: 10 });
    expect(by.guilds).toMatchObject({ rank: null, value: null });
  });
});

describe('a public profile', () => {
  it('level, class, title, guild, standings and earned achievements; NOT_FOUND when unlisted', async () => {
    const me = await runner(db, { class: 'netrunner', level: 12, eddies: 70 });
    const mate = await runner(db, { level: 30 });
    await guildOf(db, 'Night Owls', 'OWL', [me, mate]);
    await db.$transaction((tx) =>
      recordAchievementFact(tx, {
        now: deps.clock.now(),
        characterId: me.id,
        fact: { kind: 'friends', count: 10 },
        eventKey: uniq('lb-profile:'),
      }),
    );
    await db.character.update({ where: { id: me.id }, data: { titleId: 'title_connected' } });
    await rebuildMissingBoards(deps);

    const p = await readPublicProfile(deps, me.name.toLowerCase());
    expect(p).toMatchObject({
      characterId: me.id,
      name: me.name,
      class: 'netrunner',
      level: 12,
      title: 'the Connected',
      achievementPoints: 15,
      guild: { name: 'Night Owls', tag: 'OWL' },
    });
    expect(p.achievements.map((a) => a.id).toSorted()).toEqual([
      'ach_first_friend',
      'ach_friends_10',
    ]);
    expect(p.achievements.every((a) => a.completedAt === deps.clock.ms())).toBe(true);
    expect(p.achievementsTotal).toBeGreaterThanOrEqual(40);
    const by = Object.fromEntries(p.standings.map((s) => [s.board, s]));
    expect(by.level).toMatchObject({ rank: 2, total: 2, classRank: 1, classTotal: 1 });
    expect(by.guilds).toMatchObject({ rank: 1, total: 1, value: 42 });
    expect(await readPublicProfile(noRedis, me.name)).toEqual(p);

    await db.character.update({ where: { id: me.id }, data: { deletedAt: deps.clock.now() } });
    await expectDomainError(readPublicProfile(deps, me.name), 'NOT_FOUND');
  });
});

describe('listing and rebuilding', () => {
  it('deleted characters and banned accounts are not listed; a stale Redis row is taken off when read', async () => {
    const a = await runner(db, { level: 9 });
    const b = await runner(db, { level: 8 });
    const c = await runner(db, { level: 7 });
    await rebuildMissingBoards(deps);
    // behind the board's back (no event): b is deleted, c's account banned
    await db.character.update({ where: { id: b.id }, data: { deletedAt: deps.clock.now() } });
    await db.user.update({
      where: { id: c.userId },
      data: { bannedUntil: new Date(deps.clock.ms() + 3_600_000) },
    });

    const page = await bothPaths((x) => readLeaderboard(x, { board: 'level' }));
    expect(names(page.rows)).toEqual([a.name]);
    expect(page.total).toBe(1);
    expect(await deps.redis.zscore(boardKeys('level').all, b.id)).toBeNull();
    expect(await deps.redis.zscore(boardKeys('level').cls('solo'), c.id)).toBeNull();
    await expectDomainError(
      readLeaderboardRanks(deps, { name: b.name }),
      'NOT_FOUND',
      'No runner goes by that name.',
    );
    await expectDomainError(
      readLeaderboardAround(deps, { board: 'level', name: c.name }),
      'NOT_FOUND',
    );

    // the ban runs out: listed again once PostgreSQL is asked (here by a rebuild)
    deps.clock.advance(2 * 3_600_000);
    await rebuildBoard(deps, 'level');
    expect(names((await readLeaderboard(deps, { board: 'level' })).rows)).toEqual([a.name, c.name]);
  });

  it('a deleted Redis key: the read answers from PostgreSQL and the board is rebuilt behind it', async () => {
    const a = await runner(db, { level: 3, class: 'medtech' });
    const b = await runner(db, { level: 5, class: 'medtech' });
    expect(await rebuildBoard(deps, 'level')).toMatchObject({ board: 'level', rows: 2 });
    const before = await readLeaderboard(deps, { board: 'level', class: 'medtech' });
    expect(before.source).toBe('redis');

    await deps.redis.del(boardKeys('level').cls('medtech'));
    const during = await readLeaderboard(deps, { board: 'level', class: 'medtech' });
    expect(during.source).toBe('postgres');
    expect(sameAnswer(during)).toEqual(sameAnswer(before));
    await settleLeaderboardRebuilds();
    const after = await readLeaderboard(deps, { board: 'level', class: 'medtech' });
    expect(after.source).toBe('redis');
    expect(names(after.rows)).toEqual([b.name, a.name]);

    // every board's keys lost: every board is rebuilt by the minute job's first step
    for (const board of LEADERBOARD_KEYS) {
      const k = boardKeys(board);
      await deps.redis.del(
        k.all,
        k.cls('solo'),
        k.cls('medtech'),
        k.cls('netrunner'),
        k.cls('techie'),
      );
    }
    const rebuilt = await rebuildMissingBoards(deps);
    expect(rebuilt.map((r) => r.board)).toEqual([...LEADERBOARD_KEYS]);
    expect((await readLeaderboardRanks(deps, { name: a.name })).standings[0]).toMatchObject({
      rank: 2,
      classRank: 2,
    });
  });

  it('one rebuild of a board at a time; an update during it is noted and kept', async () => {
    const a = await runner(db, { level: 4 });
    await rebuildBoard(deps, 'level');
    const k = boardKeys('level');
    // another process is rebuilding
    await deps.redis.set(k.building, 'someone-else', 'PX', 60_000);
    expect(await rebuildBoard(deps, 'level')).toEqual({ board: 'level', busy: true });
    await db.character.update({ where: { id: a.id }, data: { level: 6 } });
    await db.$transaction((tx) =>
      refreshSubjects(tx, deps.redis, { board: 'level', ids: [a.id], now: deps.clock.now() }),
    );
    expect(await deps.redis.smembers(k.dirty)).toEqual([a.id]);
    expect(Number(await deps.redis.zscore(k.all, a.id))).toBe(-levelBoardScore(6, 0));
  });
});

describe('bad input', () => {
  it('is refused as VALIDATION before anything is read', async () => {
    const bad: unknown[] = [
      { board: 'nope' },
      { board: 'level', offset: -1 },
      { board: 'level', offset: 1.5 },
      { board: 'level', offset: 1_000_001 },
      { board: 'level', limit: 0 },
      { board: 'level', limit: 101 },
      { board: 'level', class: 'wizard' },
      { board: 'level', class: 'a\u0000' },
      { board: 'guilds', class: 'solo' },
      {},
      null,
    ];
    for (const input of bad)
      await expectDomainError(readLeaderboard(deps, input as never), 'VALIDATION');
    for (const input of [
      { board: 'level' },
      { board: 'level', name: 'Ab', k: 2 },
      { board: 'level', name: 'ok-name', characterId: 'x1' },
      { board: 'level', name: 'Valid1', k: 26 },
      { board: 'guilds', class: 'solo', name: 'Valid1' },
    ])
      await expectDomainError(readLeaderboardAround(deps, input as never), 'VALIDATION');
    await expectDomainError(
      readLeaderboardAround(deps, { board: 'level', name: 'NobodyHere' }),
      'NOT_FOUND',
    );
  });
});

describe('fed by domain events (the outbox subscriber) and the minute job', () => {
  it('levels and XP, achievements, created / deleted / restored characters and bans move the character boards', async () => {
    const a = await runner(db, { level: 5, xp: totalXpForLevel(5) });
    const b = await runner(db, { level: 6, xp: totalXpForLevel(6) });
    await rebuildMissingBoards(deps);
    const level = async () => {
      const p = await readLeaderboard(deps, { board: 'level' });
      expect(p.source).toBe('redis');
      return names(p.rows);
    };
    expect(await level()).toEqual([b.name, a.name]);

    // a levels past b (character.leveled)
    await grantXp(deps, {
      characterId: a.id,
      amount: totalXpForLevel(8) - totalXpForLevel(5),
      reason: 'admin',
    });
    await drainBoards(deps);
    expect(await level()).toEqual([a.name, b.name]);
    expect((await readLeaderboard(deps, { board: 'level' })).rows[0]).toMatchObject({
      value: 8,
      detail: totalXpForLevel(8),
    });

    // b earns 10 friends' worth of achievement points (achievement.earned)
    await db.$transaction((tx) =>
      recordAchievementFact(tx, {
        now: deps.clock.now(),
        characterId: b.id,
        fact: { kind: 'friends', count: 10 },
        eventKey: uniq('lb-ach:'),
      }),
    );
    await drainBoards(deps);
    const points = await readLeaderboard(deps, { board: 'achievements' });
    expect(points.rows[0]).toMatchObject({ id: b.id, value: 15, rank: 1 });

    // a new character is listed at once (character.created), in its class board too
    const owner = await createTestUser(db);
    const fresh = await createCharacter(deps, {
      userId: owner.id,
      name: `Nw${uniq('').slice(0, 8)}`,
      origin: 'nomad',
      class: 'techie',
    });
    await drainBoards(deps);
    expect(await level()).toEqual([a.name, b.name, fresh.name]);
    const techies = await readLeaderboard(deps, { board: 'level', class: 'techie' });
    expect(names(techies.rows)).toEqual([fresh.name]);
    // nobody is ranked for holding nothing: no eddies, no points, not on those boards
    expect((await readLeaderboard(deps, { board: 'wealth', class: 'techie' })).rows).toEqual([]);

    // deleted: off every board; restored: back
    await deleteCharacter(deps, { userId: owner.id, characterId: fresh.id });
    await drainBoards(deps);
    expect(await deps.redis.zscore(boardKeys('level').all, fresh.id)).toBeNull();
    expect(await deps.redis.zscore(boardKeys('level').cls('techie'), fresh.id)).toBeNull();
    await restoreCharacter(deps, { userId: owner.id, characterId: fresh.id });
    await drainBoards(deps);
    expect(await level()).toEqual([a.name, b.name, fresh.name]);

    // banned (account.access_changed 'ban'): off; unbanned: back
    const mod = await createTestUser(db, { role: 'MODERATOR' });
    await banAccount(deps, { userId: a.userId, reason: 'botting', actorId: mod.id });
    await drainBoards(deps);
    expect(await deps.redis.zscore(boardKeys('level').all, a.id)).toBeNull();
    expect(await level()).toEqual([b.name, fresh.name]);
    await unbanAccount(deps, { userId: a.userId, actorId: mod.id });
    await drainBoards(deps);
    expect(await level()).toEqual([a.name, b.name, fresh.name]);
  });

  it('the guild board follows joins, leaves and members’ levels', async () => {
    const { leader, guildId, tag } = await foundGuild(deps);
    const other = await foundGuild(deps);
    const recruit = await char(db);
    await db.character.update({
      where: { id: recruit.id },
      data: { level: 3, xp: totalXpForLevel(3) },
    });
    await rebuildMissingBoards(deps);
    const guilds = async () =>
      (await readLeaderboard(deps, { board: 'guilds' })).rows.map((r) => [r.guildTag, r.value]);
    // equal ratings: listed by id
    const byId = [
      [guildId, tag],
      [other.guildId, other.tag],
    ].toSorted((x, y) => (x[0]! < y[0]! ? -1 : 1));
    expect(await guilds()).toEqual(byId.map(([, t]) => [t, 1]));

    await join(deps, leader, recruit);
    await drainBoards(deps);
    expect(await guilds()).toEqual([
      [tag, 4],
      [other.tag, 1],
    ]);
    await grantXp(deps, {
      characterId: recruit.id,
      amount: totalXpForLevel(5) - totalXpForLevel(3),
      reason: 'admin',
    });
    await drainBoards(deps);
    expect(await guilds()).toEqual([
      [tag, 6],
      [other.tag, 1],
    ]);
    await leaveGuild(deps, { characterId: recruit.id });
    await drainBoards(deps);
    expect((await guilds())[0]).toEqual([tag, 1]);
  });

  it('wealth from the ledger, and bans that ran out, are picked up by the minute job', async () => {
    const a = await runner(db, { eddies: 100 });
    const b = await runner(db, { eddies: 200 });
    // the first run builds the boards and starts its cursors
    const first = await refreshLeaderboards(deps);
    expect(first.rebuilt.map((r) => r.board)).toEqual([...LEADERBOARD_KEYS]);
    const wealth = async () =>
      (await readLeaderboard(deps, { board: 'wealth' })).rows.map((r) => [r.name, r.value]);
    expect(await wealth()).toEqual([
      [b.name, 200],
      [a.name, 100],
    ]);

    await db.$transaction((tx) =>
      recordCurrency(tx, { reason: 'admin', characterId: a.id, delta: 500 }),
    );
    const r = await refreshLeaderboards(deps);
    expect(r).toMatchObject({ rebuilt: [], wealth: 1 });
    expect(await wealth()).toEqual([
      [a.name, 600],
      [b.name, 200],
    ]);

    // a one-hour ban: unlisted at once; listed again by the first run after it ends
    const mod = await createTestUser(db, { role: 'MODERATOR' });
    await banAccount(deps, { userId: b.userId, reason: 'spam', durationHours: 1, actorId: mod.id });
    await drainBoards(deps);
    expect((await wealth()).map(([n]) => n)).toEqual([a.name]);
    deps.clock.advance(61 * 60_000);
    expect((await refreshLeaderboards(deps)).unbanned).toBe(1);
    expect((await wealth()).map(([n]) => n)).toEqual([a.name, b.name]);
  });
});

describe('the PostgreSQL reads at scale (docs/perf.md, the leaderboard bench)', () => {
  it('a rebuild copies every listed character once, in batches that follow the primary key', async () => {
    const all = await Promise.all(
      Array.from({ length: 7 }, (_, i) => runner(db, { level: 1 + (i % 3), xp: i })),
    );
    const [banned, deleted] = all;
    await db.user.update({
      where: { id: banned!.userId },
      data: { bannedUntil: new Date(deps.clock.now().getTime() + 3_600_000) },
    });
    await db.character.update({ where: { id: deleted!.id }, data: { deletedAt: new Date() } });
    const seen: string[] = [];
    for await (const batch of readAllSubjects(db, boardSource('level'), deps.clock.now(), 2))
      seen.push(...batch.map((s) => s.id));
    const listed = all.slice(2).map((r) => r.id);
    expect(seen.toSorted()).toEqual(listed.toSorted());
    expect(new Set(seen).size).toBe(seen.length);
    // a ban that ran out lists the account again
    await db.user.update({ where: { id: banned!.userId }, data: { bannedUntil: new Date(0) } });
    const again = await readLeaderboard(noRedis, { board: 'level' });
    expect(again.total).toBe(6);
  });

  it('standings overall and in a class in one pass: none in a class the character is not of', async () => {
    const a = await runner(db, { class: 'solo', level: 5 });
    const b = await runner(db, { class: 'netrunner', level: 9 });
    await runner(db, { class: 'solo', level: 7 });
    const [whole, solo, netrunner] = await pgStandings(
      db,
      boardSource('level'),
      deps.clock.now(),
      [null, 'solo', 'netrunner'],
      a.id,
    );
    expect(whole).toMatchObject({ total: 3, rank: 3 });
    expect(solo).toMatchObject({ total: 2, rank: 2 });
    expect(netrunner).toEqual({ total: 1, score: null, rank: null });
    for (const board of LEADERBOARD_KEYS) await rebuildBoard(deps, board);
    const ranks = await bothPaths(async (d) => ({
      ...(await readLeaderboardRanks(d, { characterId: b.id })),
      source: d.redis ? ('redis' as const) : ('postgres' as const),
    }));
    expect(ranks.standings.find((s) => s.board === 'level')).toMatchObject({
      rank: 1,
      total: 3,
      classRank: 1,
      classTotal: 1,
    });
  });
});
