import { randomUUID } from 'node:crypto';
import type { Tx } from '../core/deps';
import { publishEvents } from '../outbox/publish-event';

/**
 * Tells the sim, through the outbox, that a character's derived stats may have
 * changed (gear, carried weight, attributes, level): the sim holding the character
 * re-reads them with loadCharacterStats. Call it in the transaction of the change,
 * so the event commits exactly when the change does. The sim never takes the
 * client's word for this (there is no client "refresh" command).
 * Every change is its own happening: the key carries a random id.
 */
export async function publishStatsChanged(
  tx: Tx,
  /** one character, or several changed by one transaction (one statement for all) */
  characterIds: string | readonly string[],
  /** for logs: 'inventory.equip', 'vendor.sell' … */
  cause: string,
): Promise<void> {
  const ids = typeof characterIds === 'string' ? [characterIds] : characterIds;
  await publishEvents(
    tx,
    ids.map((characterId) => ({
      type: 'character.stats_changed' as const,
      key: `character.stats_changed:${characterId}:${randomUUID()}`,
      payload: { characterId, cause },
    })),
  );
}
