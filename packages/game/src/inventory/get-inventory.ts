import { InventoryGetInputSchema, type InventoryView } from '@necp/shared';
import { Prisma } from '@necp/db';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../accounts/validation';
import { characterNotFound } from '../characters/get-owned-character';
import { TX_OPTIONS } from './locks';
import { readInventory } from './read-inventory';

const snapshot = { ...TX_OPTIONS, isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead };

/**
 * Bag, equipment, weight, eddies and derived stats of one of the caller's
 * characters. A read: one REPEATABLE READ snapshot instead of locks, so it never
 * shows half of a concurrent move.
 */
export async function getInventory(
  deps: Pick<GameDeps, 'db'>,
  input: { userId: string; characterId: string },
): Promise<InventoryView> {
  const { characterId } = parseInput(InventoryGetInputSchema, input);
  return deps.db.$transaction(async (tx) => {
    const c = await tx.character.findFirst({
      where: { id: characterId, userId: input.userId, deletedAt: null },
    });
    if (!c) throw characterNotFound(characterId);
    return readInventory(tx, c);
  }, snapshot);
}
