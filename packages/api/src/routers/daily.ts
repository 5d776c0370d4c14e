import { DailyClaimInputSchema, DailyStatusInputSchema } from '@necp/shared';
import { claimLoginReward, getDailyStatus } from '@necp/game';
import { createTRPCRouter, protectedProcedure } from '../trpc';

/** The daily login reward (once per account per UTC day) and reset times. */
export const dailyRouter = createTRPCRouter({
  status: protectedProcedure
    .input(DailyStatusInputSchema)
    .query(({ ctx, input }) => getDailyStatus(ctx.deps, { ...input, userId: ctx.session.userId })),
  claim: protectedProcedure
    .input(DailyClaimInputSchema)
    .mutation(({ ctx, input }) =>
      claimLoginReward(ctx.deps, { ...input, userId: ctx.session.userId }),
    ),
});
