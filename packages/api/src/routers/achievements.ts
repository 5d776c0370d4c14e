import { AchievementSetTitleInputSchema, AchievementsMineInputSchema } from '@necp/shared';
import { readAchievements, setAchievementTitle } from '@necp/game';
import { characterProcedure, createTRPCRouter } from '../trpc';

/** Achievements (docs/achievements.md): every rule is in packages/game/src/achievements. */
export const achievementsRouter = createTRPCRouter({
  /** every achievement with the character's progress, its points and the titles it earned */
  mine: characterProcedure
    .input(AchievementsMineInputSchema)
    .query(({ ctx, input }) => readAchievements(ctx.deps, input.characterId)),

  /** the title shown on the nameplate and profile: an earned one, or null for none */
  setTitle: characterProcedure.input(AchievementSetTitleInputSchema).mutation(({ ctx, input }) =>
    setAchievementTitle(ctx.deps, {
      characterId: input.characterId,
      titleId: input.titleId,
    }),
  ),
});
