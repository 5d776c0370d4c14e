import {
  CraftRefSchema,
  CraftStartInputSchema,
  CraftingViewInputSchema,
  SalvageInputSchema,
} from '@necp/shared';
import { cancelCraft, craftingView, finishCraft, salvageItem, startCraft } from '@necp/game';
import { characterProcedure, createTRPCRouter } from '../trpc';

/**
 * Crafting and salvage (docs/economy.md "Crafting"): every rule is in
 * packages/game/src/crafting; each procedure parses, names the caller's own character
 * and calls the domain. Starting a craft needs a crafting station; salvage does not.
 */
export const craftingRouter = createTRPCRouter({
  view: characterProcedure
    .input(CraftingViewInputSchema)
    .query(({ ctx, input }) => craftingView(ctx.deps, { characterId: input.characterId })),
  start: characterProcedure
    .input(CraftStartInputSchema)
    .mutation(({ ctx, input }) => startCraft(ctx.deps, input)),
  finish: characterProcedure.input(CraftRefSchema).mutation(({ ctx, input }) =>
    finishCraft(ctx.deps, {
      ...input,
      characterId: input.characterId,
    }),
  ),
  cancel: characterProcedure.input(CraftRefSchema).mutation(({ ctx, input }) =>
    cancelCraft(ctx.deps, {
      ...input,
      characterId: input.characterId,
    }),
  ),
  salvage: characterProcedure.input(SalvageInputSchema).mutation(({ ctx, input }) =>
    salvageItem(ctx.deps, {
      ...input,
      characterId: input.characterId,
    }),
  ),
});
