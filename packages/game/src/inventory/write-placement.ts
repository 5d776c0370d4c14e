import type { Item } from '@necp/db';
import type { Tx } from '../core/deps';
import { recordItem } from '../ledger/record-item';
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
 * (one owner-change row), and a source left empty is deleted.
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
    const row = await tx.item.update({
      where: { id: m.itemId },
      data: { quantity: { increment: m.add } },
    });
    await takeFromSource(m.add);
    await recordItem(tx, { ...side, itemId: row.id, quantityDelta: m.add });
    placed.push({ itemId: row.id, slot: row.slot, quantity: m.add });
  }

  let moved = false;
  for (const [i, f] of a.plan.fresh.entries()) {
    const last = i === a.plan.fresh.length - 1;
    if (a.source && last && sourceLeft === f.quantity) {
      await tx.worldDrop.deleteMany({ where: { itemId: a.source.id } });
      await tx.item.update({
        where: { id: a.source.id },
        data: {
          ...placeIn(a.target, f.slot),
          quantity: f.quantity,
          boundCharacterId: a.boundCharacterId,
        },
      });
      await recordItem(tx, { ...side, itemId: a.source.id, quantityDelta: 0 });
      placed.push({ itemId: a.source.id, slot: f.slot, quantity: f.quantity });
      moved = true;
      continue;
    }
    const row = await tx.item.create({
      data: {
        templateId: a.templateId,
        quantity: f.quantity,
        durability: a.source ? a.source.durability : a.durability,
        boundCharacterId: a.boundCharacterId,
        ...placeIn(a.target, f.slot),
      },
    });
    await takeFromSource(f.quantity);
    await recordItem(tx, { ...side, itemId: row.id, quantityDelta: f.quantity });
    placed.push({ itemId: row.id, slot: f.slot, quantity: f.quantity });
  }

  if (a.source && !moved) {
    if (sourceLeft === 0) await tx.item.delete({ where: { id: a.source.id } });
    else await tx.item.update({ where: { id: a.source.id }, data: { quantity: sourceLeft } });
  }
  return placed;
}
