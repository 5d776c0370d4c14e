/**
 * The boards (docs/leaderboards.md): for each key of the shared LEADERBOARD_KEYS,
 * how PostgreSQL ranks it (the rows a rebuild reads, also what the no-Redis path
 * orders), how two ordering columns become one Redis score, and which domain events
 * move which rows. A new board (arena rating per bracket, a season's variant) is one
 * more key in packages/shared/src/leaderboards/leaderboard-rules.ts and one more
 * entry here: the Record makes the compiler ask for it.
 */
import {
  LEADERBOARDS,
  arenaBoardScore,
  levelBoardScore,
  splitArenaBoardScore,
  splitLevelBoardScore,
  type ArenaBracket,
  type LeaderboardKey,
} from '@necp/shared';
import { Prisma } from '@necp/db';
import type { Tx } from '../core/deps';
import { CURRENT_SEASON_KEY_SQL } from '../seasons/current-season';
import type { OutboxEventType, OutboxPayloads } from '../outbox/events';

/**
 * The subjects (character or guild ids) one event touches on a board. May read in the
 * delivery's transaction (a character's guild, an account's characters).
 */
type Touched<T extends OutboxEventType> = (
  tx: Tx,
  payload: OutboxPayloads[T],
) => Promise<readonly string[]> | readonly string[];

export type BoardEvents = { [T in OutboxEventType]?: Touched<T> };

export interface BoardSource {
  key: LeaderboardKey;
  subject: 'character' | 'guild';
  /** one sorted set per character class besides the whole board */
  byClass: boolean;
  /**
   * Every ranked subject as SQL rows `("id", "class", "s1", "s2")`: the board orders by
   * s1 then s2 (both bigint, higher first), then by id (byte order) among equal ones.
   * Only listed subjects: live characters of accounts not banned at `now` (and with
   * something to rank: no one is on the wealth board for holding no eddies). It is
   * wrapped by the readers (`WHERE "id" = ANY(…)`, `ORDER BY … LIMIT`), and PostgreSQL
   * pushes those filters into it.
   */
  rows(now: Date): Prisma.Sql;
  /** (s1, s2) → one number that orders the same way, exact in a double (a Redis score) */
  score(s1: number, s2: number): number;
  /** the score → what a row shows: the ranked value and the second column (if the score holds it) */
  show(score: number): { value: number; detail: number | null };
  /** the domain events that move it and the subjects each touches */
  events: BoardEvents;
  /**
   * Also refreshed from the ledger by the minute job (refresh-job.ts): eddies change in
   * too many places for an event each, and every change writes a LedgerEntry.
   */
  fromLedger?: boolean;
}

/**
 * Listed: live and not banned now. `c` is the Character. Written as "no banned account"
 * rather than a join on User: PostgreSQL then reads the few banned accounts through
 * the `bannedUntil` index into an anti-join instead of hashing every account — with a
 * million characters a count or a page of the no-Redis path went from 0.4–0.5 s to
 * 0.13–0.2 s (docs/perf.md, the leaderboard bench).
 */
const listed = (now: Date) =>
  Prisma.sql`c."deletedAt" IS NULL AND NOT EXISTS (
    SELECT 1 FROM "User" u WHERE u."id" = c."userId" AND u."bannedUntil" > ${now})`;

/**
 * Character rows ranked by one or two of its columns; `positive`: only those with
 * s1 > 0 (nobody is ranked for holding nothing).
 */
const characterRows =
  (s1: Prisma.Sql, s2: Prisma.Sql, o: { positive?: boolean } = {}) =>
  (now: Date) =>
    Prisma.sql`SELECT c."id", c."class", ${s1}::bigint AS "s1", ${s2}::bigint AS "s2"
      FROM "Character" c
      WHERE ${listed(now)}${o.positive ? Prisma.sql` AND ${s1} > 0` : Prisma.empty}`;

