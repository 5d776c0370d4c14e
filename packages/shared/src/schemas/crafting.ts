/**
 * Inputs and views of crafting and salvage (crafting/crafting-rules.ts holds the rules,
 * content/recipes.ts and content/salvage.ts the content). The domain
 * (packages/game/src/crafting) parses every input again; docs/economy.md tells the flow.
 */
import { z } from 'zod';
import type { Discipline, RecipeItem } from '../content/recipe-schema';
import type { QualityTier, RecipeColor } from '../crafting/crafting-rules';
import { ContentIdSchema, IdSchema, IdempotencyKeySchema } from './primitives';

/** How close (metres) to a crafting station a craft is started. */
export const CRAFT_RANGE = 6;

/** casting: the inputs are held until it finishes; done: resolved once; cancelled: freed. */
export const CRAFT_STATES = ['casting', 'done', 'cancelled'] as const;
export type CraftState = (typeof CRAFT_STATES)[number];

export const CraftingViewInputSchema = z.object({ characterId: IdSchema });
export type CraftingViewInput = z.input<typeof CraftingViewInputSchema>;

/** Starting a craft of a recipe at a station. */
export const CraftStartInputSchema = z.object({
  characterId: IdSchema,
  recipeId: ContentIdSchema,
  idempotencyKey: IdempotencyKeySchema,
});
export type CraftStartInput = z.input<typeof CraftStartInputSchema>;

/** Finishing or cancelling a craft of one's own. */
export const CraftRefSchema = z.object({ characterId: IdSchema, craftId: IdSchema });
export type CraftRef = z.input<typeof CraftRefSchema>;

/** Salvaging one bag item into materials. */
export const SalvageInputSchema = z.object({
  characterId: IdSchema,
  itemId: IdSchema,
  idempotencyKey: IdempotencyKeySchema,
});
export type SalvageInput = z.input<typeof SalvageInputSchema>;

/** A finished craft's outcome, as recorded (the same on every retry). */
export interface CraftOutcomeView {
  success: boolean;
  /** null when it failed */
  quality: QualityTier | null;
  skillUp: boolean;
  skillBefore: number;
  skillAfter: number;
  /** what it took from the held inputs (all of them on success) */
  consumed: RecipeItem[];
  /** what it made; null when it failed */
  output: RecipeItem | null;
  /** the first item made (in the bag, or attached to the mail) */
  outputItemId: string | null;
  /** the bag had no room: the output came by system mail */
  byMail: boolean;
  /** the recorded seed and the rolls drawn from it (shown once the craft is done) */
  seed: string;
  rolls: { success: number; quality: number; skill: number };
  chances: { success: number; skillGain: number };
}

export interface CraftView {
  id: string;
  recipeId: string;
  /** the recipe's name */
  name: string;
  discipline: Discipline;
  state: CraftState;
  /** ms epoch */
  startedAt: number;
  /** the cast ends here: finishing is refused before it */
  completesAt: number;
  finishedAt: number | null;
  /** null until done */
  outcome: CraftOutcomeView | null;
}

/** One recipe as a crafter sees it. */
export interface RecipeView {
  id: string;
  name: string;
  discipline: Discipline;
  output: RecipeItem;
  /** each input with how many unheld units of it the bag holds */
  inputs: (RecipeItem & { owned: number })[];
  difficulty: number;
  skillReq: number;
  levelReq: number | null;
  castMs: number;
  /** the crafter's skill reaches skillReq (and the level levelReq) */
  learnable: boolean;
  /** learnable and every input owned */
  craftable: boolean;
  /** at the crafter's skill now */
  successChance: number;
  /** odds of each tier on a success */
  qualityOdds: Record<QualityTier, number>;
  /** orange/yellow/green/grey: how likely a success raises the skill */
  color: RecipeColor;
  /** chance that a success raises the skill */
  skillGainChance: number;
}

export interface CraftingView {
  /** skill per discipline (0 … MAX_CRAFT_SKILL) */
  skills: Record<Discipline, number>;
  recipes: RecipeView[];
  /** the craft casting now, if any */
  casting: CraftView | null;
  /** standing within CRAFT_RANGE of a crafting station (starting a craft needs it) */
  atStation: boolean;
}

export interface SalvageView {
  id: string;
  /** the destroyed item */
  itemId: string;
  templateId: string;
  /** the salvage table it rolled on */
  tableId: string;
  /** materials created in the bag (empty if every chance missed) */
  yields: RecipeItem[];
  /** ms epoch */
  at: number;
}
