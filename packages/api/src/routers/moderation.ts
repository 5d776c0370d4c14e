import {
  ContractCaseInputSchema,
  ContractRuleInputSchema,
  ContractStaffNoteInputSchema,
  BanInputSchema,
  MuteInputSchema,
  ReadCombatLogInputSchema,
  ReportListInputSchema,
  ReportResolveInputSchema,
  UnbanInputSchema,
  UnmuteInputSchema,
} from '@necp/shared';
import {
  arbitrationQueue,
  contractCase,
  noteContractCase,
  ruleContract,
  banAccount,
  listReports,
  muteAccount,
  resolveReport,
  readCombatLog,
  unbanAccount,
  unmuteAccount,
} from '@necp/game';
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

  /** Mute an account below the caller's role for `minutes` (every sim reads mutes per message: at once, everywhere). */
  chatMute: moderatorProcedure
    .input(MuteInputSchema)
    .mutation(({ ctx, input }) =>
      muteAccount(ctx.deps, { ...input, byUserId: ctx.session.userId }),
    ),

  chatUnmute: moderatorProcedure
    .input(UnmuteInputSchema)
    .mutation(({ ctx, input }) =>
      unmuteAccount(ctx.deps, { ...input, byUserId: ctx.session.userId }),
    ),

  /** Players' reports (chat messages and players) with their context, newest first. */
  reports: moderatorProcedure
    .input(ReportListInputSchema)
    .query(({ ctx, input }) => listReports(ctx.deps, input)),

  /** Close a report with what was done (a resolved one: CONFLICT). */
  resolveReport: moderatorProcedure
    .input(ReportResolveInputSchema)
    .mutation(({ ctx, input }) =>
      resolveReport(ctx.deps, { ...input, moderatorId: ctx.session.userId }),
    ),

  /** Disputed contracts waiting for a ruling, oldest first (mayRule: false where the caller is related to a side). */
  arbitration: moderatorProcedure.query(({ ctx }) =>
    arbitrationQueue(ctx.deps, { moderatorId: ctx.session.userId }),
  ),

  arbitrationCase: moderatorProcedure
    .input(ContractCaseInputSchema)
    .query(({ ctx, input }) =>
      contractCase(ctx.deps, { ...input, viewer: { moderatorId: ctx.session.userId } }),
    ),

  /** Rule on a disputed contract: release, refund or split; the losing side pays the fee. */
  ruleContract: moderatorProcedure
    .input(ContractRuleInputSchema)
    .mutation(({ ctx, input }) =>
      ruleContract(ctx.deps, { ...input, moderatorId: ctx.session.userId }),
    ),

  /** A moderator's line in a case's evidence. */
  noteContract: moderatorProcedure
    .input(ContractStaffNoteInputSchema)
    .mutation(({ ctx, input }) =>
      noteContractCase(ctx.deps, { ...input, moderatorId: ctx.session.userId }),
    ),
});
