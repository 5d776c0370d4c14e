import { CharacterIdInputSchema, CreateCharacterInputSchema } from '@necp/shared';
import {
  createCharacter,
  deleteCharacter,
  enterWorld,
  listCharacters,
  restoreCharacter,
} from '@necp/game';
import { createTRPCRouter, protectedProcedure } from '../trpc';

/**
 * The account's roster: every procedure acts on the signed-in account's own characters, and
 * the domain checks the account (delete and restore reach deleted ones, which
 * characterProcedure refuses).
 */
export const characterRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listCharacters(ctx.deps, ctx.session.userId)),

  create: protectedProcedure
    .input(CreateCharacterInputSchema)
    .mutation(({ ctx, input }) =>
      createCharacter(ctx.deps, { ...input, userId: ctx.session.userId }),
    ),

  delete: protectedProcedure
    .input(CharacterIdInputSchema)
    .mutation(({ ctx, input }) =>
      deleteCharacter(ctx.deps, { userId: ctx.session.userId, characterId: input.characterId }),
    ),

  restore: protectedProcedure
    .input(CharacterIdInputSchema)
    .mutation(({ ctx, input }) =>
      restoreCharacter(ctx.deps, { userId: ctx.session.userId, characterId: input.characterId }),
    ),

  /** The ticket's role is read from the database by the domain, not taken from the session. */
  enter: protectedProcedure.input(CharacterIdInputSchema).mutation(({ ctx, input }) =>
    enterWorld(ctx.deps, {
      userId: ctx.session.userId,
      characterId: input.characterId,
      sessionId: ctx.session.sessionId,
    }),
  ),
});
