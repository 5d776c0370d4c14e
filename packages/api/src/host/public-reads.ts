/**
 * The public pages' reads (leaderboards, seasons, player profiles, a guild by its
 * tag), for server components that render them once and cache the HTML. They need no
 * session, so they are plain functions, not procedures; a name, tag or season that
 * names nothing reads as null (the page 404s). Rules: packages/game leaderboards,
 * seasons and guild.
 */
import {
  DomainError,
  guildPublicByTag,
  listSeasons,
  readLeaderboard,
  readLeaderboardOfSeason,
  readPublicProfile,
  type GuildPublicView,
} from '@necp/game';
import {
  CharacterNameSchema,
  GuildTagSchema,
  type ClassId,
  type LeaderboardKey,
  type LeaderboardPage,
  type PublicProfile,
  type SeasonView,
} from '@necp/shared';
import type { HostDeps } from './deps';

export type { GuildPublicView };

const nullIfNotFound = async <T>(read: Promise<T>): Promise<T | null> => {
  try {
    return await read;
  } catch (err) {
    if (err instanceof DomainError && err.code === 'NOT_FOUND') return null;
    throw err;
  }
};

/** Rows of a board from `offset`: the live board, or a past season's final standings. */
export const publicBoard = (
  deps: HostDeps,
  q: { board: LeaderboardKey; class: ClassId | null; offset: number; limit: number },
  season: string | null,
): Promise<LeaderboardPage | null> =>
  nullIfNotFound(readLeaderboardOfSeason(deps, season === null ? q : { ...q, season }));

/** The top `limit` rows of a live board. */
export const publicBoardTop = (
  deps: HostDeps,
  board: LeaderboardKey,
  limit: number,
): Promise<LeaderboardPage> => readLeaderboard(deps, { board, offset: 0, limit });

/** Every season, newest first. */
export const publicSeasons = (deps: HostDeps): Promise<SeasonView[]> => listSeasons(deps);

/** A listed player's profile by name (any case); null: no such listed player, or not a name. */
export async function publicProfile(deps: HostDeps, raw: string): Promise<PublicProfile | null> {
  const name = CharacterNameSchema.safeParse(raw);
  return name.success ? nullIfNotFound(readPublicProfile(deps, name.data)) : null;
}

/**
 * The guild whose tag this is (any case), found by its tag alone, so /guilds/OWL never
 * shows a guild *named* "Owl" that has another tag; null: no such tag, or not a tag.
 */
export async function publicGuild(deps: HostDeps, raw: string): Promise<GuildPublicView | null> {
  const tag = GuildTagSchema.safeParse(raw);
  return tag.success ? guildPublicByTag(deps, tag.data) : null;
}
