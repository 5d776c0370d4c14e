import type { Item } from '@necp/db';
import type { Tx } from '../core/deps';
import { newRowId } from '../core/row-ids';
import { recordItem } from '../ledger/record-item';
import type { LedgerReason } from '../ledger/reasons';
import { containerOwner, placeIn, type Container } from './container';
import { deleteItem, setItemQuantity } from './item-writes';
import type { PlacementPlan } from './placement';

/** Where units ended up: `quantity` of them went onto item `itemId` in `slot`. */
export interface Placement {
  itemId: string;
  slot: number;
  quantity: number;
}

export interface WritePlacementArgs {
  target: Container;
  plan: PlacementPlan;
  templateId: string;
  /** of newly created rows (a moved `source` row keeps its own) */
  durability: number | null;
  boundCharacterId: string | null;
  reason: LedgerReason;
  fromOwner: string;
  ref?: string;
  /**
   * The existing row the units come from (bank → bag, ground → bag, bag → bank).
   * Without it the units are created (a source). Must be locked by the caller.
   */
  source?: Item;
}

/**
 * Writes a plan from `planPlacement` with its ledger rows: +n on every stack that
 * grows or is created, −n on the source row for every unit it gives away; when
 * the source's whole remainder goes into one empty slot the row itself moves
 * (one owner-change row), and a source left empty is deleted. Raw statements (the
 * market's collect runs it without a Prisma transaction: core/transaction.ts `direct`).
 */
export async function writePlacement(tx: Tx, a: WritePlacementArgs): Promise<Placement[]> {
  const toOwner = containerOwner(a.target);
  const side = {
    reason: a.reason,
    templateId: a.templateId,
    fromOwner: a.fromOwner,
    toOwner,
    ref: a.ref,
  };
  const placed: Placement[] = [];
  let sourceLeft = a.source?.quantity ?? 0;

  const takeFromSource = async (n: number) => {
    if (!a.source) return;
    sourceLeft -= n;
    await recordItem(tx, { ...side, itemId: a.source.id, quantityDelta: -n });
  };

  for (const m of a.plan.merges) {
    const [row] = await tx.$queryRaw<{ slot: number }[]>`
      UPDATE "Item" SET "quantity" = "quantity" + ${m.add}, "updatedAt" = now()
      WHERE "id" = ${m.itemId} RETURNING "slot"`;
    if (!row) throw new Error(`writePlacement: item ${m.itemId} gone`);
    await takeFromSource(m.add);
    await recordItem(tx, { ...side, itemId: m.itemId, quantityDelta: m.add });
    placed.push({ itemId: m.itemId, slot: row.slot, quantity: m.add });
  }

  let moved = false;
  for (const [i, f] of a.plan.fresh.entries()) {
    const last = i === a.plan.fresh.length - 1;
    if (a.source && last && sourceLeft === f.quantity) {
      const to = placeIn(a.target, f.slot);
      await tx.$executeRaw`DELETE FROM "WorldDrop" WHERE "itemId" = ${a.source.id}`;
      await tx.$executeRaw`
        UPDATE "Item" SET "container" = ${to.container}::"ItemContainer", "slot" = ${to.slot},
          "characterId" = ${to.characterId}, "userId" = ${to.userId}, "quantity" = ${f.quantity},
          "boundCharacterId" = ${a.boundCharacterId}, "updatedAt" = now()
        WHERE "id" = ${a.source.id}`;
      await recordItem(tx, { ...side, itemId: a.source.id, quantityDelta: 0 });
      placed.push({ itemId: a.source.id, slot: f.slot, quantity: f.quantity });
      moved = true;
      continue;
    }
    const to = placeIn(a.target, f.slot);
    const id = newRowId();
    await tx.$executeRaw`
      INSERT INTO "Item" ("id", "templateId", "quantity", "durability", "boundCharacterId",
        "container", "slot", "characterId", "userId", "updatedAt")
      VALUES (${id}, ${a.templateId}, ${f.quantity},
        ${a.source ? a.source.durability : a.durability}::int, ${a.boundCharacterId},
        ${to.container}::"ItemContainer", ${to.slot}, ${to.characterId}, ${to.userId}, now())`;
    await takeFromSource(f.quantity);
    await recordItem(tx, { ...side, itemId: id, quantityDelta: f.quantity });
    placed.push({ itemId: id, slot: f.slot, quantity: f.quantity });
  }

  if (a.source && !moved) {
    if (sourceLeft === 0) await deleteItem(tx, a.source.id);
    else await setItemQuantity(tx, a.source.id, sourceLeft);
  }
  return placed;
}
