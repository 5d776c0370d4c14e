// Guild renown against real PostgreSQL and Redis: members' quests, clears, arena wins and
// achievements credit their guild once per event and member under repeated and
// concurrent delivery; the `guild-renown` board is fed from the credits into Redis,
// answers the same from PostgreSQL, and is rebuilt when Redis lost it; and the season's
// end (the Neon Popularity Reset) archives the renown, rewards the top guilds'
// contributors once, and the next season's board starts empty. Own database: the board
// ranks every guild and a season's end is the whole database's.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACHIEVEMENTS, GUILD_RENOWN_POINTS, GUILD_SEASON_REWARDS } from '@necp/shared';
import type { Redis } from 'ioredis';
import { outboxTestDb, type TestDeps } from '../accounts/test-deps';
import { FakeClock } from '../core/clock';
import { createLog } from '../core/log';
import { readLeaderboard } from '../leaderboards/read-leaderboards';
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
  sameAnswer,
  type Runner,
} from '../leaderboards/test-helpers';
import type { OutboxEvent } from '../outbox/events';
import { deliver, outboxEvent } from '../quests/test-helpers';
import { endDueSeason } from '../seasons/end-season';
import { readLeaderboardOfSeason } from '../seasons/read-season-standings';
import { SEASON_MAIL_SENDER } from '../seasons/season-rewards';
import { runSeasonTick } from '../seasons/season-job';
import { guildSeasonRenown } from './read-renown';
import { renownOutboxSubscriber } from './renown-subscriber';

const db = outboxTestDb('gameRenown', 8);
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
const END = T0 + 10 * DAY;
const P = GUILD_RENOWN_POINTS;

let deps: TestDeps & { redis: Redis; clock: FakeClock };
let noRedis: TestDeps;

