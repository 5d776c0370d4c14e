import { AchievementSetTitleInputSchema, AchievementsMineInputSchema } from '@necp/shared';
import { readAchievements, setAchievementTitle } from '@necp/game';
import { createTRPCRouter, protectedProcedure } from '../trpc';
import { ownCharacterId } from './own-character';

const own = ownCharacterId;

/** Achievements (docs/achievements.md): every rule is in packages/game/src/achievements. */
export const achievementsRouter = createTRPCRouter({
  /** every achievement with the character's progress, its points and the titles it earned */
  mine: protectedProcedure
    .input(AchievementsMineInputSchema)
    .query(async ({ ctx, input }) => readAchievements(ctx.deps, await own(ctx, input.characterId))),

  /** the title shown on the nameplate and profile: an earned one, or null for none */
  setTitle: protectedProcedure
    .input(AchievementSetTitleInputSchema)
    .mutation(async ({ ctx, input }) =>
      setAchievementTitle(ctx.deps, {
        characterId: await own(ctx, input.characterId),
        titleId: input.titleId,
      }),
    ),
});
