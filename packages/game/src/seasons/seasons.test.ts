// Seasons against real PostgreSQL and Redis: a due season ends exactly once under two
// concurrent runners (archive, soft reset, reward mails once), a season missed while
// every server was down ends when a worker starts again (on the schedule), arena
// results land in the season they finish in, the arena boards follow the season (Redis
// sets dropped and rebuilt), archived standings are read back, and a public profile
// shows the arena and past seasons. Own database: a season's end ranks every character.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARENA_SEASON_REWARDS, SEASON_LENGTH_DAYS, softResetRating } from '@necp/shared';
import type { Redis } from 'ioredis';
import { expectDomainError, outboxTestDb, type TestDeps } from '../accounts/test-deps';
import { FakeClock } from '../core/clock';
import { finishArenaMatch } from '../matchmaking/finish-arena-match';
import { readLeaderboard } from '../leaderboards/read-leaderboards';
import { readPublicProfile } from '../leaderboards/read-public-profile';
import { rebuildMissingBoards, settleLeaderboardRebuilds } from '../leaderboards/rebuild-board';
import { boardKeys } from '../leaderboards/redis-boards';
import {
  boardDeps,
  disposeBoards,
  drainBoards,
  emptyWorld,
  guildOf,
  names,
  runner,
  type Runner,
} from '../leaderboards/test-helpers';
import { startOutboxWorker } from '../outbox/start-outbox-worker';
import { OutboxSubscribers } from '../outbox/subscribers';
import { currentSeason, listSeasons } from './current-season';
import { endDueSeason } from './end-season';
import { readLeaderboardOfSeason, readSeasonStandings } from './read-season-standings';
import { SEASON_MAIL_SENDER } from './season-rewards';
import { runSeasonTick } from './season-job';
import { FOUGHT } from '../matchmaking/test-helpers';

const db = outboxTestDb('gameSeasons', 8);
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
/** S1's scheduled end in these tests */
const END = T0 + 10 * DAY;

let deps: TestDeps & { redis: Redis; clock: FakeClock };
let noRedis: TestDeps;

/** Every test starts in S1 (T0 … END), with no player, rating or archive. */
beforeEach(async () => {
  // reward mails hold items (a mail with attachments is never deleted by a cascade)
  await db.mailAttachment.deleteMany();
  await db.item.deleteMany({ where: { container: 'MAIL' } });
  await db.mail.deleteMany();
  await emptyWorld(db);
  await db.arenaRating.deleteMany();
  await db.match.deleteMany();
  await db.season.deleteMany();
  await db.season.create({
    data: { key: 'S1', number: 1, startsAt: new Date(T0), endsAt: new Date(END) },
  });
  ({ deps, noRedis } = boardDeps(db) as { deps: typeof deps; noRedis: TestDeps });
  deps.clock = new FakeClock(T0 + DAY);
  noRedis.clock = deps.clock;
});
afterEach(async () => {
  await settleLeaderboardRebuilds();
  await disposeBoards(deps);
});

let matchNo = 0;
/** A 1v1 (or 3v3) won by `winners`, through the domain. */
const fight = (winners: Runner[], losers: Runner[]) =>
  finishArenaMatch(deps, {
    matchId: `m${++matchNo}x${Math.random().toString(36).slice(2, 8)}`,
    bracket: winners.length === 1 ? '1v1' : '3v3',
    teams: [winners.map((r) => r.id), losers.map((r) => r.id)],
    winner: 0,
    fight: FOUGHT,
  });

const seasonMails = (characterId: string) =>
  db.mail.findMany({ where: { toId: characterId, fromName: SEASON_MAIL_SENDER } });