beforeEach(async () => {
  await db.mailAttachment.deleteMany();
  await db.item.deleteMany({ where: { container: 'MAIL' } });
  await db.mail.deleteMany();
  await emptyWorld(db);
  await db.guildRenownCredit.deleteMany();
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

const sub = () => renownOutboxSubscriber({ clock: deps.clock, log: createLog('t', 'silent') });
const handle = (e: OutboxEvent) => deliver(db, sub(), e);

const quest = (r: Runner) =>
  outboxEvent('quest.completed', {
    characterId: r.id,
    questId: 'q_test',
    periodKey: 'once',
    xp: 10,
    eddies: 0,
  });
const dungeon = (rs: Runner[]) =>
  outboxEvent('dungeon.cleared', {
    instanceId: 'i1',
    dungeonId: 'd1',
    characterIds: rs.map((r) => r.id),
  });

const renownOf = async (guildId: string, season = 'S1') =>
  (await db.guildRenown.findUnique({ where: { guildId_season: { guildId, season } } }))?.renown ??
  0;

const renownMails = (characterId: string) =>
  db.mail.findMany({
    where: { toId: characterId, fromName: SEASON_MAIL_SENDER, subject: { contains: 'Neon' } },
  });

describe('crediting', () => {
  it("credits each member's guild once per event, under repeated and concurrent delivery", async () => {
    const [a, b, c, d, gone] = await Promise.all([1, 2, 3, 4, 5].map(() => runner(db)));
    const neon = await guildOf(db, 'Neon Saints', 'NEON', [a!, b!, gone!]);
    const owls = await guildOf(db, 'Night Owls', 'OWL', [c!]);
    await db.character.update({ where: { id: gone!.id }, data: { deletedAt: new Date() } });

    // one clear by a mixed group (d is in no guild, `gone` is deleted), handed over
    // once, again, and four times at once
    const clear = dungeon([a!, b!, c!, d!, gone!]);
    await handle(clear);
    await handle(clear);
    await Promise.all([1, 2, 3, 4].map(() => handle(clear)));
    expect(await renownOf(neon.id)).toBe(2 * P.dungeon_cleared);
    expect(await renownOf(owls.id)).toBe(P.dungeon_cleared);
    expect(await db.guildRenownCredit.count()).toBe(3);
    // the board heard of it once per guild
    const told = await db.outboxEvent.findMany({
      where: { type: 'guild.renown_credited', key: { endsWith: clear.key } },
    });
    expect(told.map((e) => (e.payload as { guildId: string }).guildId).toSorted()).toEqual(
      [neon.id, owls.id].toSorted(),
    );

    // distinct events at once all count
    await Promise.all([1, 2, 3, 4, 5, 6].map(() => handle(quest(a!))));
    expect(await renownOf(neon.id)).toBe(2 * P.dungeon_cleared + 6 * P.quest_completed);

    // an arena win credits the winner's guild only; a draw nobody
    await handle(
      outboxEvent('arena.match_finished', {
        matchId: 'm1',
        bracket: '1v1',
        winners: [c!.id],
        losers: [a!.id],
      }),
    );
    await handle(
      outboxEvent('arena.match_finished', {
        matchId: 'm2',
        bracket: '1v1',
        winners: [],
        losers: [],
      }),
    );
    expect(await renownOf(owls.id)).toBe(P.dungeon_cleared + P.arena_won);

    // achievements add their points; raids their share
    const ach = ACHIEVEMENTS.find((x) => x.points === 25)!;
    await handle(
      outboxEvent('achievement.earned', {
        characterId: b!.id,
        achievementIds: [ach.id],
        points: 25,
      }),
    );
    await handle(
      outboxEvent('raid.cleared', { instanceId: 'r1', raidId: 'reef', characterIds: [c!.id] }),
    );
    expect(await renownOf(neon.id)).toBe(2 * P.dungeon_cleared + 6 * P.quest_completed + 25);
    expect(await renownOf(owls.id)).toBe(P.dungeon_cleared + P.arena_won + P.raid_cleared);
    expect(await guildSeasonRenown(db, owls.id)).toEqual({
      season: 'S1',
      renown: P.dungeon_cleared + P.arena_won + P.raid_cleared,
    });

    // the guild the character is in when the event is handled
    await db.guildMember.delete({ where: { characterId: a!.id } });
    await db.guildMember.create({
      data: {
        characterId: a!.id,
        guildId: owls.id,
        rankId: (await db.guildRank.findFirstOrThrow({ where: { guildId: owls.id } })).id,
      },
    });
    const before = await renownOf(neon.id);
    await handle(quest(a!));
    expect(await renownOf(neon.id)).toBe(before);
    expect(await renownOf(owls.id)).toBe(
      P.dungeon_cleared + P.arena_won + P.raid_cleared + P.quest_completed,
    );
  });
});

describe('the guild-renown board', () => {
  it('is fed from the credits in Redis, answers the same from PostgreSQL, and is rebuilt when lost', async () => {
    const [a, b, c, lone] = await Promise.all([1, 2, 3, 4].map(() => runner(db)));
    const neon = await guildOf(db, 'Neon Saints', 'NEON', [a!, b!]);
    await guildOf(db, 'Night Owls', 'OWL', [c!]);
    await guildOf(db, 'Quiet Ones', 'QUIET', [lone!]);
    await runSeasonTick(deps);
    await rebuildMissingBoards(deps);
    expect((await readLeaderboard(deps, { board: 'guild-renown' })).total).toBe(0);

    await handle(dungeon([a!, b!]));
    await handle(quest(c!));
    await drainBoards(deps);
    const live = await readLeaderboard(deps, { board: 'guild-renown' });
    expect(live.source).toBe('redis');
    // a guild that earned nothing is not ranked
    expect(names(live.rows)).toEqual(['Neon Saints', 'Night Owls']);
    expect(live.rows.map((r) => [r.rank, r.value, r.detail])).toEqual([
      [1, 2 * P.dungeon_cleared, 2],
      [2, P.quest_completed, 1],
    ]);
    const pg = await readLeaderboard(noRedis, { board: 'guild-renown' });
    expect(pg.source).toBe('postgres');
    expect(sameAnswer(pg)).toEqual(sameAnswer(live));

    // Redis lost it: the read answers from PostgreSQL, and the board is rebuilt
    await deps.redis.del(boardKeys('guild-renown').all);
    const fallback = await readLeaderboard(deps, { board: 'guild-renown' });
    expect(fallback.source).toBe('postgres');
    expect(sameAnswer(fallback)).toEqual(sameAnswer(live));
    await settleLeaderboardRebuilds();
    await rebuildMissingBoards(deps);
    const rebuilt = await readLeaderboard(deps, { board: 'guild-renown' });
    expect(rebuilt.source).toBe('redis');
    expect(sameAnswer(rebuilt)).toEqual(sameAnswer(live));

    // a guild whose only member is deleted leaves the board
    await db.character.update({ where: { id: c!.id }, data: { deletedAt: new Date() } });
    await db.$transaction((tx) =>
      tx.outboxEvent.create({
        data: {
          type: 'character.deleted',
          key: `character.deleted:${c!.id}`,
          payload: { characterId: c!.id, userId: c!.userId },
        },
      }),
    );
    await drainBoards(deps);
    expect(names((await readLeaderboard(deps, { board: 'guild-renown' })).rows)).toEqual([
      'Neon Saints',
    ]);
    expect(neon.tag).toBe('NEON');
  });
});

describe('the Neon Popularity Reset', () => {
  it("archives the season's renown, rewards the top guilds' contributors once, and the next season starts at zero", async () => {
    const [a, b, idle, c, d] = await Promise.all([1, 2, 3, 4, 5].map(() => runner(db)));
    const neon = await guildOf(db, 'Neon Saints', 'NEON', [a!, b!, idle!]);
    const owls = await guildOf(db, 'Night Owls', 'OWL', [c!]);
    const third = await guildOf(db, 'Third Wave', 'THIRD', [d!]);
    await runSeasonTick(deps);
    await rebuildMissingBoards(deps);
    await handle(dungeon([a!, b!]));
    // three for the Owls: Third Wave ends S1 with one quest or two (the race below), never
    // tied with them — a tie shares its rank (it did, and the rank read 2, not 3)
    await handle(quest(c!));
    await handle(quest(c!));
    await handle(quest(c!));
    await handle(quest(d!));
    await drainBoards(deps);
    expect(names((await readLeaderboard(deps, { board: 'guild-renown' })).rows)).toEqual([
      'Neon Saints',
      'Night Owls',
      'Third Wave',
    ]);

    deps.clock.set(END + 60_000);
    // two runners at once, and a credit racing them: the season ends once, and the
    // credit lands in one season only — in S1 only if the archive counted it
    const late = quest(d!);
    const [r1, r2] = await Promise.all([
      endDueSeason(deps),
      endDueSeason({ ...deps }),
      handle(late),
    ]);
    expect([r1, r2].filter((r) => r !== null)).toHaveLength(1);
    expect(await endDueSeason(deps)).toBeNull();
    const thirdS1 = await renownOf(third.id, 'S1');
    const thirdS2 = await renownOf(third.id, 'S2');
    expect(thirdS1 + thirdS2).toBe(2 * P.quest_completed);

    // the final standings, archived from the season's renown
    const archived = await db.seasonStanding.findMany({
      where: { season: 'S1', board: 'guild-renown', scope: 'all' },
      orderBy: { position: 'asc' },
    });
    expect(archived.map((r) => [r.name, r.rank, r.value])).toEqual([
      ['Neon Saints', 1, 2 * P.dungeon_cleared],
      ['Night Owls', 2, 3 * P.quest_completed],
      ['Third Wave', 3, thirdS1],
    ]);
    const shown = await readLeaderboardOfSeason(deps, { board: 'guild-renown', season: 'S1' });
    expect(shown.source).toBe('archive');
    expect(names(shown.rows)).toEqual(['Neon Saints', 'Night Owls', 'Third Wave']);

    // rewards: each contributor of a top guild, once; a member who earned nothing, none
    for (const [r, tier] of [
      [a!, GUILD_SEASON_REWARDS[0]!],
      [b!, GUILD_SEASON_REWARDS[0]!],
      [c!, GUILD_SEASON_REWARDS[1]!],
      [d!, GUILD_SEASON_REWARDS[1]!],
    ] as const) {
      const mails = await renownMails(r.id);
      expect(mails.map((m) => m.eddies)).toEqual([tier.eddies]);
    }
    expect(await renownMails(idle!.id)).toEqual([]);
    expect((await renownMails(a!.id))[0]!.subject).toBe('Neon Popularity Reset: Neon Saints #1');

    // the new season's renown starts at zero: the board is empty (Redis and PostgreSQL),
    // the ended season's rows stay
    await runSeasonTick(deps);
    expect(await deps.redis.exists(boardKeys('guild-renown').all)).toBe(0);
    const empty = await readLeaderboard(deps, { board: 'guild-renown' });
    expect(names(empty.rows)).toEqual(thirdS2 > 0 ? ['Third Wave'] : []);
    expect(await guildSeasonRenown(db, neon.id)).toEqual({ season: 'S2', renown: 0 });
    expect(await renownOf(neon.id, 'S1')).toBe(2 * P.dungeon_cleared);
    await settleLeaderboardRebuilds();
    await rebuildMissingBoards(deps);

    // S2's first credit ranks from zero
    await handle(quest(c!));
    await drainBoards(deps);
    const s2 = await readLeaderboard(deps, { board: 'guild-renown' });
    expect(s2.source).toBe('redis');
    expect(s2.rows.find((r) => r.name === 'Night Owls')?.value).toBe(P.quest_completed);
    expect(s2.rows.find((r) => r.name === 'Neon Saints')).toBeUndefined();
    expect(sameAnswer(await readLeaderboard(noRedis, { board: 'guild-renown' }))).toEqual(
      sameAnswer(s2),
    );
    expect(await renownOf(owls.id, 'S2')).toBe(P.quest_completed);
  });
});
