import { randomBytes } from 'node:crypto';
import { Prisma, type Character } from '@necp/db';
import {
  CRAFT_RANGE,
  CraftStartInputSchema,
  itemTemplateById,
  recipeById,
  type CraftStartInput,
  type CraftState,
  type CraftView,
  type RecipeItem,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { keyReused } from '../core/errors';
import { lockCharacter, lockCharacterItems } from '../core/row-locks';
import { newRowId } from '../core/row-ids';
import { DIRECT, inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { assertAtTerminal } from '../world/at-terminal';
import {
  castingCraftOf,
  chooseInputStacks,
  craftReservation,
  craftRow,
  craftView,
  skillOf,
} from './craft-rows';
import {
  alreadyCrafting,
  levelTooLow,
  missingInputs,
  notAtStation,
  recipeNotFound,
  skillTooLow,
} from './errors';
import { finishLocked } from './finish-craft';

/** Starting a craft happens at a crafting station (world/at-terminal.ts). */
export const assertAtCraftingStation = (c: Pick<Character, 'zoneId' | 'x' | 'y'>) =>
  assertAtTerminal(c, 'crafting_station', CRAFT_RANGE, notAtStation);

const listed = (items: readonly RecipeItem[]) =>
  items
    .map((i) => `${i.quantity} × ${itemTemplateById(i.templateId)?.name ?? i.templateId}`)
    .join(', ');

/** A fresh seed for a craft's rolls: unguessable, so the outcome is unknown while it casts. */
export const newCraftSeed = () => randomBytes(12).toString('base64url');

/**
 * Starts a craft at a station: the recipe's inputs are held in the bag (whole stacks
 * marked `craft:<id>`, craft-rows.ts) for its cast (`completesAt` = now + castMs), the
 * skill and a fresh seed are recorded. Refused: away from a station, a skill below the
 * recipe's skillReq (or a level below its levelReq), inputs the bag lacks (held ones do
 * not count), another craft still casting. One whose cast is over is finished first. The
 * same idempotency key again returns the craft it started (nothing held twice).
 */
export async function startCraft(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: CraftStartInput,
): Promise<CraftView> {
  const s = parseInput(CraftStartInputSchema, input);
  const now = deps.clock.now();
  const seed = newCraftSeed();
  return inTransaction(
    deps.db,
    async (tx) => {
      const c = await lockCharacter(tx, s.characterId);
      const same = craftRow(
        await tx.$queryRaw<unknown[]>`SELECT * FROM "Craft"
        WHERE "characterId" = ${c.id} AND "idempotencyKey" = ${s.idempotencyKey}`,
      );
      if (same) {
        if (same.recipeId !== s.recipeId) throw keyReused();
        return craftView(same);
      }
      const recipe = recipeById(s.recipeId);
      if (!recipe) throw recipeNotFound(s.recipeId);
      assertAtCraftingStation(c);
      if (recipe.levelReq !== undefined && c.level < recipe.levelReq)
        throw levelTooLow(recipe.levelReq);
      const skill = await skillOf(tx, c.id, recipe.discipline);
      if (skill < recipe.skillReq) throw skillTooLow(recipe.discipline, recipe.skillReq);
      const casting = await castingCraftOf(tx, c.id);
      if (casting) {
        if (casting.completesAt > now) throw alreadyCrafting();
        await finishLocked(tx, c, casting, now);
      }
      const { stacks, missing } = chooseInputStacks(
        await lockCharacterItems(tx, c.id),
        recipe.inputs,
      );
      if (missing.length > 0) throw missingInputs(listed(missing));
      const craft = craftRow(
        await tx.$queryRaw<unknown[]>`INSERT INTO "Craft" ("id", "characterId", "recipeId",
          "idempotencyKey", "seed", "state", "startedAt", "completesAt", "skillBefore")
        VALUES (${newRowId()}, ${c.id}, ${recipe.id}, ${s.idempotencyKey}, ${seed},
          ${'casting' satisfies CraftState}, ${now}::timestamp,
          ${new Date(now.getTime() + recipe.castMs)}::timestamp, ${skill}::int)
        RETURNING *`,
      )!;
      const held = await tx.$executeRaw`UPDATE "Item"
      SET "reservation" = ${craftReservation(craft.id)}, "updatedAt" = now()
      WHERE "id" IN (${Prisma.join(stacks.map((i) => i.id))}) AND "reservation" IS NULL`;
      // the rows are locked and were free: anything else is a bug, not a race
      if (held !== stacks.length)
        throw new Error(`craft ${craft.id} held ${held} of ${stacks.length}`);
      return craftView(craft);
    },
    DIRECT,
  );
}
