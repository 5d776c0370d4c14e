import {
  LeaderboardAroundByNameInputSchema,
  LeaderboardRanksInputSchema,
  LeaderboardTopInputSchema,
} from '@necp/shared';
import { readLeaderboard, readLeaderboardAround, readLeaderboardRanks } from '@necp/game';
import { createTRPCRouter, publicProcedure } from '../trpc';

/**
 * The public leaderboards (docs/leaderboards.md): anyone may read them, signed in or
 * not. Every rule is in packages/game/src/leaderboards.
 */
export const leaderboardsRouter = createTRPCRouter({
  /** one page of a board (page 1 is the top), narrowed to a class or not */
  top: publicProcedure.input(LeaderboardTopInputSchema).query(({ ctx, input }) =>
    readLeaderboard(ctx.deps, {
      board: input.board,
      class: input.class,
      offset: (input.page - 1) * input.pageSize,
      limit: input.pageSize,
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
});
