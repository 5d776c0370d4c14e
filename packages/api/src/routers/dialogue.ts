import { DialogueChooseInputSchema, DialogueOpenInputSchema } from '@necp/shared';
import { chooseDialogue, openDialogue } from '@necp/game';
import { characterProcedure, createTRPCRouter } from '../trpc';

/**
 * Conversations with contacts (within INTERACT_RANGE). The server keeps the node
 * each character stands at: `choose` only accepts a choice of that node.
 */
export const dialogueRouter = createTRPCRouter({
  open: characterProcedure
    .input(DialogueOpenInputSchema)
    .mutation(({ ctx, input }) => openDialogue(ctx.deps, input)),
  choose: characterProcedure
    .input(DialogueChooseInputSchema)
    .mutation(({ ctx, input }) => chooseDialogue(ctx.deps, input)),
});
