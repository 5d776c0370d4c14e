import { z } from 'zod';
import { ATTRIBUTE_KEYS, type AttributeKey, type Attributes } from '../content/attributes';
import { SKILL_IDS, type Perk } from '../content/skills';
import type { DerivedStats } from '../rules/stats';
import { CharacterIdInputSchema } from './character';
import { IdSchema, TextSchema } from './primitives';

/** progression.sheet / progression.respec */
export const ProgressionSheetInputSchema = CharacterIdInputSchema;
export type ProgressionSheetInput = z.infer<typeof ProgressionSheetInputSchema>;

export const RespecInputSchema = CharacterIdInputSchema;
export type RespecInput = z.infer<typeof RespecInputSchema>;

/** progression.spendPoint: one point into one attribute. */
export const SpendAttributePointInputSchema = CharacterIdInputSchema.extend({
  attribute: z.enum(ATTRIBUTE_KEYS, { error: 'Choose an attribute' }),
});
export type SpendAttributePointInput = z.infer<typeof SpendAttributePointInputSchema>;

/** grantXp (server-side sources: kills, quests, admin.grantXp). */
export const GrantXpInputSchema = CharacterIdInputSchema.extend({
  amount: z.int().positive().max(10_000_000),
  /** what earned it (kill, quest, admin …), for the log */
  reason: TextSchema(64, { min: 1 }),
});
export type GrantXpInput = z.infer<typeof GrantXpInputSchema>;

/** admin.grantXp: the reason is the admin's id, set by the router. */
export const AdminGrantXpInputSchema = GrantXpInputSchema.omit({ reason: true });

/** gainSkillXp (the sim after a shot, a hack, a heal; quests). */
export const GainSkillXpInputSchema = CharacterIdInputSchema.extend({
  skillId: IdSchema.refine((id) => SKILL_IDS.includes(id), 'Unknown skill'),
  amount: z.int().positive().max(1_000_000),
});
export type GainSkillXpInput = z.infer<typeof GainSkillXpInputSchema>;

/** What progression.sheet returns (and spendPoint / respec return after their change). */
export interface CharacterSheet {
  characterId: string;
  name: string;
  origin: string;
  class: string;
  level: number;
  levelCap: number;
  /** total XP earned */
  xp: number;
  /** XP earned inside the current level */
  xpIntoLevel: number;
  /** XP the current level needs; null at the level cap */
  xpToNext: number | null;
  /** spent attributes, without item bonuses (stats.attributes has those) */
  attributes: Attributes;
  /** what a respec resets the attributes to */
  startingAttributes: Attributes;
  attributePoints: number;
  /** highest value an attribute can be raised to with points */
  attributeMax: number;
  health: number;
  /** derived from attributes, level and equipped, non-broken items */
  stats: DerivedStats;
  /** kg in bag and equipment, the carry limit, and the move-speed factor that results */
  weight: { carried: number; limit: number; speedFactor: number };
  skills: SkillProgress[];
  eddies: number;
  respecCount: number;
  /** eddies the next respec costs */
  respecCost: number;
}

export interface SkillProgress {
  id: string;
  name: string;
  description: string;
  attribute: AttributeKey;
  level: number;
  maxLevel: number;
  xp: number;
  xpIntoLevel: number;
  /** null at the skill cap */
  xpToNext: number | null;
  perks: Perk[];
  /** the next perk to unlock, if any */
  nextPerk: Perk | null;
}
