// Keeping the leaderboards true against real Redis and PostgreSQL: unlisted rows
// (deleted characters, banned accounts), a board rebuilt after its key is deleted, one
// rebuild at a time, and the boards fed by domain events (the outbox subscriber) and by
// the minute job. This file has a database of its own (OUTBOX_TEST_DATABASES), apart
// from leaderboard-reads.test.ts: every test empties it.
import { describe, expect, it, vi } from 'vitest';
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
import { refreshLeaderboards } from './refresh-job';
import { refreshSubjects } from './refresh-subjects';
import { readLeaderboard, readLeaderboardAround, readLeaderboardRanks } from './read-leaderboards';
import { rebuildBoard, rebuildMissingBoards, settleLeaderboardRebuilds } from './rebuild-board';
import { boardKeys } from './redis-boards';
import { boardsPerTest, drainBoards, names, runner, sameAnswer } from './test-helpers';

const db = outboxTestDb('gameLeaderboardsUpdates', 8);

let deps: TestDeps & { redis: Redis };
const bothPaths = boardsPerTest(db, (d) => ({ deps } = d));

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

  it('a cursor or sweep time it cannot read: the minute job starts them again, and says so', async () => {
    const a = await runner(db, { eddies: 100 });
    await refreshLeaderboards(deps);
    // another version's, or an operator's hand
    await deps.redis.set('lb:ledger-cursor', '12abc');
    await deps.redis.set('lb:ban-sweep', '{"at":1}');
    const warn = vi.spyOn(deps.log, 'warn');
    await db.$transaction((tx) =>
      recordCurrency(tx, { reason: 'admin', characterId: a.id, delta: 500 }),
    );
    // as a first run: from the newest ledger entry on, from now on for bans
    expect(await refreshLeaderboards(deps)).toMatchObject({ wealth: 0, unbanned: 0 });
    expect(warn.mock.calls.map(([o]) => (o as { key: string }).key).sort()).toEqual([
      'lb:ban-sweep',
      'lb:ledger-cursor',
    ]);
    const [newest] = await db.$queryRaw<
      { id: bigint }[]
    >`SELECT max("id") AS "id" FROM "LedgerEntry"`;
    expect(await deps.redis.get('lb:ledger-cursor')).toBe(String(newest!.id));
    expect(await deps.redis.get('lb:ban-sweep')).toBe(String(deps.clock.ms()));
    await db.$transaction((tx) =>
      recordCurrency(tx, { reason: 'admin', characterId: a.id, delta: 1 }),
    );
    expect(await refreshLeaderboards(deps)).toMatchObject({ wealth: 1 });
  });
});
