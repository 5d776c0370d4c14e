/**
 * Arena brackets (docs/matchmaking.md): each has its own Glicko-2 rating per
 * character and season. The achievements and the arena.match_finished event take
 * the list from here.
 */
export const ARENA_BRACKETS = ['1v1', '3v3'] as const;
export type ArenaBracket = (typeof ARENA_BRACKETS)[number];

/** How a finished arena match ended for one side (MatchParticipant.result). */
export const ARENA_RESULTS = ['win', 'loss', 'draw'] as const;
export type ArenaResult = (typeof ARENA_RESULTS)[number];

/** Characters per side. */
export const ARENA_TEAM_SIZE: Record<ArenaBracket, number> = { '1v1': 1, '3v3': 3 };

/**
 * The first season, opened by the seasons migration (the ArenaRating table's `season`
 * column defaults to it). Which season is current is the database's answer
 * (packages/game/src/seasons `currentSeason`), never a constant.
 */
export const FIRST_SEASON_KEY = 'S1';
