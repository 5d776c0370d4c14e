import {
  AbandonQuestInputSchema,
  AcceptQuestInputSchema,
  QuestLogInputSchema,
  ReportQuestActionInputSchema,
  TurnInQuestInputSchema,
} from '@necp/shared';
import { abandonQuest, acceptQuest, getQuestLog, reportQuestAction, turnInQuest } from '@necp/game';
import { createTRPCRouter, protectedProcedure } from '../trpc';

/**
 * The caller's character's quests. accept/turnIn happen at the contact (stored
 * position within INTERACT_RANGE, FORBIDDEN otherwise); abandon anywhere (abandoning
 * the welcome quest is "skip tutorial": it is never given again). reportAction: what
 * only the client sees the player do (the welcome quest's "go solo").
 */
export const questsRouter = createTRPCRouter({
  log: protectedProcedure
    .input(QuestLogInputSchema)
    .query(({ ctx, input }) => getQuestLog(ctx.deps, { ...input, userId: ctx.session.userId })),
  accept: protectedProcedure
    .input(AcceptQuestInputSchema)
    .mutation(({ ctx, input }) => acceptQuest(ctx.deps, { ...input, userId: ctx.session.userId })),
  abandon: protectedProcedure
    .input(AbandonQuestInputSchema)
    .mutation(({ ctx, input }) => abandonQuest(ctx.deps, { ...input, userId: ctx.session.userId })),
  reportAction: protectedProcedure
    .input(ReportQuestActionInputSchema)
    .mutation(({ ctx, input }) =>
      reportQuestAction(ctx.deps, { ...input, userId: ctx.session.userId }),
    ),
  turnIn: protectedProcedure
    .input(TurnInQuestInputSchema)
    .mutation(({ ctx, input }) => turnInQuest(ctx.deps, { ...input, userId: ctx.session.userId })),
});
