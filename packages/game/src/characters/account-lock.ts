import type { Tx } from '../core/deps';

/**
 * Locks the account row for the rest of the transaction. Every change to how many
 * live characters an account has (create, restore) takes this lock first, so the
 * "at most 5" check and the write cannot interleave. Returns false if no such user.
 */
export async function lockAccountRow(tx: Tx, userId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
  return rows.length > 0;
}

export const countLiveCharacters = (tx: Tx, userId: string) =>
  tx.character.count({ where: { userId, deletedAt: null } });
