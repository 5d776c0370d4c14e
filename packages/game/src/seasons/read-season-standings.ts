/**
 * A past season's final standings of one board (SeasonStanding), paged like the live
 * boards: the names, levels and tags as they were when the season ended. Characters
 * deleted or banned since are left out (as on the live boards); the ranks stay the
 * final ones.
 */
import {
  SeasonStandingsInputSchema,
  type LeaderboardPage,
  type LeaderboardRow,
  type SeasonStandingsInput,
} from '@necp/shared';
import { Prisma } from '@necp/db';
import { closedSet } from '../core/closed-columns';
import { parseInput } from '../core/validation';
import type { GameDeps } from '../core/deps';
import { DomainError } from '../core/errors';
import { boardSource } from '../leaderboards/board-registry';
import { readLeaderboard, type ReadDeps } from '../leaderboards/read-leaderboards';

interface Row {
  position: number;
  rank: number;
  subjectId: string;
  name: string;
  class: string | null;
  level: number;
  guildTag: string | null;
  value: number;
  detail: number | null;
}

const unknownSeason = () =>
  new DomainError('NOT_FOUND', 'no such season', 'No season goes by that name.');

/** The archived standings of an ended season (NOT_FOUND for a season not ended). */
export async function readSeasonStandings(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: SeasonStandingsInput,
): Promise<LeaderboardPage> {
  const i = parseInput(SeasonStandingsInputSchema, input);
  const cls = i.class ?? null;
  const source = boardSource(i.board);
  if (cls && !source.byClass)
    throw new DomainError(
      'VALIDATION',
      `board ${i.board} has no class filter`,
      'This board cannot be filtered by class.',
    );
  const season = await deps.db.season.findUnique({ where: { key: i.season } });
  if (!season || season.state !== 'ended') throw unknownSeason();
  const now = deps.clock.now();
  const listed =
    source.subject === 'guild'
      ? Prisma.sql`TRUE`
      : Prisma.sql`c."id" IS NOT NULL AND c."deletedAt" IS NULL
          AND (u."bannedUntil" IS NULL OR u."bannedUntil" <= ${now})`;
  const from = Prisma.sql`FROM "SeasonStanding" s
    LEFT JOIN "Character" c ON c."id" = s."subjectId"
    LEFT JOIN "User" u ON u."id" = c."userId"
    WHERE s."season" = ${i.season} AND s."board" = ${i.board} AND s."scope" = ${cls ?? 'all'}
      AND ${listed}`;
  const rows = await deps.db.$queryRaw<Row[]>`
    SELECT s."position", s."rank", s."subjectId", s."name", s."class", s."level", s."guildTag",
      s."value", s."detail" ${from}
    ORDER BY s."position" OFFSET ${i.offset} LIMIT ${i.limit}`;
  const [count] = await deps.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS "n" ${from}`;
  return {
    board: i.board,
    class: cls,
    offset: i.offset,
    limit: i.limit,
    total: count?.n ?? 0,
    rows: rows.map((r, k): LeaderboardRow => ({
      rank: r.rank,
      position: i.offset + k + 1,
      id: r.subjectId,
      name: r.name,
      class: r.class === null ? null : closedSet.SeasonStanding.class.parse(r.class),
      level: r.level,
      guildTag: r.guildTag,
      title: null,
      value: r.value,
      detail: r.detail,
    })),
    source: 'archive',
    season: i.season,
  };
}

/**
 * A board of a season: the live board for the current season (or none named), the
 * archive for an ended one; NOT_FOUND for a season that never was.
 */
export async function readLeaderboardOfSeason(
  deps: ReadDeps,
  input: SeasonStandingsInput | (Omit<SeasonStandingsInput, 'season'> & { season?: undefined }),
): Promise<LeaderboardPage> {
  if (input.season !== undefined) {
    const s = await deps.db.season.findUnique({
      where: { key: input.season },
      select: { state: true },
    });
    if (!s) throw unknownSeason();
    if (s.state === 'ended') return readSeasonStandings(deps, { ...input, season: input.season });
  }
  const { season: _s, ...live } = input;
  return readLeaderboard(deps, live);
}
