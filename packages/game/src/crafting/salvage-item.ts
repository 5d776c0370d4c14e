import { z } from 'zod';
import type { Salvage } from '@necp/db';
import {
  RecipeItemSchema,
  SalvageInputSchema,
  resolveSalvage,
  salvageTableFor,
  type SalvageInput,
  type SalvageView,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { keyReused } from '../core/errors';
import { lockCharacter, lockCharacterItems } from '../core/row-locks';
import { newRowId } from '../core/row-ids';
import { DIRECT, inTransaction } from '../core/transaction';
import { parseInput } from '../core/validation';
import { deleteItem } from '../inventory/item-writes';
import { bagItem } from '../inventory/owned-items';
import { placeInBag } from '../inventory/place-in-bag';
import { loadTemplate } from '../inventory/templates';
import { charOwner, sinkOwner, sourceOwner } from '../ledger/owners';
import { recordItem } from '../ledger/record-item';
import { publishStatsChanged } from '../world/publish-stats-changed';
import { notSalvageable } from './errors';
import { newCraftSeed } from './start-craft';

const YieldsSchema = z.array(RecipeItemSchema);

type SalvageRow = Pick<Salvage, 'id' | 'itemId' | 'templateId' | 'tableId' | 'yields' | 'at'>;

const salvageView = (s: SalvageRow): SalvageView => ({
  id: s.id,
  itemId: s.itemId,
  templateId: s.templateId,
  tableId: s.tableId,
  yields: YieldsSchema.parse(s.yields),
  at: s.at.getTime(),
});

/**
 * Breaks one bag item into materials, anywhere (no station: docs/economy.md), in one
 * transaction: the item is destroyed (ledger `salvage` → sink) and the materials of its
 * salvage table, rolled on a fresh recorded seed (resolveSalvage), are created in the
 * bag (source `salvage`, ref = the Salvage row's id). Bound items can be salvaged (they
 * are yours). Refused: an item not in the bag (equipped, someone else's), one held by a
 * trade or a craft, one without a table (consumables, materials, quest items), and a
 * bag without room for every yield ("Your bag is full": nothing happens). The same
 * idempotency key again returns the first salvage.
 */
export async function salvageItem(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  input: SalvageInput,
): Promise<SalvageView> {
  const s = parseInput(SalvageInputSchema, input);
  const now = deps.clock.now();
  const seed = newCraftSeed();
  return inTransaction(
    deps.db,
    async (tx) => {
      const c = await lockCharacter(tx, s.characterId);
      const [same] = await tx.$queryRaw<SalvageRow[]>`
      SELECT "id", "itemId", "templateId", "tableId", "yields", "at" FROM "Salvage"
      WHERE "characterId" = ${c.id} AND "idempotencyKey" = ${s.idempotencyKey}`;
      if (same) {
        if (same.itemId !== s.itemId) throw keyReused();
        return salvageView(same);
      }
      const item = bagItem(await lockCharacterItems(tx, c.id), s.itemId);
      const template = await loadTemplate(tx, item.templateId);
      if (!salvageTableFor(template)) throw notSalvageable('That cannot be salvaged.');
      // salvageable kinds are gear, one to a stack; a stack would be salvaged as one
      if (item.quantity !== 1) throw notSalvageable('Salvage one item at a time.');
      const out = resolveSalvage({ seed, template });
      const [row] = await tx.$queryRaw<SalvageRow[]>`
      INSERT INTO "Salvage" ("id", "characterId", "idempotencyKey", "itemId", "templateId",
        "tableId", "seed", "yields", "at")
      VALUES (${newRowId()}, ${c.id}, ${s.idempotencyKey}, ${item.id}, ${item.templateId},
        ${out.tableId}, ${seed}, ${JSON.stringify(out.materials)}::jsonb, ${now}::timestamp)
      RETURNING "id", "itemId", "templateId", "tableId", "yields", "at"`;
      if (!row) throw new Error('salvageItem: the insert returned no row');
      await deleteItem(tx, item.id);
      await recordItem(tx, {
        reason: 'salvage',
        itemId: item.id,
        templateId: item.templateId,
        quantityDelta: -item.quantity,
        fromOwner: charOwner(c.id),
        toOwner: sinkOwner('salvage'),
        ref: row.id,
      });
      // a yield without room throws "Your bag is full": the whole salvage rolls back
      for (const m of out.materials)
        await placeInBag(tx, {
          characterId: c.id,
          templateId: m.templateId,
          quantity: m.quantity,
          reason: 'salvage',
          fromOwner: sourceOwner('salvage'),
          ref: row.id,
        });
      await publishStatsChanged(tx, c.id, 'crafting.salvage');
      return salvageView(row);
    },
    DIRECT,
  );
}
