import { BanInputSchema, UnbanInputSchema } from '@necp/shared';
import { ReadCombatLogInputSchema, banAccount, readCombatLog, unbanAccount } from '@necp/game';
import { createTRPCRouter, moderatorProcedure } from '../trpc';

/** Moderator tools. moderatorProcedure re-reads the role from the database and audit-logs every call. */
export const moderationRouter = createTRPCRouter({
  /** The combat log, newest first: filter by character (id or name), zone and time; page with nextCursor. */
  combatLog: moderatorProcedure
    .input(ReadCombatLogInputSchema)
    .query(({ ctx, input }) => readCombatLog(ctx.deps, input)),

  /** Ban an account below the caller's role, for durationHours or for good; ends its sessions. */
  ban: moderatorProcedure
    .input(BanInputSchema)
    .mutation(({ ctx, input }) =>
      banAccount(ctx.deps, { ...input, actorId: ctx.session.userId, ip: ctx.ip }),
    ),

  unban: moderatorProcedure
    .input(UnbanInputSchema)
    .mutation(({ ctx, input }) =>
      unbanAccount(ctx.deps, { ...input, actorId: ctx.session.userId, ip: ctx.ip }),
    ),
});
