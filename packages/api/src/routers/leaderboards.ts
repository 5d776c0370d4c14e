import {
  LeaderboardAroundByNameInputSchema,
  LeaderboardRanksInputSchema,
  LeaderboardTopInputSchema,
} from '@necp/shared';
import {
  listSeasons,
  readLeaderboardAround,
  readLeaderboardOfSeason,
  readLeaderboardRanks,
} from '@necp/game';
import { createTRPCRouter, publicProcedure } from '../trpc';

/**
 * The public leaderboards (docs/leaderboards.md, docs/seasons.md): anyone may read
 * them, signed in or not. Every rule is in packages/game/src/leaderboards and seasons.
 */
export const leaderboardsRouter = createTRPCRouter({
  /** one page of a board (page 1 is the top), narrowed to a class or not; a past season's final standings with `season` */
  top: publicProcedure.input(LeaderboardTopInputSchema).query(({ ctx, input }) =>
    readLeaderboardOfSeason(ctx.deps, {
      board: input.board,
      class: input.class,
      offset: (input.page - 1) * input.pageSize,
      limit: input.pageSize,
      season: input.season,
    }),
  ),

  /** the rows around a character, by name (its guild's, on the guild board) */
  around: publicProcedure
    .input(LeaderboardAroundByNameInputSchema)
    .query(({ ctx, input }) => readLeaderboardAround(ctx.deps, input)),

  /** a character's place on every board, by name */
  ranks: publicProcedure
    .input(LeaderboardRanksInputSchema)
    .query(({ ctx, input }) => readLeaderboardRanks(ctx.deps, { name: input.name })),

  /** every season, newest first (the current one is `active`) */
  seasons: publicProcedure.query(({ ctx }) => listSeasons(ctx.deps)),
});
