import type { Prisma } from '@necp/db';
import type { Tx } from '../core/deps';
import { eventsInsert, OF_THIS_TRANSACTION, publishEvents } from '../outbox/publish-event';

const events = (ids: readonly string[], cause: string) =>
  ids.map((characterId) => ({
    type: 'character.stats_changed' as const,
    key: `character.stats_changed:${characterId}`,
    payload: { characterId, cause },
  }));

/**
 * Tells the sim, through the outbox, that a character's derived stats may have
 * changed (gear, carried weight, attributes, level): the sim holding the character
 * re-reads them with loadCharacterStats. Call it in the transaction of the change,
 * so the event commits exactly when the change does. The sim never takes the
 * client's word for this (there is no client "refresh" command).
 * The happening is the transaction itself (the event carries no delta: "re-read"), so
 * the key ends in it (OF_THIS_TRANSACTION): a second call in one transaction for the same
 * character adds nothing (the first cause is kept), and two transactions never share one.
 */
export async function publishStatsChanged(
  tx: Tx,
  /** one character, or several changed by one transaction (one statement for all) */
  characterIds: string | readonly string[],
  /** for logs: 'inventory.equip', 'vendor.sell' … */
  cause: string,
): Promise<void> {
  const ids = typeof characterIds === 'string' ? [characterIds] : characterIds;
  await publishEvents(tx, events(ids, cause), OF_THIS_TRANSACTION);
}

/** publishStatsChanged's events as a write, for a writer that folds it into its statement. */
export function statsChangedInsert(characterIds: readonly string[], cause: string): Prisma.Sql {
  return eventsInsert(events(characterIds, cause), undefined, OF_THIS_TRANSACTION);
}
