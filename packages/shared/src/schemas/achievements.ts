/**
 * Achievements over tRPC (`achievements.mine`, `achievements.setTitle`): inputs and
 * views. What an achievement is (its content schema) and the definitions stay in
 * achievements/.
 */
import { z } from 'zod';
import type { AchievementCategory } from '../content/achievement-schema';
import { ContentIdSchema, IdSchema } from './primitives';

export const AchievementsMineInputSchema = z.object({ characterId: IdSchema });

export const AchievementSetTitleInputSchema = z.object({
  characterId: IdSchema,
  /** a title the character unlocked (`title_…`); null shows none */
  titleId: ContentIdSchema.nullable(),
});

/** One achievement as the character's achievement window shows it. */
export interface AchievementView {
  id: string;
  /** "???" while a hidden one is not earned */
  name: string;
  description: string;
  category: AchievementCategory;
  points: number;
  hidden: boolean;
  /** the title it unlocks (text shown even before it is earned, unless hidden) */
  title: { id: string; text: string } | null;
  progress: number;
  target: number;
  /** epoch ms it was earned; null while not */
  completedAt: number | null;
}

export interface AchievementsView {
  characterId: string;
  /** the sum of the points of the achievements earned (leaderboards rank by it) */
  points: number;
  /** the title shown on the nameplate and profile; null: none */
  title: { id: string; text: string } | null;
  /** the titles it may choose from (earned), in definition order */
  titles: { id: string; text: string; achievementId: string }[];
  achievements: AchievementView[];
}
