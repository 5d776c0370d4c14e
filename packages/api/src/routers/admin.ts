import {
  AdminGrantEddiesInputSchema,
  AdminGrantItemInputSchema,
  AdminGrantXpInputSchema,
  SetRoleInputSchema,
} from '@necp/shared';
import { adminGrantEddies, adminGrantItem, grantXp, setRole } from '@necp/game';
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

  /** Test/support tool: XP with level-ups, logged with the admin's id as the reason. */
  grantXp: adminProcedure
    .input(AdminGrantXpInputSchema)
    .mutation(({ ctx, input }) =>
      grantXp(ctx.deps, { ...input, reason: `admin:${ctx.session.userId}` }),
    ),

  /** Promote or demote an account (not one's own). No sign-out: every grant re-reads the role. */
  setRole: adminProcedure
    .input(SetRoleInputSchema)
    .mutation(({ ctx, input }) =>
      setRole(ctx.deps, { ...input, actorId: ctx.session.userId, ip: ctx.ip }),
    ),
});
