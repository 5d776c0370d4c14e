/**
 * Leaderboards (issue 14, docs/leaderboards.md): which boards exist, what each ranks
 * by, and the pure formulas behind the numbers. The server's registry
 * (packages/game/src/leaderboards/board-registry.ts) gives every key here its
 * PostgreSQL read and the domain events that move it; the compiler asks for one
 * there for each key added here.
 */
import { CLASS_IDS, type ClassId } from '../content/classes';
import type { ArenaBracket } from '../rating/arena-brackets';

/**
 * Every board, in the order the public index shows them. The arena boards rank the
 * current season's Glicko-2 ratings of a bracket; every board's final standings of a
 * past season are archived (docs/seasons.md) and shown with the season filter.
 */
export const LEADERBOARD_KEYS = [
  'level',
  'achievements',
  'wealth',
  'guilds',
  'guild-renown',
  'arena-1v1',
  'arena-3v3',
] as const;
export type LeaderboardKey = (typeof LEADERBOARD_KEYS)[number];

export interface LeaderboardMeta {
  key: LeaderboardKey;
  /** "Top runners by level" */
  title: string;
  /** the board's name in a tab or a list: "Level" */
  short: string;
  /** one sentence for the page and its link preview */
  description: string;
  /** what a row is */
  subject: 'character' | 'guild';
  /** filterable by character class */
  byClass: boolean;
  /** the heading of the ranked value's column */
  valueLabel: string;
  /** the heading of the secondary column, if the board shows one */
  detailLabel: string | null;
}

export const LEADERBOARDS: Record<LeaderboardKey, LeaderboardMeta> = {
  level: {
    key: 'level',
    title: 'Top runners by level',
    short: 'Level',
    description: 'The highest-level runners in Night City; equal levels are ranked by total XP.',
    subject: 'character',
    byClass: true,
    valueLabel: 'Level',
    detailLabel: 'XP',
  },
  achievements: {
    key: 'achievements',
    title: 'Top runners by achievement points',
    short: 'Achievements',
    description: 'Runners ranked by the points of the achievements they have earned.',
    subject: 'character',
    byClass: true,
    valueLabel: 'Points',
    detailLabel: null,
  },
  wealth: {
    key: 'wealth',
    title: 'The richest runners',
    short: 'Wealth',
    description: 'Runners ranked by the eddies they carry (refreshed every minute).',
    subject: 'character',
    byClass: true,
    valueLabel: 'Eddies',
    detailLabel: null,
  },
  guilds: {
    key: 'guilds',
    title: 'Top guilds',
    short: 'Guilds',
    description: "Guilds ranked by rating: the sum of their members' levels.",
    subject: 'guild',
    byClass: false,
    valueLabel: 'Rating',
    detailLabel: 'Members',
  },
  'guild-renown': {
    key: 'guild-renown',
    title: 'Guild renown: this season',
    short: 'Renown',
    description:
      "The season's guilds by renown, earned by their members' quests, dungeon and raid clears, arena wins and achievements; it starts again at zero every season.",
    subject: 'guild',
    byClass: false,
    valueLabel: 'Renown',
    detailLabel: 'Members',
  },
  'arena-1v1': {
    key: 'arena-1v1',
    title: 'Arena 1v1: this season',
    short: 'Arena 1v1',
    description:
      "The season's duelists by Glicko-2 rating; a runner is ranked after their first 1v1 match of the season.",
    subject: 'character',
    byClass: true,
    valueLabel: 'Rating',
    detailLabel: 'Wins',
  },
  'arena-3v3': {
    key: 'arena-3v3',
    title: 'Arena 3v3: this season',
    short: 'Arena 3v3',
    description:
      "The season's team fighters by Glicko-2 rating; a runner is ranked after their first 3v3 match of the season.",
    subject: 'character',
    byClass: true,
    valueLabel: 'Rating',
    detailLabel: 'Wins',
  },
};

