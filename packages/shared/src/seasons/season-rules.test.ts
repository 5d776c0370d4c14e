import { describe, expect, it } from 'vitest';
import { idleRating } from '../rating/glicko2';
import {
  ARENA_SEASON_REWARDS,
  SEASON_LENGTH_DAYS,
  SEASON_RD_FLOOR,
  SeasonKeySchema,
  nextSeasonWindow,
  seasonRewardFor,
  softResetRating,
} from './season-rules';

const DAY = 86_400_000;

describe('season rules', () => {
  it('soft reset: halfway to 1500, the deviation of a season idle (at least the floor), volatility kept', () => {
    expect(softResetRating({ rating: 1800, rd: 60, volatility: 0.06 })).toEqual({
      rating: 1650,
      rd: SEASON_RD_FLOOR,
      volatility: 0.06,
    });
    const low = softResetRating({ rating: 1300, rd: 200, volatility: 0.07 });
    expect(low.rating).toBe(1400);
    expect(low.rd).toBeCloseTo(idleRating({ rating: 1300, rd: 200, volatility: 0.07 }, 28).rd, 9);
    expect(low.rd).toBeGreaterThan(200);
    expect(softResetRating({ rating: 1500, rd: 349, volatility: 0.2 }).rd).toBe(350);
  });

  it('the next season starts where the last was due and ends on the schedule still ahead', () => {
    const end = new Date(Date.UTC(2026, 5, 1));
    const len = SEASON_LENGTH_DAYS * DAY;
    expect(nextSeasonWindow(end, new Date(end.getTime() + 60_000))).toEqual({
      startsAt: end,
      endsAt: new Date(end.getTime() + len),
    });
    // down for longer than a season: no season that is over before it starts
    expect(nextSeasonWindow(end, new Date(end.getTime() + len + DAY)).endsAt).toEqual(
      new Date(end.getTime() + 2 * len),
    );
  });

  it('reward tiers by competition rank; keys', () => {
    expect(seasonRewardFor(ARENA_SEASON_REWARDS, 1)?.label).toBe('Champion');
    expect(seasonRewardFor(ARENA_SEASON_REWARDS, 3)?.label).toBe('Top 3');
    expect(seasonRewardFor(ARENA_SEASON_REWARDS, 100)?.label).toBe('Top 100');
    expect(seasonRewardFor(ARENA_SEASON_REWARDS, 101)).toBeNull();
    expect(SeasonKeySchema.safeParse('S12').success).toBe(true);
    expect(SeasonKeySchema.safeParse('S0').success).toBe(false);
    expect(SeasonKeySchema.safeParse('s1').success).toBe(false);
  });
});
