import {
  ProgressionSheetInputSchema,
  RespecInputSchema,
  SpendAttributePointInputSchema,
} from '@necp/shared';
import { getCharacterSheet, respecAttributes, spendAttributePoint } from '@necp/game';
import { createTRPCRouter, protectedProcedure } from '../trpc';

/** Character sheet, attribute points and respec of the signed-in account's own characters. */
export const progressionRouter = createTRPCRouter({
  sheet: protectedProcedure
    .input(ProgressionSheetInputSchema)
    .query(({ ctx, input }) =>
      getCharacterSheet(ctx.deps, { userId: ctx.session.userId, characterId: input.characterId }),
    ),

  spendPoint: protectedProcedure
    .input(SpendAttributePointInputSchema)
    .mutation(({ ctx, input }) =>
      spendAttributePoint(ctx.deps, { ...input, userId: ctx.session.userId }),
    ),

  respec: protectedProcedure
    .input(RespecInputSchema)
    .mutation(({ ctx, input }) =>
      respecAttributes(ctx.deps, { ...input, userId: ctx.session.userId }),
    ),
});
