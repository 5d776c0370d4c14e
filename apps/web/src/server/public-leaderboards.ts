/**
 * The public leaderboard and player pages' reads (packages/game/src/leaderboards):
 * Redis when the deployment has it, PostgreSQL otherwise — the same answers. A URL
 * that names no board, class, page or listed player reads as null (the page 404s).
 */
import { cache } from 'react';
import {
  publicBoard,
  publicBoardTop,
  publicProfile as readPublicProfile,
  publicSeasons,
} from '@necp/api/host';
import {
  LEADERBOARD_KEYS,
  LEADERBOARD_PAGE_MAX,
  LEADERBOARD_PAGE_SIZE,
  LEADERBOARDS,
  SeasonKeySchema,
  isClassId,
  isLeaderboardKey,
  type ClassId,
  type LeaderboardKey,
  type LeaderboardPage,
  type PublicProfile,
  type SeasonView,
} from '@necp/shared';
import { getDeps } from './deps';

/** The rows each board shows on the index page. */
export const INDEX_TOP = 10;

/**
 * What a board page's URL names: /leaderboards/[board] (?class=&page=&season= rewritten
 * to /[class]/[page]/[season]); `season` null: the live board.
 */
export interface BoardView {
  board: LeaderboardKey;
  class: ClassId | null;
  page: number;
  season: string | null;
}

/** The board, class ('all' or a class id), page and season of a URL's segments; null when they name none. */
export function boardView(segments: readonly string[]): BoardView | null {
  const [board, cls = 'all', page = '1', season, ...rest] = segments;
  if (!board || rest.length > 0 || !isLeaderboardKey(board)) return null;
  if (cls !== 'all' && !(isClassId(cls) && LEADERBOARDS[board].byClass)) return null;
  if (!/^[1-9][0-9]{0,5}$/.test(page) || Number(page) > LEADERBOARD_PAGE_MAX) return null;
  if (season !== undefined && !SeasonKeySchema.safeParse(season).success) return null;
  return { board, class: cls === 'all' ? null : cls, page: Number(page), season: season ?? null };
}

/**
 * One page of a board (LEADERBOARD_PAGE_SIZE rows), of a past season's final standings
 * when `season` names an ended one; null past the last page or for an unknown season.
 */
export const boardPage = cache(
  async (
    board: LeaderboardKey,
    cls: ClassId | null,
    page: number,
    season: string | null = null,
  ): Promise<LeaderboardPage | null> => {
    const p = await publicBoard(
      getDeps(),
      {
        board,
        class: cls,
        offset: (page - 1) * LEADERBOARD_PAGE_SIZE,
        limit: LEADERBOARD_PAGE_SIZE,
      },
      season,
    );
    return p && page > 1 && p.rows.length === 0 ? null : p;
  },
);

/** Every season, newest first (the season filter). */
export const seasons = cache(async (): Promise<SeasonView[]> => publicSeasons(getDeps()));

/** The top of every board, for the index. */
export const boardTops = cache(async (): Promise<LeaderboardPage[]> =>
  Promise.all(LEADERBOARD_KEYS.map((board) => publicBoardTop(getDeps(), board, INDEX_TOP))),
);

/** A listed player's profile by name (any case); null: no such listed player, or not a name. */
export const publicProfile = cache(async (raw: string): Promise<PublicProfile | null> =>
  readPublicProfile(getDeps(), raw),
);
