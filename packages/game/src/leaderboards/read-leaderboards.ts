/**
 * Reading the boards: a page from the top, the rows around a character, and a
 * character's place on every board. From Redis when the deployment has it and the
 * board is built; otherwise (no Redis, a board missing — then rebuilt in the
 * background — or Redis failing) the same answer straight from PostgreSQL.
 *
 * Names, classes, levels, titles and guild tags come from PostgreSQL for the ids of
 * the page (hydrate.ts, one statement). A Redis row whose subject is no longer listed
 * (deleted, banned, disbanded since the board heard of it) is taken off the board and
 * the page read again, so pages never show gaps or the unlisted.
 */
import {
  LEADERBOARD_KEYS,
  LEADERBOARDS,
  LeaderboardAroundInputSchema,
  LeaderboardSliceInputSchema,
  competitionRanks,
  type ClassId,
  type LeaderboardAround,
  type LeaderboardAroundInput,
  type LeaderboardKey,
  type LeaderboardPage,
  type LeaderboardRanks,
  type LeaderboardRow,
  type LeaderboardSliceInput,
  type LeaderboardStanding,
} from '@necp/shared';
import { closedSet } from '../core/closed-columns';
import { parseInput } from '../core/validation';
import { nameKey } from '../characters/name-policy';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { boardSource, type BoardSource } from './board-registry';
import { characterInfo, guildInfo, type SubjectInfo } from './hydrate';
import { pgAround, pgSlice, pgStandings } from './pg-boards';
import { rebuildInBackground } from './rebuild-board';
import { applyUpdates, readSlice, readStandings, setKey, type RedisSlice } from './redis-boards';

export type ReadDeps = Pick<GameDeps, 'db' | 'clock' | 'log' | 'redis'>;

type Source = 'redis' | 'postgres';
type SliceQuery = { start: number; count: number } | { member: string; k: number };

/** Reads of a page that found unlisted rows on it before one came back clean. */
const STALE_RETRIES = 3;

const noClassFilter = (board: LeaderboardKey) =>
  new DomainError(
    'VALIDATION',
    `board ${board} has no class filter`,
    `The ${LEADERBOARDS[board].short.toLowerCase()} board cannot be filtered by class.`,
  );

/** One slice from Redis, or null when it must come from PostgreSQL. */
async function redisSlice(
  deps: ReadDeps,
  board: LeaderboardKey,
  cls: ClassId | null,
  q: SliceQuery,
): Promise<RedisSlice | 'absent' | null> {
  const redis = deps.redis;
  if (!redis) return null;
  try {
    const r = await readSlice(redis, setKey(board, cls), q);
    if (r !== 'missing') return r;
    rebuildInBackground({ ...deps, redis }, board);
  } catch (err) {
    deps.log.warn({ err, board }, 'leaderboard read from Redis failed; reading PostgreSQL');
  }
  return null;
}

async function pgSliceOf(
  deps: ReadDeps,
  source: BoardSource,
  cls: ClassId | null,
  q: SliceQuery,
): Promise<RedisSlice | 'absent'> {
  const now = deps.clock.now();
  return 'member' in q
    ? pgAround(deps.db, source, now, cls, q)
    : pgSlice(deps.db, source, now, cls, q);
}

const infoOf = (deps: ReadDeps, source: BoardSource, ids: readonly string[]) =>
  (source.subject === 'guild' ? guildInfo : characterInfo)(deps.db, deps.clock.now(), ids);

function toRows(source: BoardSource, slice: RedisSlice, info: Map<string, SubjectInfo>) {
  const ranks = competitionRanks(
    slice.rows.map((r) => r.score),
    slice.start + 1,
    slice.better + 1,
  );
  return slice.rows.flatMap((r, i): LeaderboardRow[] => {
    const s = info.get(r.id);
    if (!s) return [];
    const shown = source.show(r.score);
    return [
      {
        rank: ranks[i]!,
        position: slice.start + i + 1,
        id: r.id,
        name: s.name,
        class: s.class,
        level: s.level,
        guildTag: s.guildTag,
        title: s.title,
        value: shown.value,
        detail: source.subject === 'guild' ? s.members : shown.detail,
      },
    ];
  });
}

/**
 * A slice with its rows, from Redis (retrying after taking unlisted rows off) or
 * PostgreSQL. 'absent': the member asked about is not on the board.
 */
async function readRows(
  deps: ReadDeps,
  board: LeaderboardKey,
  cls: ClassId | null,
  q: SliceQuery,
): Promise<{ slice: RedisSlice; rows: LeaderboardRow[]; source: Source } | 'absent'> {
  const source = boardSource(board);
  for (let attempt = 0; attempt < STALE_RETRIES; attempt++) {
    const slice = await redisSlice(deps, board, cls, q);
    if (slice === null) break;
    if (slice === 'absent') return 'absent';
    const info = await infoOf(
      deps,
      source,
      slice.rows.map((r) => r.id),
    );
    const stale = slice.rows.filter((r) => !info.has(r.id));
    if (stale.length === 0 || !deps.redis)
      return { slice, rows: toRows(source, slice, info), source: 'redis' };
    const gone = stale.map((r) => ({ id: r.id, class: null, score: null }));
    await applyUpdates(deps.redis, board, source.byClass, gone).catch((err: unknown) =>
      deps.log.warn({ err, board }, 'could not take unlisted rows off a leaderboard'),
    );
    if (attempt === STALE_RETRIES - 1)
      return { slice, rows: toRows(source, slice, info), source: 'redis' };
  }
  const slice = await pgSliceOf(deps, source, cls, q);
  if (slice === 'absent') return 'absent';
  const info = await infoOf(
    deps,
    source,
    slice.rows.map((r) => r.id),
  );
  return { slice, rows: toRows(source, slice, info), source: 'postgres' };
}

