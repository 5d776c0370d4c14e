/**
 * Leaderboards over tRPC (`leaderboards.top`, `around`, `ranks`) and the public pages:
 * inputs and views. The domain (packages/game/src/leaderboards, seasons) parses the
 * inputs of its reads too. The boards, page sizes and caps are leaderboard rules
 * (leaderboards/leaderboard-rules.ts).
 */
import { z } from 'zod';
import type { AchievementCategory } from '../content/achievement-schema';
import { CLASS_IDS, type ClassId } from '../content/classes';
import {
  LEADERBOARD_AROUND_DEFAULT,
  LEADERBOARD_AROUND_MAX,
  LEADERBOARD_KEYS,
  LEADERBOARD_LIMIT_MAX,
  LEADERBOARD_OFFSET_MAX,
  LEADERBOARD_PAGE_MAX,
  LEADERBOARD_PAGE_SIZE,
  type LeaderboardKey,
} from '../leaderboards/leaderboard-rules';
import type { ArenaBracket, ArenaResult } from '../rating/arena-brackets';
import {
  SeasonKeySchema,
  type SeasonStandingScope,
  type SeasonView,
} from '../seasons/season-rules';
import { CharacterNameSchema } from './character';
import { IdSchema } from './primitives';

export const LeaderboardKeySchema = z.enum(LEADERBOARD_KEYS, { error: 'Unknown leaderboard' });
/** A character class to narrow a board to; absent (or null): every class. */
export const LeaderboardClassSchema = z.enum(CLASS_IDS, { error: 'Unknown class' }).nullish();

/** The domain's read of one slice of a board. */
export const LeaderboardSliceInputSchema = z.object({
  board: LeaderboardKeySchema,
  class: LeaderboardClassSchema,
  offset: z.int().min(0).max(LEADERBOARD_OFFSET_MAX).default(0),
  limit: z.int().min(1).max(LEADERBOARD_LIMIT_MAX).default(LEADERBOARD_PAGE_SIZE),
});
export type LeaderboardSliceInput = z.input<typeof LeaderboardSliceInputSchema>;

/** `leaderboards.top`: one page of a board (page 1 is the top). */
export const LeaderboardTopInputSchema = z.object({
  board: LeaderboardKeySchema,
  class: LeaderboardClassSchema,
  page: z.int().min(1).max(LEADERBOARD_PAGE_MAX).default(1),
  pageSize: z.int().min(1).max(LEADERBOARD_LIMIT_MAX).default(LEADERBOARD_PAGE_SIZE),
  /** a past season's final standings (absent, or the current season: the live board) */
  season: SeasonKeySchema.optional(),
});
export type LeaderboardTopInput = z.input<typeof LeaderboardTopInputSchema>;

/** The rows around one character (or, on the guild board, around its guild). */
export const LeaderboardAroundInputSchema = z
  .object({
    board: LeaderboardKeySchema,
    class: LeaderboardClassSchema,
    characterId: IdSchema.optional(),
    name: CharacterNameSchema.optional(),
    /** rows on each side */
    k: z.int().min(0).max(LEADERBOARD_AROUND_MAX).default(LEADERBOARD_AROUND_DEFAULT),
  })
  .refine((i) => (i.characterId === undefined) !== (i.name === undefined), {
    error: 'Name a character (by id or by name)',
  });
export type LeaderboardAroundInput = z.input<typeof LeaderboardAroundInputSchema>;

/** `leaderboards.around`: by the character's name (what a public page knows). */
export const LeaderboardAroundByNameInputSchema = z.object({
  board: LeaderboardKeySchema,
  class: LeaderboardClassSchema,
  name: CharacterNameSchema,
  k: z.int().min(0).max(LEADERBOARD_AROUND_MAX).default(LEADERBOARD_AROUND_DEFAULT),
});

/** `leaderboards.ranks`: a character's place on every board, by name. */
export const LeaderboardRanksInputSchema = z.object({ name: CharacterNameSchema });

/** One ranked row: a character, or a guild on the guild board. */
export interface LeaderboardRow {
  /** competition rank: rows with the same value share it ("1224") */
  rank: number;
  /** 1-based place in the list (ties are listed in a fixed order) */
  position: number;
  /** the character's (or guild's) id */
  id: string;
  /** the character's name, or the guild's */
  name: string;
  /** the character's class; null on the guild board */
  class: ClassId | null;
  /** the character's level, or the guild's level */
  level: number;
  /** the character's guild's tag, or the guild's own tag */
  guildTag: string | null;
  /** the character's achievement title; null when none (always on the guild board) */
  title: string | null;
  /** what the board ranks by (level, points, eddies, guild rating) */
  value: number;
  /** the second column: total XP on the level board, members on the guild board */
  detail: number | null;
}

