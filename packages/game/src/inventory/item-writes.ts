/**
 * Single-row item writes for the hot inventory paths (moves, merges, swaps), raw:
 * a Prisma model write costs ~1 ms of CPU per call (docs/perf.md, "The web tier").
 * The caller holds the row lock. "updatedAt" is Prisma's @updatedAt, set here by hand.
 */
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

export async function deleteItem(tx: Tx, itemId: string): Promise<void> {
  await tx.$executeRaw`DELETE FROM "Item" WHERE "id" = ${itemId}`;
}
