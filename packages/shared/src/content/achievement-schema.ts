/**
 * Achievements (issue 14, docs/achievements.md): what one is — a category, points,
 * a criterion over domain events and an optional title reward — as Zod schemas, so
 * the definitions in achievements.ts are checked when the module loads.
 */
import { z } from 'zod';
import { NPC_RANKS } from './npc-schema';
import { RARITIES } from './item-schema';
import { QuestIdSchema } from './quest-schema';
import { ContentIdSchema } from '../schemas/primitives';
import { ARENA_BRACKETS } from '../rating/arena-brackets';

export const ACHIEVEMENT_CATEGORIES = [
  'combat',
  'progression',
  'quests',
  'loot',
  'dungeons',
  'arena',
  'social',
] as const;
export type AchievementCategory = (typeof ACHIEVEMENT_CATEGORIES)[number];

export const ACHIEVEMENT_CATEGORY_LABEL: Record<AchievementCategory, string> = {
  combat: 'Combat',
  progression: 'Progression',
  quests: 'Gigs',
  loot: 'Loot',
  dungeons: 'Dungeons & Raids',
  arena: 'Arena',
  social: 'Social',
};

const count = z.int().min(1).max(1_000_000);

/**
 * What earns an achievement. Counting kinds (`count`) add up over events; `level`
 * and `friends` follow an absolute value (the highest seen); the rest complete on
 * the first matching event.
 */
export const AchievementCriterionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('kills'),
    count,
    /** only NPCs of this rank */
    npcRank: z.enum(NPC_RANKS).optional(),
    /** only these NPC templates */
    npcTemplateIds: z.array(ContentIdSchema).min(1).optional(),
    /** only NPCs of this faction */
    factionId: ContentIdSchema.optional(),
  }),
  z.object({ kind: z.literal('level'), level: z.int().min(2) }),
  /** quests turned in, any (a repeatable one counts each time) */
  z.object({ kind: z.literal('quests'), count }),
  /** one quest turned in */
  z.object({ kind: z.literal('quest'), questId: QuestIdSchema }),
  /** a quest chain's last step turned in (content quest `chain`) */
  z.object({ kind: z.literal('chain'), chainId: ContentIdSchema }),
  /** items of at least this rarity picked up */
  z.object({ kind: z.literal('item_rarity'), rarity: z.enum(RARITIES), count: count.default(1) }),
  z.object({ kind: z.literal('dungeon_clears'), count, dungeonId: ContentIdSchema.optional() }),
  z.object({ kind: z.literal('raid_clears'), count, raidId: ContentIdSchema.optional() }),
  z.object({ kind: z.literal('arena_wins'), count, bracket: z.enum(ARENA_BRACKETS).optional() }),
  z.object({ kind: z.literal('party_joined') }),
  z.object({ kind: z.literal('guild_joined') }),
  /** this many friends at once */
  z.object({ kind: z.literal('friends'), count }),
]);
export type AchievementCriterion = z.infer<typeof AchievementCriterionSchema>;
export type AchievementCriterionKind = AchievementCriterion['kind'];

/** A title an achievement unlocks: shown on the nameplate and the profile when chosen. */
export const AchievementTitleSchema = z.object({
  id: ContentIdSchema.regex(/^title_/),
  text: z.string().min(2).max(32),
});
export type AchievementTitle = z.infer<typeof AchievementTitleSchema>;

export const AchievementSchema = z.object({
  /** stable: CharacterAchievement rows keep it */
  id: ContentIdSchema.regex(/^ach_/),
  name: z.string().min(3).max(48),
  description: z.string().min(10).max(200),
  category: z.enum(ACHIEVEMENT_CATEGORIES),
  points: z.int().min(0).max(100),
  criterion: AchievementCriterionSchema,
  title: AchievementTitleSchema.optional(),
  /** shown as "???" until earned */
  hidden: z.boolean().default(false),
});
export type Achievement = z.infer<typeof AchievementSchema>;
export type AchievementInput = z.input<typeof AchievementSchema>;
