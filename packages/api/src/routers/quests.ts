import {
  AbandonQuestInputSchema,
  AcceptQuestInputSchema,
  QuestLogInputSchema,
  ReportQuestActionInputSchema,
  TurnInQuestInputSchema,
} from '@necp/shared';
import { abandonQuest, acceptQuest, getQuestLog, reportQuestAction, turnInQuest } from '@necp/game';
import { characterProcedure, createTRPCRouter } from '../trpc';

/**
 * The caller's character's quests. accept/turnIn happen at the contact (stored
 * position within INTERACT_RANGE, FORBIDDEN otherwise); abandon anywhere (abandoning
 * the welcome quest is "skip tutorial": it is never given again). reportAction: what
 * only the client sees the player do (the welcome quest's "go solo").
 */
export const questsRouter = createTRPCRouter({
  log: characterProcedure
    .input(QuestLogInputSchema)
    .query(({ ctx, input }) => getQuestLog(ctx.deps, input)),
  accept: characterProcedure
    .input(AcceptQuestInputSchema)
    .mutation(({ ctx, input }) => acceptQuest(ctx.deps, input)),
  abandon: characterProcedure
    .input(AbandonQuestInputSchema)
    .mutation(({ ctx, input }) => abandonQuest(ctx.deps, input)),
  reportAction: characterProcedure
    .input(ReportQuestActionInputSchema)
    .mutation(({ ctx, input }) => reportQuestAction(ctx.deps, input)),
  turnIn: characterProcedure
    .input(TurnInQuestInputSchema)
    .mutation(({ ctx, input }) => turnInQuest(ctx.deps, input)),
});
