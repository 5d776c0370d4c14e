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
  const [placed] = await writePlacements(tx, [a], also);
  return placed!;
}

/** A source row's fate in a placement: moved whole, left with fewer units, or emptied. */
interface SourceAfter {
  id: string;
  left: number;
  moved: boolean;
}

/**
 * Several placements (writePlacement's) in ONE statement of at most seven writes,
 * however many there are: a market batch puts the goods of every order that bought into
 * its buyer's bag at once. Their plans must not overlap: a stack may grow in two of them
 * (its additions are summed), but two never fill the same empty slot, and each has its
 * own source. Returns each one's placements, in order.
 */
export async function writePlacements(
  tx: Tx,
  all: readonly WritePlacementArgs[],
  also: readonly Prisma.Sql[] = [],
): Promise<Placement[][]> {
  const writes: Prisma.Sql[] = [...also];
  const ledger: LedgerRow[] = [];
  const merges: { itemId: string; add: number }[] = [];
  const moves: { id: string; quantity: number; bound: string | null; to: Slotted }[] = [];
  const fresh: (Fresh & { to: Slotted })[] = [];
  const sources: SourceAfter[] = [];
  const out = all.map((a) => {
    const side = {
      reason: a.reason,
      templateId: a.templateId,
      fromOwner: a.fromOwner,
      toOwner: containerOwner(a.target),
      ref: a.ref ?? null,
    };
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
      merges.push(m);
    }
    let moved = false;
    for (const [i, f] of a.plan.fresh.entries()) {
      const last = i === a.plan.fresh.length - 1;
      const to = placeIn(a.target, f.slot);
      if (a.source && last && sourceLeft === f.quantity) {
        moves.push({ id: a.source.id, quantity: f.quantity, bound: a.boundCharacterId, to });
        ledger.push({ ...side, itemId: a.source.id, quantityDelta: 0 });
        placed.push({ itemId: a.source.id, slot: f.slot, quantity: f.quantity });
        moved = true;
        continue;
      }
      const id = newRowId();
      fresh.push({
        id,
        quantity: f.quantity,
        to,
        templateId: a.templateId,
        durability: a.source ? a.source.durability : a.durability,
        bound: a.boundCharacterId,
      });
      takeFromSource(f.quantity);
      ledger.push({ ...side, itemId: id, quantityDelta: f.quantity });
      placed.push({ itemId: id, slot: f.slot, quantity: f.quantity });
    }
    if (a.source) sources.push({ id: a.source.id, left: sourceLeft, moved });
    return { merges: a.plan.merges, placed };
  });

  if (moves.length) writes.push(...moveRows(moves));
  if (fresh.length) writes.push(insertRows(fresh));
  writes.push(...sourceRows(sources));
  if (ledger.length) writes.push(ledgerRowsInsert(ledger));
  const slots = await writeAtOnce<{ id: string; slot: number }>(
    tx,
    writes,
    merges.length ? mergeRows(merges) : undefined,
  );
  const slotOf = new Map(slots.map((r) => [r.id, r.slot]));
  const missing = merges.find((m) => !slotOf.has(m.itemId));
  if (missing) throw new Error(`writePlacement: item ${missing.itemId} gone`);
  return out.map((o) => [
    ...o.merges.map((m) => ({ itemId: m.itemId, slot: slotOf.get(m.itemId)!, quantity: m.add })),
    ...o.placed,
  ]);
}

type Slotted = ReturnType<typeof placeIn>;

/** A stack a placement creates. */
interface Fresh {
  id: string;
  quantity: number;
  templateId: string;
  durability: number | null;
  bound: string | null;
}

/** The stacks that grow; their slots come back (RETURNING) — the statement's own query. */
function mergeRows(merges: readonly { itemId: string; add: number }[]): Prisma.Sql {
  return Prisma.sql`
    UPDATE "Item" i SET "quantity" = i."quantity" + v."add", "updatedAt" = now()
    FROM (SELECT "id", sum("add")::int AS "add"
          FROM unnest(${merges.map((m) => m.itemId)}::text[], ${merges.map((m) => m.add)}::int[]) AS u("id", "add")
          GROUP BY "id") v
    WHERE i."id" = v."id"
    RETURNING i."id", i."slot"`;
}

/** Source rows that move whole into an empty slot (off the ground, if they lay there). */
function moveRows(
  moves: readonly { id: string; quantity: number; bound: string | null; to: Slotted }[],
): Prisma.Sql[] {
  const ids = moves.map((m) => m.id);
  return [
    Prisma.sql`DELETE FROM "WorldDrop" WHERE "itemId" = ANY(${ids}::text[])`,
    Prisma.sql`
      UPDATE "Item" i SET "container" = v."container"::"ItemContainer", "slot" = v."slot",
        "characterId" = v."characterId", "userId" = v."userId", "quantity" = v."quantity",
        "boundCharacterId" = v."bound", "updatedAt" = now()
      FROM unnest(${ids}::text[], ${moves.map((m) => m.to.container)}::text[],
        ${moves.map((m) => m.to.slot)}::int[], ${moves.map((m) => m.to.characterId)}::text[],
        ${moves.map((m) => m.to.userId)}::text[], ${moves.map((m) => m.quantity)}::int[],
        ${moves.map((m) => m.bound)}::text[])
        AS v("id", "container", "slot", "characterId", "userId", "quantity", "bound")
      WHERE i."id" = v."id"`,
  ];
}

/** The new stacks. */
function insertRows(fresh: readonly (Fresh & { to: Slotted })[]): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "Item" ("id", "templateId", "quantity", "durability", "boundCharacterId",
      "container", "slot", "characterId", "userId", "updatedAt")
    SELECT v."id", v."templateId", v."quantity", v."durability", v."bound",
      v."container"::"ItemContainer", v."slot", v."characterId", v."userId", now()
    FROM unnest(${fresh.map((f) => f.id)}::text[], ${fresh.map((f) => f.templateId)}::text[],
      ${fresh.map((f) => f.quantity)}::int[], ${fresh.map((f) => f.durability)}::int[],
      ${fresh.map((f) => f.bound)}::text[], ${fresh.map((f) => f.to.container)}::text[],
      ${fresh.map((f) => f.to.slot)}::int[], ${fresh.map((f) => f.to.characterId)}::text[],
      ${fresh.map((f) => f.to.userId)}::text[])
      AS v("id", "templateId", "quantity", "durability", "bound", "container", "slot",
        "characterId", "userId")`;
}

/** Source rows not moved: deleted when emptied, else left with fewer units. */
function sourceRows(sources: readonly SourceAfter[]): Prisma.Sql[] {
  const emptied = sources.filter((s) => !s.moved && s.left === 0).map((s) => s.id);
  const left = sources.filter((s) => !s.moved && s.left > 0);
  return [
    ...(emptied.length
      ? [Prisma.sql`DELETE FROM "Item" WHERE "id" = ANY(${emptied}::text[])`]
      : []),
    ...(left.length
      ? [
          Prisma.sql`
            UPDATE "Item" i SET "quantity" = v."quantity", "updatedAt" = now()
            FROM unnest(${left.map((s) => s.id)}::text[], ${left.map((s) => s.left)}::int[])
              AS v("id", "quantity")
            WHERE i."id" = v."id"`,
        ]
      : []),
  ];
}
