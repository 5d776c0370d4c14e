import { randomUUID } from 'node:crypto';
import type { Tx } from '../core/deps';
import { publishEvent } from '../outbox/publish-event';

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
  characterId: string,
  /** for logs: 'inventory.equip', 'vendor.sell' … */
  cause: string,
): Promise<void> {
  await publishEvent(tx, {
    type: 'character.stats_changed',
    key: `character.stats_changed:${characterId}:${randomUUID()}`,
    payload: { characterId, cause },
  });
}