export interface LeaderboardPage {
  board: LeaderboardKey;
  class: ClassId | null;
  offset: number;
  limit: number;
  /** rows on the board (with the class filter) */
  total: number;
  rows: LeaderboardRow[];
  /**
   * where the answer came from: Redis, or PostgreSQL (no Redis, or the board is being
   * rebuilt), or a past season's archived final standings
   */
  source: 'redis' | 'postgres' | 'archive';
  /** the past season whose final standings these are (absent: the live board) */
  season?: string;
}

/** A past season's final standings of one board (SeasonStanding rows). */
export const SeasonStandingsInputSchema = z.object({
  season: SeasonKeySchema,
  board: LeaderboardKeySchema,
  class: LeaderboardClassSchema,
  offset: z.int().min(0).max(LEADERBOARD_OFFSET_MAX).default(0),
  limit: z.int().min(1).max(LEADERBOARD_LIMIT_MAX).default(LEADERBOARD_PAGE_SIZE),
});
export type SeasonStandingsInput = z.input<typeof SeasonStandingsInputSchema>;

export interface LeaderboardAround {
  board: LeaderboardKey;
  class: ClassId | null;
  /** the row asked about (null: not on this board — deleted, banned, no guild …) */
  me: LeaderboardRow | null;
  /** it and up to k rows on each side, in board order */
  rows: LeaderboardRow[];
  total: number;
  source: 'redis' | 'postgres';
}

/** A character's place on one board: overall and among its class (or its guild's place). */
export interface LeaderboardStanding {
  board: LeaderboardKey;
  /** null: not ranked on it (a guild board standing of a character with no guild) */
  rank: number | null;
  total: number;
  value: number | null;
  /** the rank among characters of its class (class boards only) */
  classRank: number | null;
  classTotal: number | null;
}

export interface LeaderboardRanks {
  characterId: string;
  name: string;
  class: ClassId;
  standings: LeaderboardStanding[];
}

/** One earned achievement on a public profile. */
export interface ProfileAchievement {
  id: string;
  name: string;
  description: string;
  category: AchievementCategory;
  points: number;
  /** epoch ms */
  completedAt: number;
}

/** A player's public profile (/players/[name]): anyone may read it. */
export interface PublicProfile {
  characterId: string;
  name: string;
  class: ClassId;
  level: number;
  /** the achievement title it shows; null: none */
  title: string | null;
  achievementPoints: number;
  guild: { name: string; tag: string } | null;
  /** epoch ms the character was created */
  createdAt: number;
  standings: LeaderboardStanding[];
  /** earned achievements, newest first */
  achievements: ProfileAchievement[];
  /** how many achievements there are to earn */
  achievementsTotal: number;
  /** the arena: this season's ratings and the latest matches */
  arena: ProfileArena;
  /** its final places in past seasons (archived top rows), newest season first */
  pastSeasons: ProfileSeasonStanding[];
  /**
   * its public contract rating: the 1–5 scores of the other sides of its finished
   * contracts, weighted by their rewards (score null: none yet), and how many
   */
  contractRating: { score: number | null; count: number };
}

/** One bracket's rating of the current season (no row: not played this season). */
export interface ProfileArenaRating {
  bracket: ArenaBracket;
  /** rounded to a whole point */
  rating: number;
  rd: number;
  wins: number;
  losses: number;
  draws: number;
}

/** One finished arena match on a profile. */
export interface ProfileArenaMatch {
  matchId: string;
  bracket: ArenaBracket;
  season: string | null;
  /** epoch ms */
  endedAt: number;
  result: ArenaResult;
  ratingBefore: number;
  ratingAfter: number;
  /** the other team's runners (names as they are now; deleted ones left out) */
  opponents: string[];
  /** its own team's other runners (3v3) */
  teammates: string[];
}

export interface ProfileArena {
  season: SeasonView;
  ratings: ProfileArenaRating[];
  recent: ProfileArenaMatch[];
}

/** A final place in a past season (its top rows of a board, overall or in its class). */
export interface ProfileSeasonStanding {
  season: string;
  board: LeaderboardKey;
  /** 'all' or a class id */
  scope: SeasonStandingScope;
  rank: number;
  value: number;
}
