/**
 * What every crafting operation shares: the reservation that holds a craft's inputs,
 * locking a craft of one's own, choosing and using up the held stacks, the skill rows,
 * and the view of a craft.
 *
 * Inputs are held as whole stacks (docs/economy.md "Crafting"): starting a craft marks
 * the bag stacks that cover each input `craft:<id>` where they lie — no split, so a
 * start never needs a free slot — and finishing takes exactly what the outcome consumes
 * off them (smallest first) and frees the rest in the same transaction. While it casts
 * (at most CRAFT_CAST_MS_MAX, or until the worker's next minute) those stacks are
 * refused to every other path, by the domain and by the Item_reserved_guard trigger.
 *
 * Raw statements only (rows parsed by core/locked-rows.ts): crafting's transactions run
 * on their connection directly (core/transaction.ts `direct`, as the market's do).
 */
import { z } from 'zod';
import type { Item } from '@necp/db';
import {
  RecipeItemSchema,
  recipeById,
  type CraftOutcomeView,
  type CraftState,
  type CraftView,
  type Discipline,
  type Recipe,
  type RecipeItem,
} from '@necp/shared';
import type { Tx } from '../core/deps';
import { CraftRowSchema, type CraftRow } from '../core/locked-rows';
import { craftNotFound } from './errors';

/** The craft a statement returned (`SELECT *` or `RETURNING *`), or null. */
export const craftRow = (rows: unknown[]): CraftRow | null =>
  rows[0] ? CraftRowSchema.parse(rows[0]) : null;

/** what holds an input of craft `craftId` */
export const craftReservation = (craftId: string) => `craft:${craftId}`;

/** The record of a finished craft (Craft.rolls): the rolls, what they met, what happened. */
export const CraftRecordSchema = z.object({
  rolls: z.object({ success: z.number(), quality: z.number(), skill: z.number() }),
  chances: z.object({ success: z.number(), skillGain: z.number() }),
  skillUp: z.boolean(),
  consumed: z.array(RecipeItemSchema),
  output: RecipeItemSchema.nullable(),
});
export type CraftRecord = z.infer<typeof CraftRecordSchema>;

/** A recipe the content still has (ids are stable; a missing one is an internal error). */
export function recipeOf(recipeId: string): Recipe {
  const r = recipeById(recipeId);
  if (!r) throw new Error(`recipe ${recipeId} is not in the content`);
  return r;
}

/** Locks a craft of `characterId`, whose row the caller locked first (lock order: character, craft). */
export async function lockCraft(tx: Tx, characterId: string, craftId: string): Promise<CraftRow> {
  const craft = craftRow(
    await tx.$queryRaw<unknown[]>`SELECT * FROM "Craft"
      WHERE "id" = ${craftId} AND "characterId" = ${characterId} FOR UPDATE`,
  );
  if (!craft) throw craftNotFound();
  return craft;
}

/** The character's casting craft, if any (at most one: startCraft checks under the character's lock). */
export const castingCraftOf = async (tx: Tx, characterId: string) =>
  craftRow(
    await tx.$queryRaw<unknown[]>`SELECT * FROM "Craft" WHERE "characterId" = ${characterId}
      AND "state" = ${'casting' satisfies CraftState} LIMIT 1`,
  );

/** A discipline's skill (no row: 0). */
export async function skillOf(tx: Tx, characterId: string, discipline: Discipline) {
  const rows = await tx.$queryRaw<{ skill: number }[]>`SELECT "skill" FROM "CraftSkill"
    WHERE "characterId" = ${characterId} AND "discipline" = ${discipline}`;
  return rows[0]?.skill ?? 0;
}

/** Bag stacks of a template free to use (not held by a trade or another craft). */
export const freeStacks = (items: readonly Item[], templateId: string) =>
  items.filter(
    (i) => i.container === 'BAG' && i.templateId === templateId && i.reservation === null,
  );

/**
 * The stacks that cover each input: the smallest single stack holding enough, else the
 * biggest ones until the need is met (few stacks held). `missing` lists what the bag
 * lacks (nothing is chosen then).
 */
export function chooseInputStacks(
  items: readonly Item[],
  inputs: readonly RecipeItem[],
): { stacks: Item[]; missing: RecipeItem[] } {
  const stacks: Item[] = [];
  const missing: RecipeItem[] = [];
  for (const input of inputs) {
    const free = freeStacks(items, input.templateId);
    const total = free.reduce((n, i) => n + i.quantity, 0);
    if (total < input.quantity) {
      missing.push({ templateId: input.templateId, quantity: input.quantity - total });
      continue;
    }
    const one = free
      .filter((i) => i.quantity >= input.quantity)
      .sort((a, b) => a.quantity - b.quantity || a.slot - b.slot)[0];
    if (one) {
      stacks.push(one);
      continue;
    }
    let left = input.quantity;
    for (const s of [...free].sort((a, b) => b.quantity - a.quantity || a.slot - b.slot)) {
      if (left <= 0) break;
      stacks.push(s);
      left -= s.quantity;
    }
  }
  return missing.length > 0 ? { stacks: [], missing } : { stacks, missing };
}

/**
 * What to take off which held stack to consume `consumed`: smallest stacks first (an
 * emptied stack frees its slot for the output). Throws if the held stacks fall short —
 * they cannot: a held row cannot change.
 */
export function takeFromHeld(
  held: readonly Item[],
  consumed: readonly RecipeItem[],
): { item: Item; take: number }[] {
  const plan: { item: Item; take: number }[] = [];
  for (const c of consumed) {
    let left = c.quantity;
    const stacks = held
      .filter((i) => i.templateId === c.templateId)
      .sort((a, b) => a.quantity - b.quantity || a.slot - b.slot);
    for (const s of stacks) {
      if (left === 0) break;
      const take = Math.min(left, s.quantity);
      plan.push({ item: s, take });
      left -= take;
    }
    if (left > 0) throw new Error(`craft holds too little ${c.templateId}: ${left} short`);
  }
  return plan;
}

/** A craft as its crafter sees it: the seed and the outcome only once it is done. */
export function craftView(c: CraftRow): CraftView {
  const recipe = recipeOf(c.recipeId);
  let outcome: CraftOutcomeView | null = null;
  if (c.state === 'done') {
    const r = CraftRecordSchema.parse(c.rolls);
    outcome = {
      success: c.success === true,
      quality: c.quality,
      skillUp: r.skillUp,
      skillBefore: c.skillBefore,
      skillAfter: c.skillAfter ?? c.skillBefore,
      consumed: r.consumed,
      output: r.output,
      outputItemId: c.outputItemId,
      byMail: c.outputMailId !== null,
      seed: c.seed,
      rolls: r.rolls,
      chances: r.chances,
    };
  }
  return {
    id: c.id,
    recipeId: c.recipeId,
    name: recipe.name,
    discipline: recipe.discipline,
    state: c.state,
    startedAt: c.startedAt.getTime(),
    completesAt: c.completesAt.getTime(),
    finishedAt: c.finishedAt?.getTime() ?? null,
    outcome,
  };
}
