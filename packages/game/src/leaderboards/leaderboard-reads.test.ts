// Reading the leaderboards against real Redis and PostgreSQL: order and ties, class
// boards, paging, "around me" at both ends, standings on every board, the no-Redis path
// giving the same answers, a public profile, bad input, and the PostgreSQL reads at scale.
// A board ranks every character of its database: this file has one of its own
// (OUTBOX_TEST_DATABASES), which every test empties.
import { describe, expect, it } from 'vitest';
import { LEADERBOARD_KEYS } from '@necp/shared';
import { uniq } from '@necp/db/testing';
import type { Redis } from 'ioredis';
import { expectDomainError, outboxTestDb, type TestDeps } from '../accounts/test-deps';
import { recordAchievementFact } from '../achievements/record-progress';
import { readPublicProfile } from './read-public-profile';
import { readLeaderboard, readLeaderboardAround, readLeaderboardRanks } from './read-leaderboards';
import { rebuildBoard, rebuildMissingBoards } from './rebuild-board';
import { boardSource } from './board-registry';
import { pgStandings, readAllSubjects } from './pg-boards';
import { boardsPerTest, guildOf, names, runner, type Runner } from './test-helpers';

const db = outboxTestDb('gameLeaderboards', 8);

let deps: TestDeps & { redis: Redis };
let noRedis: TestDeps;
const bothPaths = boardsPerTest(db, (d) => ({ deps, noRedis } = d));

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
