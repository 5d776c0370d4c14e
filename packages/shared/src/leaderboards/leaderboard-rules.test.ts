import { describe, expect, it } from 'vitest';
import { MAX_TOTAL_XP } from '../rules/progression';
import { LEVEL_CAP } from '../content/progression';
import {
  LEADERBOARD_KEYS,
  LEADERBOARDS,
  competitionRanks,
  guildRating,
  levelBoardScore,
  splitLevelBoardScore,
} from './leaderboard-rules';

describe('leaderboard rules', () => {
  it('the level score orders by level, then XP, and is exact at the cap', () => {
    expect(levelBoardScore(10, 999_999)).toBeLessThan(levelBoardScore(11, 0));
    expect(levelBoardScore(10, 5)).toBeLessThan(levelBoardScore(10, 6));
    const top = levelBoardScore(LEVEL_CAP, MAX_TOTAL_XP);
    expect(Number.isSafeInteger(top)).toBe(true);
    expect(splitLevelBoardScore(top)).toEqual({ level: LEVEL_CAP, xp: MAX_TOTAL_XP });
  });

  it('competition ranks: equal values share a rank, the next is ranked by place', () => {
    expect(competitionRanks([9, 8, 8, 7, 7, 7, 1], 1, 1)).toEqual([1, 2, 2, 4, 4, 4, 7]);
    // a page starting at place 51 whose first row ties with rows above it (rank 48)
    expect(competitionRanks([5, 5, 4], 51, 48)).toEqual([48, 48, 53]);
    expect(competitionRanks([], 1, 1)).toEqual([]);
  });

  it('guild rating is the sum of its members’ levels', () => {
    expect(guildRating([20, 15])).toBe(35);
    expect(guildRating([])).toBe(0);
  });

  it('every board has its meta under its own key', () => {
    for (const k of LEADERBOARD_KEYS) expect(LEADERBOARDS[k].key).toBe(k);
    expect(LEADERBOARDS.guilds).toMatchObject({ subject: 'guild', byClass: false });
  });
});
