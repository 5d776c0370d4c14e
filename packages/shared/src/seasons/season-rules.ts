/**
 * Seasons (issue 14, docs/seasons.md): the schedule, the arena soft reset and the
 * rewards by final rank — pure rules; the season job (packages/game/src/seasons) applies
 * them once per season end.
 */
import { z } from 'zod';
import { CLASS_IDS } from '../content/classes';
import { DEFAULT_GLICKO2_RATING, idleRating, type Glicko2Rating } from '../rating/glicko2';

/** How long a season runs (the schedule's one knob; content, not env: every process must agree). */
export const SEASON_LENGTH_DAYS = 28;
const DAY_MS = 86_400_000;

/** S1, S2, … */
export const SeasonKeySchema = z.string().regex(/^S[1-9][0-9]{0,4}$/, 'Unknown season');
export const seasonKey = (n: number) => `S${n}`;
export const seasonNumber = (key: string) => Number(key.slice(1));

/**
 * When the season after one that was due at `previousEnd` runs: it starts there (a
 * downtime does not shift the schedule) and ends on the first boundary of the schedule
 * that is still ahead of `now` (a downtime longer than a season does not open seasons
 * that are over before they start).
 */
export function nextSeasonWindow(
  previousEnd: Date,
  now: Date,
  lengthDays = SEASON_LENGTH_DAYS,
): { startsAt: Date; endsAt: Date } {
  const len = lengthDays * DAY_MS;
  const behind = Math.max(0, now.getTime() - previousEnd.getTime());
  const seasons = Math.floor(behind / len) + 1;
  return { startsAt: previousEnd, endsAt: new Date(previousEnd.getTime() + seasons * len) };
}

/** The share of a rating's distance from 1500 it keeps into the next season. */
export const SEASON_RATING_KEPT = 0.5;
/** Idle rating periods applied to the deviation (one per day of a season). */
export const SEASON_IDLE_PERIODS = SEASON_LENGTH_DAYS;
/** The least deviation a new season starts with: everyone's first matches move them. */
export const SEASON_RD_FLOOR = 150;

/**
 * The arena soft reset: the rating moves halfway to 1500, the deviation grows as if
 * idle for a season (idleRating) and is at least SEASON_RD_FLOOR (never above a
 * newcomer's 350); volatility is kept.
 */
export function softResetRating(r: Glicko2Rating): Glicko2Rating {
  const base = DEFAULT_GLICKO2_RATING.rating;
  const idle = idleRating(r, SEASON_IDLE_PERIODS);
  return {
    rating: base + (r.rating - base) * SEASON_RATING_KEPT,
    rd: Math.min(DEFAULT_GLICKO2_RATING.rd, Math.max(SEASON_RD_FLOOR, idle.rd)),
    volatility: r.volatility,
  };
}

/** Rows archived per board and scope (overall, each class) when a season ends. */
export const SEASON_ARCHIVE_TOP = 100;
/** An archived standing's scope: 'all' (the overall list) or the class whose list it is. */
export const SEASON_STANDING_SCOPES = ['all', ...CLASS_IDS] as const;
export type SeasonStandingScope = (typeof SEASON_STANDING_SCOPES)[number];

/** One reward tier: every rank up to `maxRank` not taken by a better tier. */
export interface SeasonRewardTier {
  maxRank: number;
  eddies: number;
  items: { templateId: string; quantity: number }[];
  /** the tier's name in the mail */
  label: string;
}

/** Arena rewards by final competition rank on a bracket's board (ties share a tier). */
export const ARENA_SEASON_REWARDS: readonly SeasonRewardTier[] = [
  {
    maxRank: 1,
    eddies: 50_000,
    items: [{ templateId: 'stim_platinum', quantity: 5 }],
    label: 'Champion',
  },
  {
    maxRank: 3,
    eddies: 25_000,
    items: [{ templateId: 'stim_platinum', quantity: 2 }],
    label: 'Top 3',
  },
  {
    maxRank: 10,
    eddies: 10_000,
    items: [{ templateId: 'stim_military', quantity: 3 }],
    label: 'Top 10',
  },
  { maxRank: 100, eddies: 2_000, items: [], label: 'Top 100' },
];

/**
 * The Neon Popularity Reset's rewards, by a guild's final rank on the season's renown
 * board (`guild-renown`, not the level-sum rating: renown is earned in the season, the
 * rating mostly by a guild's size and age): every listed member at the season's end who
 * earned renown for that guild during it gets the tier's share.
 */
export const GUILD_SEASON_REWARDS: readonly SeasonRewardTier[] = [
  { maxRank: 1, eddies: 10_000, items: [], label: 'Most popular crew' },
  { maxRank: 3, eddies: 5_000, items: [], label: 'Top 3 crew' },
  { maxRank: 10, eddies: 1_000, items: [], label: 'Top 10 crew' },
];

/** The tier of a final rank; null: no reward. */
export function seasonRewardFor(
  tiers: readonly SeasonRewardTier[],
  rank: number,
): SeasonRewardTier | null {
  return tiers.find((t) => rank <= t.maxRank) ?? null;
}

/** A season as the public pages show it. */
export interface SeasonView {
  key: string;
  number: number;
  /** epoch ms */
  startsAt: number;
  endsAt: number;
  state: 'active' | 'ended';
}