/** The characters of an account (a ban or an unban lists or unlists them all). */
async function charactersOf(tx: Tx, userId: string): Promise<string[]> {
  const rows = await tx.character.findMany({ where: { userId }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** The guilds of some characters (those in one). */
async function guildsOf(tx: Tx, characterIds: readonly string[]): Promise<string[]> {
  if (characterIds.length === 0) return [];
  const rows = await tx.guildMember.findMany({
    where: { characterId: { in: [...characterIds] } },
    select: { guildId: true },
  });
  return [...new Set(rows.map((r) => r.guildId))];
}

const one = (p: { characterId: string }) => [p.characterId];
const isBanChange = (reason: string) => reason === 'ban' || reason === 'unban';

/** What lists or unlists a character on every character board. */
const CHARACTER_LIFECYCLE: BoardEvents = {
  'character.created': (_tx, p) => one(p),
  'character.deleted': (_tx, p) => one(p),
  'character.restored': (_tx, p) => one(p),
  'account.access_changed': (tx, p) => (isBanChange(p.reason) ? charactersOf(tx, p.userId) : []),
};

const single = (s1: number) => ({ value: s1, detail: null });

/**
 * What lists or unlists a guild on the guild boards: its members coming and going (a
 * guild with no listed member is not ranked), deleted, restored, banned or unbanned.
 */
const GUILD_LISTING: BoardEvents = {
  'guild.member_joined': (_tx, p) => [p.guildId],
  'guild.member_left': (_tx, p) => [p.guildId],
  'guild.disbanded': (_tx, p) => [p.guildId],
  'character.deleted': (tx, p) => guildsOf(tx, [p.characterId]),
  'character.restored': (tx, p) => guildsOf(tx, [p.characterId]),
  'account.access_changed': async (tx, p) =>
    isBanChange(p.reason) ? guildsOf(tx, await charactersOf(tx, p.userId)) : [],
};

/** Everyone who played a match (the event names no one for a draw). */
async function participantsOf(tx: Tx, matchId: string): Promise<string[]> {
  const rows = await tx.matchParticipant.findMany({
    where: { matchId },
    select: { characterId: true },
  });
  return rows.map((r) => r.characterId);
}

/**
 * An arena bracket's board: the current season's ratings (the one active Season row,
 * read inside the statement), of those who played at least one match of it this
 * season — a soft-reset rating carried over from last season ranks nobody.
 */
function arenaBoard(key: LeaderboardKey, bracket: ArenaBracket): BoardSource {
  return {
    key,
    subject: 'character',
    byClass: LEADERBOARDS[key].byClass,
    rows: (now) =>
      Prisma.sql`SELECT c."id", c."class", round(r."rating")::bigint AS "s1", r."wins"::bigint AS "s2"
        FROM "ArenaRating" r
        JOIN "Character" c ON c."id" = r."characterId"
        JOIN "User" u ON u."id" = c."userId"
        WHERE r."bracket" = ${bracket} AND r."season" = ${CURRENT_SEASON_KEY_SQL}
          AND r."wins" + r."losses" + r."draws" > 0 AND ${listed(now)}`,
    score: arenaBoardScore,
    show: (score) => {
      const { rating, wins } = splitArenaBoardScore(score);
      return { value: rating, detail: wins };
    },
    events: {
      ...CHARACTER_LIFECYCLE,
      'arena.match_finished': (tx, p) =>
        p.bracket === bracket ? participantsOf(tx, p.matchId) : [],
    },
  };
}

export const BOARD_SOURCES: Record<LeaderboardKey, BoardSource> = {
  level: {
    key: 'level',
    subject: 'character',
    byClass: LEADERBOARDS.level.byClass,
    rows: characterRows(Prisma.sql`c."level"`, Prisma.sql`c."xp"`),
    score: levelBoardScore,
    show: (score) => {
      const { level, xp } = splitLevelBoardScore(score);
      return { value: level, detail: xp };
    },
    events: {
      ...CHARACTER_LIFECYCLE,
      'character.leveled': (_tx, p) => one(p),
      // XP (the tie-break) moves with every kill and quest
      'npc.killed': (_tx, p) => p.killers.map((k) => k.characterId),
      'quest.completed': (_tx, p) => (p.xp > 0 ? one(p) : []),
    },
  },
  achievements: {
    key: 'achievements',
    subject: 'character',
    byClass: LEADERBOARDS.achievements.byClass,
    rows: characterRows(Prisma.sql`c."achievementPoints"`, Prisma.sql`0`, { positive: true }),
    score: (s1) => s1,
    show: single,
    events: { ...CHARACTER_LIFECYCLE, 'achievement.earned': (_tx, p) => one(p) },
  },
  wealth: {
    key: 'wealth',
    subject: 'character',
    byClass: LEADERBOARDS.wealth.byClass,
    rows: characterRows(Prisma.sql`c."eddies"`, Prisma.sql`0`, { positive: true }),
    score: (s1) => s1,
    show: single,
    events: CHARACTER_LIFECYCLE,
    fromLedger: true,
  },
  guilds: {
    key: 'guilds',
    subject: 'guild',
    byClass: false,
    // the rating (shared guildRating): the sum of the listed members' levels
    rows: (now) =>
      Prisma.sql`SELECT g."id", NULL::text AS "class", SUM(c."level")::bigint AS "s1", 0::bigint AS "s2"
        FROM "Guild" g
        JOIN "GuildMember" m ON m."guildId" = g."id"
        JOIN "Character" c ON c."id" = m."characterId"
        WHERE ${listed(now)}
        GROUP BY g."id"`,
    score: (s1) => s1,
    show: single,
    events: {
      ...GUILD_LISTING,
      'character.leveled': (tx, p) => guildsOf(tx, [p.characterId]),
    },
  },
  'guild-renown': {
    key: 'guild-renown',
    subject: 'guild',
    byClass: false,
    // the current season's renown (renown/credit-renown.ts) of guilds with a listed member;
    // a new season has no rows yet: the board starts empty
    rows: (now) =>
      Prisma.sql`SELECT r."guildId" AS "id", NULL::text AS "class", r."renown"::bigint AS "s1", 0::bigint AS "s2"
        FROM "GuildRenown" r
        WHERE r."season" = ${CURRENT_SEASON_KEY_SQL} AND r."renown" > 0
          AND EXISTS (SELECT 1 FROM "GuildMember" m JOIN "Character" c ON c."id" = m."characterId"
            WHERE m."guildId" = r."guildId" AND ${listed(now)})`,
    score: (s1) => s1,
    show: single,
    events: {
      ...GUILD_LISTING,
      'guild.renown_credited': (_tx, p) => [p.guildId],
    },
  },
  'arena-1v1': arenaBoard('arena-1v1', '1v1'),
  'arena-3v3': arenaBoard('arena-3v3', '3v3'),
};

export const boardSource = (key: LeaderboardKey): BoardSource => BOARD_SOURCES[key];

/** Every event type some board listens to (the outbox subscriber's types). */
export const LEADERBOARD_EVENT_TYPES: OutboxEventType[] = [
  ...new Set(Object.values(BOARD_SOURCES).flatMap((b) => Object.keys(b.events))),
] as OutboxEventType[];
