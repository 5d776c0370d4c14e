/**
 * The outbox events of a character's life (created, soft-deleted, restored), written
 * in the change's transaction: the leaderboards list or unlist the character.
 */
import type { Tx } from '../core/deps';
import { publishEvent } from '../outbox/publish-event';

export type CharacterLifecycleChange = { characterId: string; userId: string } & (
  | { type: 'character.created' }
  /** `deletedAt`: the one this deletion writes */
  | { type: 'character.deleted'; deletedAt: Date }
  /** `deletedAt`: the one this restore clears (the deletion it undoes) */
  | { type: 'character.restored'; deletedAt: Date }
);

/**
 * A character is created once; a deletion is named by the deletedAt it writes, and a
 * restore by the deletion it undoes (each deletion is restored at most once): a deletion,
 * its restore and a deletion again are three keys, and a retry of one of them its own key.
 */
export async function publishCharacterLifecycle(
  tx: Tx,
  change: CharacterLifecycleChange,
): Promise<void> {
  const { type, characterId, userId } = change;
  await publishEvent(tx, {
    type,
    key:
      change.type === 'character.created'
        ? `${type}:${characterId}`
        : `${type}:${characterId}:${change.deletedAt.toISOString()}`,
    payload: { characterId, userId },
  });
}
