/**
 * The paths of the public pages Next caches (docs/leaderboards.md, "Caching and
 * revalidation"): the leaderboards index, a board page, a player's profile and a
 * guild's page. The sim names them when what they show changes, and the web's
 * internal revalidation route accepts only these shapes. A board page is named by
 * the path Next caches it under — the rewrite's destination
 * (/leaderboards/level/solo/1 for ?class=solo), not the address people share — except
 * a board's first page of every class, which is cached under /leaderboards/level itself.
 */
import { z } from 'zod';
import { CLASS_IDS, type ClassId } from '../content/classes';
import { isWellFormedText } from '../schemas/primitives';
import { SeasonKeySchema } from '../seasons/season-rules';
import { LEADERBOARD_PAGE_MAX, isLeaderboardKey, LEADERBOARDS } from './leaderboard-rules';
import type { LeaderboardKey } from './leaderboard-rules';

/** Paths one revalidation request may name. */
export const PUBLIC_PAGE_PATHS_MAX = 200;
/** The longest path of any known shape is far below this. */
const PATH_CHARS_MAX = 128;

export const LEADERBOARDS_INDEX_PATH = '/leaderboards';

/** The cached path of a board page: `/leaderboards/level`, `/leaderboards/level/solo/1`. */
export function boardPagePath(board: LeaderboardKey, cls: ClassId | null = null, page = 1): string {
  if (cls === null && page === 1) return `/leaderboards/${board}`;
  return `/leaderboards/${board}/${cls ?? 'all'}/${page}`;
}

/** A player's profile, by the name as stored (the path its links use). */
export const playerPagePath = (name: string) => `/players/${name}`;

/** A guild's page, by its tag (stored upper-case). */
export const guildPagePath = (tag: string) => `/guilds/${tag}`;

const NAME = /^[A-Za-z0-9-]{3,16}$/;
const TAG = /^[A-Za-z]{2,5}$/;
const PAGE = /^[1-9][0-9]{0,6}$/;

/** Whether a path names a public page of a known shape (what public-leaderboards' boardView accepts). */
export function isPublicPagePath(path: string): boolean {
  if (path === LEADERBOARDS_INDEX_PATH) return true;
  const parts = path.split('/');
  // '' before the leading slash
  if (parts[0] !== '' || parts.length < 3) return false;
  const [, root, a, ...rest] = parts as [string, string, string, ...string[]];
  if (root === 'players') return rest.length === 0 && NAME.test(a);
  if (root === 'guilds') return rest.length === 0 && TAG.test(a);
  if (root !== 'leaderboards' || !isLeaderboardKey(a)) return false;
  if (rest.length === 0) return true;
  const [cls, page, season, ...more] = rest;
  if (more.length > 0 || cls === undefined || page === undefined) return false;
  const classOk =
    cls === 'all' || ((CLASS_IDS as readonly string[]).includes(cls) && LEADERBOARDS[a].byClass);
  if (!classOk || !PAGE.test(page) || Number(page) > LEADERBOARD_PAGE_MAX) return false;
  return season === undefined || SeasonKeySchema.safeParse(season).success;
}

/** One path of a revalidation request. */
export const PublicPagePathSchema = z
  .string()
  .max(PATH_CHARS_MAX, { error: 'path too long', abort: true })
  .refine((p) => !p.includes('\0'), { error: 'path holds a NUL character', abort: true })
  .refine(isWellFormedText, { error: 'path is not well-formed UTF-16', abort: true })
  .refine(isPublicPagePath, 'not a public page path');

/** The body of the web's internal revalidation route (POST /api/internal/revalidate). */
export const RevalidatePagesInputSchema = z.strictObject({
  paths: z.array(PublicPagePathSchema).min(1).max(PUBLIC_PAGE_PATHS_MAX),
});
export type RevalidatePagesInput = z.infer<typeof RevalidatePagesInputSchema>;
