import { ReputationListInputSchema } from '@necp/shared';
import { listStandings } from '@necp/game';
import { createTRPCRouter, protectedProcedure } from '../trpc';

/** The reputation panel: standing and tier with every faction. */
export const reputationRouter = createTRPCRouter({
  list: protectedProcedure
    .input(ReputationListInputSchema)
    .query(({ ctx, input }) => listStandings(ctx.deps, { ...input, userId: ctx.session.userId })),
});
