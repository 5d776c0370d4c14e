import { ReputationListInputSchema } from '@necp/shared';
import { listStandings } from '@necp/game';
import { characterProcedure, createTRPCRouter } from '../trpc';

/** The reputation panel: standing and tier with every faction. */
export const reputationRouter = createTRPCRouter({
  list: characterProcedure
    .input(ReputationListInputSchema)
    .query(({ ctx, input }) => listStandings(ctx.deps, input)),
});
