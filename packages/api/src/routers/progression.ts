import {
  ProgressionSheetInputSchema,
  RespecInputSchema,
  SpendAttributePointInputSchema,
} from '@necp/shared';
import { getCharacterSheet, respecAttributes, spendAttributePoint } from '@necp/game';
import { characterProcedure, createTRPCRouter } from '../trpc';

/** Character sheet, attribute points and respec of the signed-in account's own characters. */
export const progressionRouter = createTRPCRouter({
  sheet: characterProcedure
    .input(ProgressionSheetInputSchema)
    .query(({ ctx, input }) => getCharacterSheet(ctx.deps, input)),

  spendPoint: characterProcedure
    .input(SpendAttributePointInputSchema)
    .mutation(({ ctx, input }) => spendAttributePoint(ctx.deps, input)),

  respec: characterProcedure
    .input(RespecInputSchema)
    .mutation(({ ctx, input }) => respecAttributes(ctx.deps, input)),
});
