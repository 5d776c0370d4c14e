import { CharacterIdInputSchema } from '@necp/shared';
import { mintQuantumSyncToken } from '@necp/game';
import { characterProcedure, createTRPCRouter } from '../trpc';

/** Raids (docs/instances.md). A mutation, so the per-account mutation limit applies like `character.enter`. */
export const raidRouter = createTRPCRouter({
  /** The entry token of the raid the character is in (another account's character: NOT_FOUND; no raid: FORBIDDEN). */
  syncToken: characterProcedure
    .input(CharacterIdInputSchema)
    .mutation(({ ctx, input }) => mintQuantumSyncToken(ctx.deps, input)),
});