/** One page of a board: `limit` rows from `offset` (0: the top), with the class filter. */
export async function readLeaderboard(
  deps: ReadDeps,
  input: LeaderboardSliceInput,
): Promise<LeaderboardPage> {
  const i = parseInput(LeaderboardSliceInputSchema, input);
  const cls = i.class ?? null;
  if (cls && !boardSource(i.board).byClass) throw noClassFilter(i.board);
  const r = await readRows(deps, i.board, cls, { start: i.offset, count: i.limit });
  if (r === 'absent') throw new Error('unreachable: a page names no member');
  return {
    board: i.board,
    class: cls,
    offset: i.offset,
    limit: i.limit,
    total: r.slice.total,
    rows: r.rows,
    source: r.source,
  };
}

/** A listed character by id or name (NOT_FOUND when deleted, banned or unknown). */
async function listedCharacter(
  deps: ReadDeps,
  ref: { characterId?: string | undefined; name?: string | undefined },
): Promise<{ id: string; name: string; class: ClassId; guildId: string | null }> {
  const now = deps.clock.now();
  const c = await deps.db.character.findFirst({
    where: {
      ...(ref.characterId !== undefined ? { id: ref.characterId } : {}),
      ...(ref.name !== undefined ? { nameLower: nameKey(ref.name) } : {}),
      deletedAt: null,
      user: { OR: [{ bannedUntil: null }, { bannedUntil: { lte: now } }] },
    },
    select: { id: true, name: true, class: true, guildMember: { select: { guildId: true } } },
  });
  if (!c) throw new DomainError('NOT_FOUND', 'no listed character', 'No runner goes by that name.');
  return {
    id: c.id,
    name: c.name,
    class: closedSet.Character.class.parse(c.class),
    guildId: c.guildMember?.guildId ?? null,
  };
}

/**
 * The rows around a character: `k` on each side of it (of its guild on the guild
 * board). `me` is null when it is not on the board (no guild, for the guild board).
 */
export async function readLeaderboardAround(
  deps: ReadDeps,
  input: LeaderboardAroundInput,
): Promise<LeaderboardAround> {
  const i = parseInput(LeaderboardAroundInputSchema, input);
  const cls = i.class ?? null;
  const source = boardSource(i.board);
  if (cls && !source.byClass) throw noClassFilter(i.board);
  const c = await listedCharacter(deps, i);
  const member = source.subject === 'guild' ? c.guildId : c.id;
  const none = (): LeaderboardAround => ({
    board: i.board,
    class: cls,
    me: null,
    rows: [],
    total: 0,
    source: deps.redis ? 'redis' : 'postgres',
  });
  if (!member) return none();
  const r = await readRows(deps, i.board, cls, { member, k: i.k });
  if (r === 'absent') return none();
  return {
    board: i.board,
    class: cls,
    me: r.rows.find((row) => row.id === member) ?? null,
    rows: r.rows,
    total: r.slice.total,
    source: r.source,
  };
}

type Standing = { total: number; score: number | null; rank: number | null };

/** A subject's standing on sets of one board, from Redis if every set is built, else PostgreSQL. */
async function standings(
  deps: ReadDeps,
  board: LeaderboardKey,
  member: string,
  classes: readonly (ClassId | null)[],
): Promise<Standing[]> {
  const redis = deps.redis;
  if (redis) {
    try {
      const r = await readStandings(
        redis,
        classes.map((c) => setKey(board, c)),
        member,
      );
      if (r.every((s) => s !== 'missing')) return r as Standing[];
      rebuildInBackground({ ...deps, redis }, board);
    } catch (err) {
      deps.log.warn({ err, board }, 'leaderboard standing from Redis failed; reading PostgreSQL');
    }
  }
  const source = boardSource(board);
  return pgStandings(deps.db, source, deps.clock.now(), classes, member);
}

/** A character's place on every board (its guild's on the guild board), by id or name. */
export async function readLeaderboardRanks(
  deps: ReadDeps,
  ref: { characterId: string } | { name: string },
): Promise<LeaderboardRanks> {
  const c = await listedCharacter(deps, ref);
  const out: LeaderboardStanding[] = await Promise.all(
    LEADERBOARD_KEYS.map(async (board): Promise<LeaderboardStanding> => {
      const source = boardSource(board);
      const member = source.subject === 'guild' ? c.guildId : c.id;
      if (!member)
        return { board, rank: null, total: 0, value: null, classRank: null, classTotal: null };
      const classes = source.byClass ? [null, c.class] : [null];
      const [all, mine] = await standings(deps, board, member, classes);
      return {
        board,
        rank: all!.rank,
        total: all!.total,
        value: all!.score === null ? null : source.show(all!.score).value,
        classRank: mine?.rank ?? null,
        classTotal: mine?.total ?? null,
      };
    }),
  );
  return { characterId: c.id, name: c.name, class: c.class, standings: out };
}