/** The arena bracket a board ranks (null: not an arena board). */
export const ARENA_BOARD_BRACKET: Record<LeaderboardKey, ArenaBracket | null> = {
  level: null,
  achievements: null,
  wealth: null,
  guilds: null,
  'guild-renown': null,
  'arena-1v1': '1v1',
  'arena-3v3': '3v3',
};

/**
 * An arena board's single number: the rating rounded to a whole point first, the
 * season's wins breaking ties (below 2^20, a million wins). Exact in a double for any
 * rating Glicko-2 produces (even a negative one orders right).
 */
const WINS_SPAN = 2 ** 20;
export const arenaBoardScore = (rating: number, wins: number): number =>
  rating * WINS_SPAN + Math.min(wins, WINS_SPAN - 1);
export const splitArenaBoardScore = (score: number): { rating: number; wins: number } => {
  const rating = Math.floor(score / WINS_SPAN);
  return { rating, wins: score - rating * WINS_SPAN };
};

/**
 * The boards that rank the current season only (docs/seasons.md): the arena brackets and
 * guild renown. They start empty when a season opens; their Redis sets are dropped at a
 * season change and rebuilt from the new season's rows.
 */
export const SEASONAL_BOARD_KEYS = [
  'arena-1v1',
  'arena-3v3',
  'guild-renown',
] as const satisfies readonly LeaderboardKey[];

export const isLeaderboardKey = (k: string): k is LeaderboardKey =>
  (LEADERBOARD_KEYS as readonly string[]).includes(k);

export const isClassId = (c: string): c is ClassId => (CLASS_IDS as readonly string[]).includes(c);

/** Rows of one page of the public board pages (and the tRPC default). */
export const LEADERBOARD_PAGE_SIZE = 50;
/** The most rows one read returns. */
export const LEADERBOARD_LIMIT_MAX = 100;
/** The deepest offset a read may ask for (a million ranked characters, the bench's size). */
export const LEADERBOARD_OFFSET_MAX = 1_000_000;
/** The deepest page number of LEADERBOARD_PAGE_SIZE rows. */
export const LEADERBOARD_PAGE_MAX = LEADERBOARD_OFFSET_MAX / LEADERBOARD_PAGE_SIZE;
/** Rows shown on each side of a character by "around me" (default and most). */
export const LEADERBOARD_AROUND_DEFAULT = 5;
export const LEADERBOARD_AROUND_MAX = 25;

/**
 * The level board's single number: level first, total XP breaking ties. XP never
 * reaches 2^32 (MAX_TOTAL_XP is ~10^6), and 50 × 2^32 stays far below 2^53, so the
 * sum is exact in a double — a Redis sorted-set score.
 */
const XP_SPAN = 2 ** 32;
export const levelBoardScore = (level: number, xp: number): number => level * XP_SPAN + xp;
export const splitLevelBoardScore = (score: number): { level: number; xp: number } => ({
  level: Math.floor(score / XP_SPAN),
  xp: score % XP_SPAN,
});

/**
 * A guild's rating: the sum of the levels of its listed members (live characters of
 * accounts that are not banned). It grows with every level a member gains and with
 * every member, and falls when one leaves; a guild with no listed member is not ranked.
 */
export const guildRating = (memberLevels: readonly number[]): number =>
  memberLevels.reduce((sum, l) => sum + l, 0);

/**
 * Competition ranking ("1224"): rows of a sorted page in order, given the rank of the
 * first; a row with the same value as the row before shares its rank, any other row
 * is ranked by its position (everything above it is strictly better).
 */
export function competitionRanks(
  scores: readonly number[],
  firstPosition: number,
  firstRank: number,
): number[] {
  const ranks: number[] = [];
  scores.forEach((s, i) => {
    ranks.push(i === 0 ? firstRank : s === scores[i - 1] ? ranks[i - 1]! : firstPosition + i);
  });
  return ranks;
}