describe('season end', () => {
  it('runs exactly once under two concurrent runners: archive, soft reset, mails, next season', async () => {
    const [ace, bo, cy] = [
      await runner(db, { class: 'solo', level: 9 }),
      await runner(db, { class: 'netrunner', level: 7 }),
      await runner(db, { class: 'solo', level: 5 }),
    ];
    await guildOf(db, 'Neon Saints', 'NEON', [ace, bo]);
    await fight([ace], [bo]);
    await fight([ace], [cy]);
    await fight([bo], [cy]);
    const before = await db.arenaRating.findMany({ where: { season: 'S1', bracket: '1v1' } });
    expect(before).toHaveLength(3);

    // not due yet: nothing happens
    expect(await endDueSeason(deps)).toBeNull();

    deps.clock.set(END + 5 * 60_000);
    const runs = await Promise.all([endDueSeason(deps), endDueSeason({ ...deps })]);
    const done = runs.filter((r) => r !== null);
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ ended: 'S1', opened: 'S2' });
    // and again later: nothing more
    expect(await endDueSeason(deps)).toBeNull();

    const seasons = await db.season.findMany({ orderBy: { number: 'asc' } });
    expect(seasons.map((s) => [s.key, s.state])).toEqual([
      ['S1', 'ended'],
      ['S2', 'active'],
    ]);
    expect(seasons[0]!.endedAt?.getTime()).toBe(END + 5 * 60_000);
    // the schedule, not the run time: S2 starts where S1 was due to end
    expect(seasons[1]!.startsAt.getTime()).toBe(END);
    expect(seasons[1]!.endsAt.getTime()).toBe(END + SEASON_LENGTH_DAYS * DAY);
    expect((await currentSeason(db)).key).toBe('S2');

    // archive: the 1v1 board's final order overall and per class, the level board, the guild
    const arena = await db.seasonStanding.findMany({
      where: { season: 'S1', board: 'arena-1v1', scope: 'all' },
      orderBy: { position: 'asc' },
    });
    expect(arena.map((r) => [r.name, r.rank])).toEqual([
      [ace.name, 1],
      [bo.name, 2],
      [cy.name, 3],
    ]);
    const aceS1 = before.find((r) => r.characterId === ace.id)!;
    expect(arena[0]).toMatchObject({ value: Math.round(aceS1.rating), detail: 2, class: 'solo' });
    const solos = await db.seasonStanding.findMany({
      where: { season: 'S1', board: 'arena-1v1', scope: 'solo' },
      orderBy: { position: 'asc' },
    });
    expect(solos.map((r) => r.name)).toEqual([ace.name, cy.name]);
    const level = await db.seasonStanding.findMany({
      where: { season: 'S1', board: 'level', scope: 'all' },
      orderBy: { position: 'asc' },
    });
    expect(level.map((r) => [r.name, r.value])).toEqual([
      [ace.name, 9],
      [bo.name, 7],
      [cy.name, 5],
    ]);
    const guilds = await db.seasonStanding.findMany({ where: { season: 'S1', board: 'guilds' } });
    expect(guilds.map((r) => [r.name, r.rank, r.value])).toEqual([['Neon Saints', 1, 16]]);

    // soft reset: every S1 rating starts S2 pulled toward 1500, wider, no games
    const after = await db.arenaRating.findMany({ where: { season: 'S2', bracket: '1v1' } });
    expect(after).toHaveLength(3);
    for (const r of before) {
      const next = after.find((x) => x.characterId === r.characterId)!;
      const expected = softResetRating(r);
      expect(next.rating).toBeCloseTo(expected.rating, 9);
      expect(next.rd).toBeCloseTo(expected.rd, 9);
      expect(next.volatility).toBeCloseTo(r.volatility, 12);
      expect([next.wins, next.losses, next.draws]).toEqual([0, 0, 0]);
    }
    expect(after.find((x) => x.characterId === ace.id)!.rating).toBeLessThan(aceS1.rating);

    // rewards, once: ace #1 (arena champion), bo #2 (top 3), cy #3 (top 3). Their guild is
    // #1 by rating but earned no renown: the guild rewards go by renown (renown.test.ts)
    const aceMails = await seasonMails(ace.id);
    expect(aceMails.map((m) => m.eddies)).toEqual([ARENA_SEASON_REWARDS[0]!.eddies]);
    const champion = aceMails.find((m) => m.eddies === ARENA_SEASON_REWARDS[0]!.eddies)!;
    expect(champion.subject).toBe('Season S1: Arena 1v1 #1');
    const attached = await db.mailAttachment.findMany({
      where: { mailId: champion.id },
      include: { item: true },
    });
    expect(attached.map((a) => [a.item.templateId, a.item.quantity])).toEqual([
      ['stim_platinum', 5],
    ]);
    // the currency came from the ledger's season source into the mail
    const ledger = await db.ledgerEntry.findMany({ where: { ref: champion.id } });
    expect(ledger.length).toBeGreaterThan(0);
    expect((await seasonMails(bo.id)).length).toBe(1);
    expect((await seasonMails(cy.id)).map((m) => m.eddies)).toEqual([
      ARENA_SEASON_REWARDS[1]!.eddies,
    ]);
  });

  it('a season missed while every server was down ends when a worker starts, on the schedule', async () => {
    const [a, b] = [await runner(db), await runner(db)];
    await fight([a], [b]);
    // the servers come back 40 days after S1's end (more than a whole season)
    deps.clock.set(END + 40 * DAY);
    const worker = await startOutboxWorker(
      { db, clock: deps.clock, log: deps.log },
      new OutboxSubscribers(),
      { pollInterval: 200 },
    );
    try {
      const deadline = Date.now() + 20_000;
      while ((await db.season.count({ where: { key: 'S1', state: 'ended' } })) === 0) {
        if (Date.now() > deadline) throw new Error('the season job did not run at start');
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await worker.stop();
    }
    const s2 = await db.season.findUniqueOrThrow({ where: { key: 'S2' } });
    // it starts where S1 was due, and ends on the first scheduled boundary still ahead
    expect(s2.startsAt.getTime()).toBe(END);
    expect(s2.endsAt.getTime()).toBe(END + 2 * SEASON_LENGTH_DAYS * DAY);
    expect(s2.state).toBe('active');
    expect((await seasonMails(a.id)).length).toBe(1);
    // the next run (the minute's cron, another node) changes nothing
    expect(await runSeasonTick(deps)).toBeNull();
    expect(await db.season.count()).toBe(2);
    expect((await seasonMails(a.id)).length).toBe(1);
  });
});

