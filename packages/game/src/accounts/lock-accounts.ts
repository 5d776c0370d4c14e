import type { Role } from '@necp/shared';
import type { Tx } from '../core/deps';

export interface LockedAccount {
  id: string;
  role: Role;
  bannedUntil: Date | null;
}

/**
 * Locks the staff member's and the target's rows (in id order, so two staff acting on
 * each other cannot deadlock) and reads them: the actor's role is checked under the same
 * lock that the change is made with, so two admins demoting each other at once cannot
 * both succeed.
 */
export async function lockAccounts(
  tx: Tx,
  actorId: string,
  targetId: string,
): Promise<{ actor?: LockedAccount; target?: LockedAccount }> {
  const rows = await tx.$queryRaw<LockedAccount[]>`
    SELECT "id", "role"::text AS "role", "bannedUntil" FROM "User"
    WHERE "id" = ANY(${[actorId, targetId]}::text[])
    ORDER BY "id" FOR UPDATE`;
  return { actor: rows.find((r) => r.id === actorId), target: rows.find((r) => r.id === targetId) };
}
