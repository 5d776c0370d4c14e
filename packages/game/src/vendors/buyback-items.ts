/**
 * The buy-back shelf: the last BUYBACK_SLOTS stacks a character sold, kept as
 * Item rows in container BUYBACK (characterId = the seller, slot 0..BUYBACK_SLOTS-1,
 * ledger owner `buyback:<characterId>`) with a VendorBuyback row holding the price
 * paid. Any vendor in range sells them back at exactly that price.
 */
import type { Item, VendorBuyback } from '@necp/db';
import { BUYBACK_SLOTS } from '@necp/shared';
import type { Db, Tx } from '../core/deps';
import { buybackOwner, sinkOwner } from '../ledger/owners';
import { recordItem } from '../ledger/record-item';
import { firstFreeSlot } from '../inventory/placement';

export type BuybackItem = Item & { buyback: VendorBuyback | null };

/** Oldest sale first; a row without its VendorBuyback (never written so) counts as oldest. */
const bySoldAt = (a: BuybackItem, b: BuybackItem) =>
  (a.buyback?.soldAt.getTime() ?? 0) - (b.buyback?.soldAt.getTime() ?? 0) ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The character's buy-back items, oldest sale first. */
export async function readBuybackItems(db: Db | Tx, characterId: string): Promise<BuybackItem[]> {
  const rows = await db.item.findMany({
    where: { characterId, container: 'BUYBACK' },
    include: { buyback: true },
  });
  return rows.sort(bySoldAt);
}

/** Locks and reads them (after the character and its bag: the usual lock order). */
export async function lockBuybackItems(tx: Tx, characterId: string): Promise<BuybackItem[]> {
  await tx.$queryRaw`SELECT "id" FROM "Item"
    WHERE "characterId" = ${characterId} AND "container" = 'BUYBACK' FOR UPDATE`;
  return readBuybackItems(tx, characterId);
}

/**
 * Makes room for one more sale: while the shelf is full, the oldest stack is
 * destroyed (ledger sink `vendor`). Returns the free slot the new stack takes.
 */
export async function makeBuybackRoom(
  tx: Tx,
  characterId: string,
  shelf: BuybackItem[],
  ref: string,
): Promise<number> {
  const kept = [...shelf];
  while (kept.length >= BUYBACK_SLOTS) {
    const oldest = kept.shift() as BuybackItem;
    await tx.item.delete({ where: { id: oldest.id } }); // its VendorBuyback row cascades
    await recordItem(tx, {
      reason: 'vendor',
      itemId: oldest.id,
      templateId: oldest.templateId,
      quantityDelta: -oldest.quantity,
      fromOwner: buybackOwner(characterId),
      toOwner: sinkOwner('vendor'),
      ref,
    });
  }
  const slot = firstFreeSlot(BUYBACK_SLOTS, kept);
  if (slot === null) throw new Error(`buy-back shelf of ${characterId} has no free slot`);
  return slot;
}
