import { describe, expect, it } from 'vitest';
import {
  LeaderboardAroundInputSchema,
  LeaderboardSliceInputSchema,
  LeaderboardTopInputSchema,
} from './leaderboards';

describe('leaderboard inputs', () => {
  it('inputs: defaults, caps and refusals', () => {
    expect(LeaderboardSliceInputSchema.parse({ board: 'level' })).toEqual({
      board: 'level',
      offset: 0,
      limit: 50,
    });
    expect(LeaderboardTopInputSchema.parse({ board: 'wealth', class: 'solo' })).toMatchObject({
      page: 1,
      pageSize: 50,
    });
    for (const bad of [
      { board: 'level', limit: 101 },
      { board: 'level', offset: -1 },
      { board: 'level', class: 'Solo' },
      { board: 'LEVEL' },
    ])
      expect(LeaderboardSliceInputSchema.safeParse(bad).success).toBe(false);
    expect(LeaderboardAroundInputSchema.safeParse({ board: 'level', name: 'Okay1' }).success).toBe(
      true,
    );
    expect(LeaderboardAroundInputSchema.safeParse({ board: 'level' }).success).toBe(false);
  });
});
