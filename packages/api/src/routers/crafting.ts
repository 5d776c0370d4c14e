import {
  CraftRefSchema,
  CraftStartInputSchema,
  CraftingViewInputSchema,
  SalvageInputSchema,
} from '@necp/shared';
import { cancelCraft, craftingView, finishCraft, salvageItem, startCraft } from '@necp/game';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import { ownCharacterId } from './own-character';

/**
 * Crafting and salvage (docs/economy.md "Crafting"): every rule is in
 * packages/game/src/crafting; each procedure parses, names the caller's own character
 * and calls the domain. Starting a craft needs a crafting station; salvage does not.
 */
export const craftingRouter = createTRPCRouter({
  view: protectedProcedure
    .input(CraftingViewInputSchema)
    .query(async ({ ctx, input }) =>
      craftingView(ctx.deps, { characterId: await ownCharacterId(ctx, input.characterId) }),
    ),
  start: protectedProcedure
    .input(CraftStartInputSchema)
    .mutation(async ({ ctx, input }) =>
      startCraft(ctx.deps, { ...input, characterId: await ownCharacterId(ctx, input.characterId) }),
    ),
  finish: protectedProcedure.input(CraftRefSchema).mutation(async ({ ctx, input }) =>
    finishCraft(ctx.deps, {
      ...input,
      characterId: await ownCharacterId(ctx, input.characterId),
    }),
  ),
  cancel: protectedProcedure.input(CraftRefSchema).mutation(async ({ ctx, input }) =>
    cancelCraft(ctx.deps, {
      ...input,
      characterId: await ownCharacterId(ctx, input.characterId),
    }),
  ),
  salvage: protectedProcedure.input(SalvageInputSchema).mutation(async ({ ctx, input }) =>
    salvageItem(ctx.deps, {
      ...input,
      characterId: await ownCharacterId(ctx, input.characterId),
    }),
  ),
});
