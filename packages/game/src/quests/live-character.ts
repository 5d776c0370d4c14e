import type { Character } from '@necp/db';
import type { Tx } from '../core/deps';

/**
 * Locks a character row for background work (outbox subscribers): a deleted or
 * missing character is null — its events are skipped, not retried forever.
 */
export async function lockLiveCharacter(tx: Tx, characterId: string): Promise<Character | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Character" WHERE "id" = ${characterId} AND "deletedAt" IS NULL FOR NO KEY UPDATE`;
  if (rows.length === 0) return null;
  return tx.character.findUniqueOrThrow({ where: { id: characterId } });
}
