/**
 * The public leaderboard and player pages' reads (packages/game/src/leaderboards):
 * Redis when the deployment has it, PostgreSQL otherwise — the same answers. A URL
 * that names no board, class, page or listed player reads as null (the page 404s).
 */
import { cache } from 'react';
import { DomainError, readLeaderboard, readPublicProfile } from '@necp/game';
import {
  CharacterNameSchema,
  LEADERBOARD_KEYS,
  LEADERBOARD_PAGE_MAX,
  LEADERBOARD_PAGE_SIZE,
  LEADERBOARDS,
  isClassId,
  isLeaderboardKey,
  type ClassId,
  type LeaderboardKey,
  type LeaderboardPage,
  type PublicProfile,
} from '@necp/shared';
import { getDeps } from './deps';

/** The rows each board shows on the index page. */
export const INDEX_TOP = 10;

/** What a board page's URL names: /leaderboards/[board] (?class=&page= rewritten to /[class]/[page]). */
export interface BoardView {
  board: LeaderboardKey;
  class: ClassId | null;
  page: number;
}

/** The board, class ('all' or a class id) and page of a URL's segments; null when they name none. */
export function boardView(segments: readonly string[]): BoardView | null {
  const [board, cls = 'all', page = '1', ...rest] = segments;
  if (!board || rest.length > 0 || !isLeaderboardKey(board)) return null;
  if (cls !== 'all' && !(isClassId(cls) && LEADERBOARDS[board].byClass)) return null;
  if (!/^[1-9][0-9]{0,5}$/.test(page) || Number(page) > LEADERBOARD_PAGE_MAX) return null;
  return { board, class: cls === 'all' ? null : cls, page: Number(page) };
}

/** One page of a board (LEADERBOARD_PAGE_SIZE rows); null past the last page. */
export const boardPage = cache(
  async (
    board: LeaderboardKey,
    cls: ClassId | null,
    page: number,
  ): Promise<LeaderboardPage | null> => {
    const p = await readLeaderboard(getDeps(), {
      board,
      class: cls,
      offset: (page - 1) * LEADERBOARD_PAGE_SIZE,
      limit: LEADERBOARD_PAGE_SIZE,
    });
    return page > 1 && p.rows.length === 0 ? null : p;
  },
);

/** The top of every board, for the index. */
export const boardTops = cache(async (): Promise<LeaderboardPage[]> =>
  Promise.all(
    LEADERBOARD_KEYS.map((board) =>
      readLeaderboard(getDeps(), { board, offset: 0, limit: INDEX_TOP }),
    ),
  ),
);

/** A listed player's profile by name (any case); null: no such listed player, or not a name. */
export const publicProfile = cache(async (raw: string): Promise<PublicProfile | null> => {
  const name = CharacterNameSchema.safeParse(raw);
  if (!name.success) return null;
  try {
    return await readPublicProfile(getDeps(), name.data);
  } catch (err) {
    if (err instanceof DomainError && err.code === 'NOT_FOUND') return null;
    throw err;
  }
});
