/**
 * Single-row item writes for the hot inventory paths (moves, merges, swaps), raw:
 * a Prisma model write costs ~1 ms of CPU per call (docs/perf.md, "The web tier").
 * The caller holds the row lock. "updatedAt" is Prisma's @updatedAt, set here by hand.
 */
import type { ItemContainer } from '@necp/db';
import type { Tx } from '../core/deps';

export async function setItemSlot(tx: Tx, itemId: string, slot: number): Promise<void> {
  await tx.$executeRaw`UPDATE "Item" SET "slot" = ${slot}, "updatedAt" = now() WHERE "id" = ${itemId}`;
}

export async function setItemQuantity(tx: Tx, itemId: string, quantity: number): Promise<void> {
  await tx.$executeRaw`UPDATE "Item" SET "quantity" = ${quantity}, "updatedAt" = now() WHERE "id" = ${itemId}`;
}

export async function addItemQuantity(tx: Tx, itemId: string, n: number): Promise<void> {
  await tx.$executeRaw`UPDATE "Item" SET "quantity" = "quantity" + ${n}, "updatedAt" = now() WHERE "id" = ${itemId}`;
}

/** Deletes the row; what it was (for its ledger row), or null when it was gone. */
export async function deleteItem(
  tx: Tx,
  itemId: string,
): Promise<{ templateId: string; quantity: number } | null> {
  const rows = await tx.$queryRaw<{ templateId: string; quantity: number }[]>`
    DELETE FROM "Item" WHERE "id" = ${itemId} RETURNING "templateId", "quantity"`;
  return rows[0] ?? null;
}

/**
 * Moves an item out of whichever bag or bank into what holds it now (a mail, a contract,
 * a market order, an auction listing): no owner, the holder's container and slot. Its template, or null when
 * the row was gone.
 */
export async function holdItem(
  tx: Tx,
  itemId: string,
  container: Extract<ItemContainer, 'MAIL' | 'CONTRACT' | 'MARKET' | 'AUCTION'>,
  slot = 0,
): Promise<string | null> {
  const rows = await tx.$queryRaw<{ templateId: string }[]>`UPDATE "Item"
    SET "container" = ${container}::"ItemContainer", "slot" = ${slot}::int,
      "characterId" = NULL, "userId" = NULL, "updatedAt" = now()
    WHERE "id" = ${itemId} RETURNING "templateId"`;
  return rows[0]?.templateId ?? null;
}
