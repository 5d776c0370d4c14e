import { DailyClaimInputSchema } from '@necp/shared';
import { claimLoginReward, getDailyStatus } from '@necp/game';
import { characterProcedure, createTRPCRouter } from '../trpc';

/** The daily login reward (once per account per UTC day) and reset times. */
export const dailyRouter = createTRPCRouter({
  /** the account's calendar, seen from one of its characters (its input, characterId) */
  status: characterProcedure.query(({ ctx }) => getDailyStatus(ctx.deps, ctx.session.userId)),
  claim: characterProcedure
    .input(DailyClaimInputSchema)
    .mutation(({ ctx, input }) =>
      claimLoginReward(ctx.deps, { ...input, userId: ctx.session.userId }),
    ),
});
