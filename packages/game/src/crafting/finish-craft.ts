import type { Character } from '@necp/db';
import type { CraftRow } from '../core/locked-rows';
import {
  CraftRefSchema,
  MAX_CRAFT_SKILL,
  SKILL_GAIN_PER_SUCCESS,
  recipeById,
  resolveCraft,
  type CraftRef,
  type CraftState,
  type CraftView,
  type Discipline,
  type QualityTier,
  type RecipeItem,
} from '@necp/shared';
import type { GameDeps, Tx } from '../core/deps';
import { lockCharacter, lockCharacterItems } from '../core/row-locks';
import { DIRECT, inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { deleteItem } from '../inventory/item-writes';
import { placeInBag } from '../inventory/place-in-bag';
import { planPlacement } from '../inventory/placement';
import { loadTemplate } from '../inventory/templates';
import { charOwner, sinkOwner, sourceOwner } from '../ledger/owners';
import { recordItem } from '../ledger/record-item';
import { sendSystemMail } from '../mail/send-system-mail';
import { publishEvent } from '../outbox/publish-event';
import { publishStatsChanged } from '../world/publish-stats-changed';
import {
  craftReservation,
  craftRow,
  craftView,
  lockCraft,
  skillOf,
  takeFromHeld,
  type CraftRecord,
} from './craft-rows';
import { craftCancelled, stillCrafting } from './errors';

/** the sender of an output that came by mail (the bag was full) */
const FROM = 'Workbench';

/** Frees every stack a craft still holds. */
export async function releaseCraftItems(tx: Tx, craftId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "Item" SET "reservation" = NULL, "updatedAt" = now()
    WHERE "reservation" = ${craftReservation(craftId)}`;
}

/** Ends a casting craft without an outcome: its stacks freed, nothing consumed. */
export async function cancelLocked(tx: Tx, craft: CraftRow, now: Date): Promise<CraftRow> {
  await releaseCraftItems(tx, craft.id);
  return craftRow(
    await tx.$queryRaw<unknown[]>`UPDATE "Craft" SET "state" = ${'cancelled' satisfies CraftState},
      "finishedAt" = ${now}::timestamp WHERE "id" = ${craft.id} RETURNING *`,
  )!;
}

/** +1 skill (never above MAX_CRAFT_SKILL); the skill after. */
async function raiseSkill(tx: Tx, characterId: string, discipline: Discipline): Promise<number> {
  const rows = await tx.$queryRaw<{ skill: number }[]>`
    INSERT INTO "CraftSkill" ("characterId", "discipline", "skill")
    VALUES (${characterId}, ${discipline}, ${Math.min(MAX_CRAFT_SKILL, SKILL_GAIN_PER_SUCCESS)})
    ON CONFLICT ("characterId", "discipline") DO UPDATE
      SET "skill" = LEAST(${MAX_CRAFT_SKILL}, "CraftSkill"."skill" + ${SKILL_GAIN_PER_SUCCESS})
    RETURNING "skill"`;
  return rows[0]!.skill;
}

/** Takes the consumed units off the held stacks (each released in the same statement). */
async function consumeHeld(tx: Tx, c: Character, craft: CraftRow, consumed: readonly RecipeItem[]) {
  const hold = craftReservation(craft.id);
  const held = (await lockCharacterItems(tx, c.id)).filter((i) => i.reservation === hold);
  for (const { item, take } of takeFromHeld(held, consumed)) {
    if (take === item.quantity) {
      // a held row may only be released: release, then delete, in this transaction
      await tx.$executeRaw`UPDATE "Item" SET "reservation" = NULL WHERE "id" = ${item.id}`;
      await deleteItem(tx, item.id);
    } else {
      await tx.$executeRaw`UPDATE "Item"
        SET "reservation" = NULL, "quantity" = "quantity" - ${take}, "updatedAt" = now()
        WHERE "id" = ${item.id} AND "reservation" = ${hold}`;
    }
    await recordItem(tx, {
      reason: 'craft',
      itemId: item.id,
      templateId: item.templateId,
      quantityDelta: -take,
      fromOwner: charOwner(c.id),
      toOwner: sinkOwner('craft'),
      ref: craft.id,
    });
  }
  await releaseCraftItems(tx, craft.id);
}

/**
 * Creates the output in the bag (ledger `source:craft` → the crafter, ref = the craft's
 * id: its provenance) — or, when the bag has no room for it, in a system mail from the
 * Workbench (ledger `source:craft` → `mail:<id>`; Craft.outputMailId names the mail):
 * never lost. Gear (stacks of one) carries its quality tier; stackable outputs merge
 * into stacks and do not (the Craft row keeps their tier).
 */
async function deliverOutput(
  tx: Tx,
  c: Character,
  a: { craft: CraftRow; output: RecipeItem; quality: QualityTier | null; now: Date },
): Promise<{ itemId: string | null; mailId: string | null }> {
  const t = await loadTemplate(tx, a.output.templateId);
  const quality = t.stackSize === 1 ? a.quality : null;
  const bag = (await lockCharacterItems(tx, c.id)).filter((i) => i.container === 'BAG');
  const fits = planPlacement({
    slots: c.bagSlots,
    occupants: bag,
    incoming: {
      ...a.output,
      durability: t.maxDurability ?? null,
      boundCharacterId: null,
      stackSize: t.stackSize,
    },
  }).ok;
  let itemIds: string[];
  let mailId: string | null = null;
  if (fits) {
    const placed = await placeInBag(tx, {
      characterId: c.id,
      templateId: a.output.templateId,
      quantity: a.output.quantity,
      reason: 'craft',
      fromOwner: sourceOwner('craft'),
      ref: a.craft.id,
    });
    itemIds = placed.map((p) => p.itemId);
  } else {
    const what = a.output.quantity > 1 ? `${t.name} ×${a.output.quantity}` : t.name;
    mailId = (
      await sendSystemMail(
        { db: tx, clock: { now: () => a.now } },
        {
          toCharacterId: c.id,
          subject: `Crafted: ${what}`,
          body: `Your bag had no room for the ${what} you crafted: here it is.`,
          items: [a.output],
          reason: 'craft',
          from: FROM,
        },
      )
    ).mailId;
    const attached = await tx.$queryRaw<{ id: string }[]>`SELECT i."id" FROM "MailAttachment" a
      JOIN "Item" i ON i."id" = a."itemId" WHERE a."mailId" = ${mailId} ORDER BY i."slot"`;
    itemIds = attached.map((x) => x.id);
  }
  if (quality !== null && itemIds.length > 0)
    await tx.$executeRaw`UPDATE "Item" SET "quality" = ${quality}, "updatedAt" = now()
      WHERE "id" = ANY(${itemIds}::text[])`;
  return { itemId: itemIds[0] ?? null, mailId };
}

/**
 * Resolves a casting craft whose cast is over, once, inside the caller's transaction
 * (character and craft locked): the recorded seed with the skill recorded at the start
 * (resolveCraft), the consumed units taken off the held stacks (ledger `craft` → sink),
 * the rest freed, the output created, the skill raised, the outcome recorded. A craft
 * whose recipe left the content is cancelled instead (its stacks freed).
 */
export async function finishLocked(
  tx: Tx,
  c: Character,
  craft: CraftRow,
  now: Date,
): Promise<CraftRow> {
  const recipe = recipeById(craft.recipeId);
  if (!recipe) return cancelLocked(tx, craft, now);
  const out = resolveCraft({ seed: craft.seed, skill: craft.skillBefore, recipe });
  await consumeHeld(tx, c, craft, out.consumed);
  const made = out.output
    ? await deliverOutput(tx, c, { craft, output: out.output, quality: out.quality, now })
    : { itemId: null, mailId: null };
  const skillAfter = out.skillUp
    ? await raiseSkill(tx, c.id, recipe.discipline)
    : await skillOf(tx, c.id, recipe.discipline);
  const record: CraftRecord = {
    rolls: out.rolls,
    chances: out.chances,
    skillUp: out.skillUp,
    consumed: out.consumed,
    output: out.output,
  };
  await publishStatsChanged(tx, c.id, 'crafting.finish');
  // a craft contract the crafter took counts what was made (contracts/contract-progress.ts)
  if (out.success && out.output)
    await publishEvent(tx, {
      type: 'craft.finished',
      key: `craft.finished:${craft.id}`,
      payload: { characterId: c.id, craftId: craft.id, recipeId: craft.recipeId },
    });
  // raw: Prisma's JSON write rounds the rolls' last digits; the record keeps them exact
  return craftRow(
    await tx.$queryRaw<unknown[]>`UPDATE "Craft" SET
        "state" = ${'done' satisfies CraftState}, "finishedAt" = ${now}::timestamp,
        "success" = ${out.success}, "quality" = ${out.quality},
        "rolls" = ${JSON.stringify(record)}::jsonb, "skillAfter" = ${skillAfter}::int,
        "outputItemId" = ${made.itemId}, "outputMailId" = ${made.mailId}
      WHERE "id" = ${craft.id} RETURNING *`,
  )!;
}

/**
 * Finishes one's own craft once its cast is over: refused before `completesAt`
 * ("Still crafting…") and for a cancelled craft. A craft already done returns its
 * recorded outcome unchanged — a retry, a double click, or the worker's sweep first.
 */
export async function finishCraft(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: CraftRef,
): Promise<CraftView> {
  const r = parseInput(CraftRefSchema, input);
  const now = deps.clock.now();
  return inTransaction(
    deps.db,
    async (tx) => {
      const c = await lockCharacter(tx, r.characterId);
      const craft = await lockCraft(tx, c.id, r.craftId);
      if (craft.state === 'done') return craftView(craft);
      if (craft.state === 'cancelled') throw craftCancelled();
      if (craft.completesAt > now) throw stillCrafting();
      return craftView(await finishLocked(tx, c, craft, now));
    },
    DIRECT,
  );
}
