import type { Tx } from '../core/deps';

/** How many live (not deleted) characters the account has: checked under lockAccountRow. */
export const countLiveCharacters = (tx: Tx, userId: string) =>
  tx.character.count({ where: { userId, deletedAt: null } });
