import type { Character } from '@necp/db';
import type { Tx } from '../core/deps';
import { lockCharacters } from '../core/lock-order';

/**
 * Locks a character row for background work (outbox subscribers): a deleted or
 * missing character is null — its events are skipped, not retried forever.
 */
export async function lockLiveCharacter(tx: Tx, characterId: string): Promise<Character | null> {
  const [c] = await lockCharacters(tx, [characterId]);
  return c ?? null;
}
