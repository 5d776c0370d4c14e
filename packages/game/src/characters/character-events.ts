/**
 * The outbox events of a character's life (created, soft-deleted, restored), written
 * in the change's transaction: the leaderboards list or unlist the character.
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '../core/deps';
import { publishEvent } from '../outbox/publish-event';

export async function publishCharacterLifecycle(
  tx: Tx,
  type: 'character.created' | 'character.deleted' | 'character.restored',
  ref: { characterId: string; userId: string },
): Promise<void> {
  await publishEvent(tx, {
    type,
    // created once; deleted and restored may repeat (a restore, then a delete again)
    key:
      type === 'character.created'
        ? `${type}:${ref.characterId}`
        : `${type}:${ref.characterId}:${randomUUID()}`,
    payload: { characterId: ref.characterId, userId: ref.userId },
  });
}
