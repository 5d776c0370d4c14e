import { Prisma, type Item } from '@necp/db';
import type { Tx } from '../core/deps';
import { writeAtOnce } from '../core/one-statement';
import { newRowId } from '../core/row-ids';
import { ledgerRowsInsert, type LedgerRow } from '../ledger/insert-ledger-rows';
import type { LedgerReason } from '../ledger/reasons';
import { containerOwner, placeIn, type Container } from './container';
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
 * (one owner-change row), and a source left empty is deleted. ONE statement for all of
 * it (core/one-statement.ts), with `also` — the caller's own writes of the same move (the
 * market's collect lets go of its order's item) — in it.
 */
export async function writePlacement(
  tx: Tx,
  a: WritePlacementArgs,
  also: readonly Prisma.Sql[] = [],
): Promise<Placement[]> {
  const toOwner = containerOwner(a.target);
  const side = {
    reason: a.reason,
    templateId: a.templateId,
    fromOwner: a.fromOwner,
    toOwner,
    ref: a.ref ?? null,
  };
  const writes: Prisma.Sql[] = [...also];
  const ledger: LedgerRow[] = [];
  const placed: Placement[] = [];
  let sourceLeft = a.source?.quantity ?? 0;
  const takeFromSource = (n: number) => {
    if (!a.source) return;
    sourceLeft -= n;
    ledger.push({ ...side, itemId: a.source.id, quantityDelta: -n });
  };

  for (const m of a.plan.merges) {
    takeFromSource(m.add);
    ledger.push({ ...side, itemId: m.itemId, quantityDelta: m.add });
  }
  // the merged stacks' slots come back from the statement (RETURNING), in the plan's order
  const merges = a.plan.merges;
  const mergeIds = merges.map((m) => m.itemId);
  const merged = Prisma.sql`
    UPDATE "Item" i SET "quantity" = i."quantity" + v."add", "updatedAt" = now()
    FROM (SELECT "id", sum("add")::int AS "add"
          FROM unnest(${mergeIds}::text[], ${merges.map((m) => m.add)}::int[]) AS u("id", "add")
          GROUP BY "id") v
    WHERE i."id" = v."id"
    RETURNING i."id", i."slot"`;

  let moved = false;
  const fresh: { id: string; quantity: number; to: ReturnType<typeof placeIn> }[] = [];
  for (const [i, f] of a.plan.fresh.entries()) {
    const last = i === a.plan.fresh.length - 1;
    const to = placeIn(a.target, f.slot);
    if (a.source && last && sourceLeft === f.quantity) {
      writes.push(
        Prisma.sql`DELETE FROM "WorldDrop" WHERE "itemId" = ${a.source.id}`,
        Prisma.sql`
          UPDATE "Item" SET "container" = ${to.container}::"ItemContainer", "slot" = ${to.slot},
            "characterId" = ${to.characterId}, "userId" = ${to.userId}, "quantity" = ${f.quantity},
            "boundCharacterId" = ${a.boundCharacterId}, "updatedAt" = now()
          WHERE "id" = ${a.source.id}`,
      );
      ledger.push({ ...side, itemId: a.source.id, quantityDelta: 0 });
      placed.push({ itemId: a.source.id, slot: f.slot, quantity: f.quantity });
      moved = true;
      continue;
    }
    const id = newRowId();
    fresh.push({ id, quantity: f.quantity, to });
    takeFromSource(f.quantity);
    ledger.push({ ...side, itemId: id, quantityDelta: f.quantity });
    placed.push({ itemId: id, slot: f.slot, quantity: f.quantity });
  }
  if (fresh.length)
    writes.push(Prisma.sql`
      INSERT INTO "Item" ("id", "templateId", "quantity", "durability", "boundCharacterId",
        "container", "slot", "characterId", "userId", "updatedAt")
      SELECT v."id", ${a.templateId}, v."quantity",
        ${a.source ? a.source.durability : a.durability}::int, ${a.boundCharacterId},
        v."container"::"ItemContainer", v."slot", v."characterId", v."userId", now()
      FROM unnest(${fresh.map((f) => f.id)}::text[], ${fresh.map((f) => f.quantity)}::int[],
        ${fresh.map((f) => f.to.container)}::text[], ${fresh.map((f) => f.to.slot)}::int[],
        ${fresh.map((f) => f.to.characterId)}::text[], ${fresh.map((f) => f.to.userId)}::text[])
        AS v("id", "quantity", "container", "slot", "characterId", "userId")`);
  if (a.source && !moved)
    writes.push(
      sourceLeft === 0
        ? Prisma.sql`DELETE FROM "Item" WHERE "id" = ${a.source.id}`
        : Prisma.sql`
            UPDATE "Item" SET "quantity" = ${sourceLeft}, "updatedAt" = now()
            WHERE "id" = ${a.source.id}`,
    );
  if (ledger.length) writes.push(ledgerRowsInsert(ledger));
  const slots = await writeAtOnce<{ id: string; slot: number }>(
    tx,
    writes,
    merges.length ? merged : undefined,
  );
  const slotOf = new Map(slots.map((r) => [r.id, r.slot]));
  const missing = mergeIds.find((id) => !slotOf.has(id));
  if (missing) throw new Error(`writePlacement: item ${missing} gone`);
  return [
    ...merges.map((m) => ({ itemId: m.itemId, slot: slotOf.get(m.itemId)!, quantity: m.add })),
    ...placed,
  ];
}