describe('arena boards across seasons', () => {
  it('rank the current season only; the Redis sets follow the season; past standings stay readable', async () => {
    const [a, b, c] = [await runner(db), await runner(db), await runner(db)];
    await fight([a], [b]);
    // the first tick finds no marker: it drops whatever sets there were and names S1
    await runSeasonTick(deps);
    await rebuildMissingBoards(deps);
    await fight([c], [a]);
    await drainBoards(deps);
    const s1 = await readLeaderboard(deps, { board: 'arena-1v1' });
    expect(s1.source).toBe('redis');
    expect(names(s1.rows)).toEqual(
      names((await readLeaderboard(noRedis, { board: 'arena-1v1' })).rows),
    );
    expect(s1.total).toBe(3);

    deps.clock.set(END + 1);
    expect(await runSeasonTick(deps)).toMatchObject({ ended: 'S1' });
    // the S1 sets are gone; the board is empty until someone fights in S2
    expect(await deps.redis.exists(boardKeys('arena-1v1').all)).toBe(0);
    const empty = await readLeaderboard(deps, { board: 'arena-1v1' });
    expect(empty.total).toBe(0);
    await settleLeaderboardRebuilds();

    const fought = await fight([b], [c]);
    // S2 starts from the soft reset of S1, not from 1500
    const bS1 = await db.arenaRating.findUniqueOrThrow({
      where: { characterId_bracket_season: { characterId: b.id, bracket: '1v1', season: 'S1' } },
    });
    const bBefore = fought.participants.find((p) => p.characterId === b.id)!.ratingBefore;
    expect(bBefore).toBeCloseTo(softResetRating(bS1).rating, 9);
    expect(
      (
        await db.match.findFirstOrThrow({
          where: { participants: { some: { characterId: b.id } } },
          orderBy: { endedAt: 'desc' },
        })
      ).season,
    ).toBe('S2');
    await drainBoards(deps);
    await rebuildMissingBoards(deps);
    const s2 = await readLeaderboard(deps, { board: 'arena-1v1' });
    expect(names(s2.rows)).toEqual([b.name, c.name]);

    // the archive, paged, through the season filter
    const archived = await readLeaderboardOfSeason(deps, {
      board: 'arena-1v1',
      season: 'S1',
      limit: 2,
    });
    expect(archived.source).toBe('archive');
    expect(archived.total).toBe(3);
    expect(archived.rows.map((r) => r.position)).toEqual([1, 2]);
    const next = await readSeasonStandings(deps, { board: 'arena-1v1', season: 'S1', offset: 2 });
    expect(next.rows).toHaveLength(1);
    // the current season through the filter is the live board
    const live = await readLeaderboardOfSeason(deps, { board: 'arena-1v1', season: 'S2' });
    expect(live.source).toBe('redis');
    await expectDomainError(
      readLeaderboardOfSeason(deps, { board: 'arena-1v1', season: 'S9' }),
      'NOT_FOUND',
    );
    await expectDomainError(
      readSeasonStandings(deps, { board: 'arena-1v1', season: 'S2' }),
      'NOT_FOUND',
    );
    expect((await listSeasons(deps)).map((s) => [s.key, s.state])).toEqual([
      ['S2', 'active'],
      ['S1', 'ended'],
    ]);

    // the profile: this season's rating, the latest matches with the opponent and change, past places
    const profile = await readPublicProfile(deps, b.name);
    expect(profile.arena.season.key).toBe('S2');
    expect(profile.arena.ratings).toEqual([
      expect.objectContaining({ bracket: '1v1', wins: 1, losses: 0, draws: 0 }),
    ]);
    expect(profile.arena.recent.map((m) => [m.result, m.opponents, m.season])).toEqual([
      ['win', [c.name], 'S2'],
      ['loss', [a.name], 'S1'],
    ]);
    expect(profile.arena.recent[0]!.ratingAfter).toBeGreaterThan(
      profile.arena.recent[0]!.ratingBefore,
    );
    expect(profile.pastSeasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ season: 'S1', board: 'arena-1v1', scope: 'all', rank: 3 }),
      ]),
    );
  });
});
