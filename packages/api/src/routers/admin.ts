import { AdminGrantEddiesInputSchema, AdminGrantItemInputSchema } from '@necp/shared';
import { adminGrantEddies, adminGrantItem } from '@necp/game';
import { adminProcedure, createTRPCRouter } from '../trpc';

/** Staff tools. adminProcedure re-reads the role from the database and audit-logs every call. */
export const adminRouter = createTRPCRouter({
  grantItem: adminProcedure
    .input(AdminGrantItemInputSchema)
    .mutation(({ ctx, input }) =>
      adminGrantItem(ctx.deps, { ...input, adminUserId: ctx.session.userId }),
    ),

  grantEddies: adminProcedure
    .input(AdminGrantEddiesInputSchema)
    .mutation(({ ctx, input }) =>
      adminGrantEddies(ctx.deps, { ...input, adminUserId: ctx.session.userId }),
    ),
});
