import { ReadCombatLogInputSchema, readCombatLog } from '@necp/game';
import { createTRPCRouter, moderatorProcedure } from '../trpc';

/** Moderator tools. moderatorProcedure re-reads the role from the database and audit-logs every call. */
export const moderationRouter = createTRPCRouter({
  /** The combat log, newest first: filter by character (id or name), zone and time; page with nextCursor. */
  combatLog: moderatorProcedure
    .input(ReadCombatLogInputSchema)
    .query(({ ctx, input }) => readCombatLog(ctx.deps, input)),
});
