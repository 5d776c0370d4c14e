/**
 * Test-only helpers for the leaderboard tests (not exported from the package). A
 * board ranks every character of its database, so these tests run on a database of
 * their own (OUTBOX_TEST_DATABASES) that each test empties first, and each test gets
 * Redis keys of its own (a fresh prefix).
 */
import { afterEach, beforeEach, expect } from 'vitest';
import type { Db } from '@necp/db';
import { createTestCharacter, createTestUser, uniqLetters } from '@necp/db/testing';
import type { ClassId, LeaderboardPage, LeaderboardRow } from '@necp/shared';
import type { Redis } from 'ioredis';
import { disposeTestRedis, testDeps, testRedis, type TestDeps } from '../accounts/test-deps';
import { createLog } from '../core/log';
import { drainOutbox } from '../outbox/drain-outbox';
import { OutboxSubscribers } from '../outbox/subscribers';
import { leaderboardOutboxSubscriber } from './leaderboard-subscriber';
import { settleLeaderboardRebuilds } from './rebuild-board';

let n = 0;

export interface Runner {
  id: string;
  userId: string;
  name: string;
}

/** A character with the given numbers, written straight to its row (setup, not behaviour). */
export async function runner(
  db: Db,
  o: {
    class?: ClassId;
    level?: number;
    xp?: number;
    points?: number;
    eddies?: number;
    name?: string;
  } = {},
): Promise<Runner> {
  const u = await createTestUser(db);
  n += 1;
  const name = o.name ?? `Lb${n}x${uniqLetters(6)}`;
  const c = await createTestCharacter(db, u.id, { name });
  await db.character.update({
    where: { id: c.id },
    data: {
      class: o.class ?? 'solo',
      level: o.level ?? 1,
      xp: o.xp ?? 0,
      achievementPoints: o.points ?? 0,
      eddies: o.eddies ?? 0,
    },
  });
  return { id: c.id, userId: u.id, name };
}

/** A guild of these members, written straight to the tables. */
export async function guildOf(db: Db, name: string, tag: string, members: readonly Runner[]) {
  const g = await db.guild.create({ data: { name, nameLower: name.toLowerCase(), tag } });
  const rank = await db.guildRank.create({ data: { guildId: g.id, name: 'Member', position: 0 } });
  for (const m of members)
    await db.guildMember.create({ data: { characterId: m.id, guildId: g.id, rankId: rank.id } });
  return g;
}

/** Empties the file's database of players, guilds and undelivered events. */
export async function emptyWorld(db: Db): Promise<void> {
  await db.guild.deleteMany();
  await db.user.deleteMany();
  await db.$executeRaw`UPDATE "OutboxEvent" SET "publishedAt" = now() WHERE "publishedAt" IS NULL`;
}

/** Deps with a Redis of their own (and the same database and clock without Redis). */
export function boardDeps(db: Db): { deps: TestDeps & { redis: Redis }; noRedis: TestDeps } {
  const redis = testRedis();
  const deps = testDeps(db, { redis }) as TestDeps & { redis: Redis };
  const { redis: _r, ...rest } = deps;
  return { deps, noRedis: { ...rest, clock: deps.clock } };
}

export const disposeBoards = (deps: { redis: Redis }) => disposeTestRedis(deps.redis);

type Sourced = { source: 'redis' | 'postgres' | 'archive' };

/**
 * The frame of a leaderboard test file: before each test the world is emptied and `set`
 * receives fresh boardDeps; after it, the rebuilds it started are awaited and its Redis
 * keys deleted. Returns `bothPaths`: the same read with Redis (after a rebuild) and
 * without, which must give equal answers.
 */
export function boardsPerTest(
  db: Db,
  set: (d: { deps: TestDeps & { redis: Redis }; noRedis: TestDeps }) => void,
) {
  let current: ReturnType<typeof boardDeps> | undefined;
  beforeEach(async () => {
    await emptyWorld(db);
    current = boardDeps(db);
    set(current);
  });
  afterEach(async () => {
    await settleLeaderboardRebuilds();
    await disposeBoards(current!.deps);
  });
  return async function bothPaths<T extends Sourced>(
    read: (d: TestDeps) => Promise<T>,
  ): Promise<T> {
    const viaRedis = await read(current!.deps);
    const viaPg = await read(current!.noRedis);
    expect(viaRedis.source).toBe('redis');
    expect(viaPg.source).toBe('postgres');
    expect(sameAnswer(viaRedis)).toEqual(sameAnswer(viaPg));
    return viaRedis;
  };
}

/** Delivers every due event to the leaderboard subscriber alone. */
export async function drainBoards(deps: TestDeps & { redis: Redis }) {
  const subs = new OutboxSubscribers().subscribe(
    leaderboardOutboxSubscriber({
      redis: deps.redis,
      clock: deps.clock,
      log: createLog('t', 'silent'),
    }),
  );
  return drainOutbox(deps, subs, { untilEmpty: true });
}

/** Names in board order. */
export const names = (rows: readonly LeaderboardRow[]) => rows.map((r) => r.name);

/** A page without where it came from (the two paths must agree on the rest). */
export const sameAnswer = <T extends { source: LeaderboardPage['source'] }>(p: T) => {
  const { source: _s, ...rest } = p;
  return rest;
};
