/**
 * Test-only helpers for the chat tests (not exported from the package): speakers in
 * districts of their own, and a presence check that finds everyone online.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '@necp/db';
import { newPlayer } from '../inventory/test-helpers';
import type { ChatSender } from './post-chat';

export const online = { isOnline: async () => true };
const zone = () => `zone-${randomBytes(4).toString('hex')}`;

/** Makes speakers on a test file's database client: each a new character, in a fresh district unless given one. */
export function speakers(db: Db) {
  return async function speaker(zoneId = zone()): Promise<ChatSender> {
    const p = await newPlayer(db);
    const c = await db.character.findUniqueOrThrow({ where: { id: p.characterId } });
    return { userId: p.userId, characterId: c.id, name: c.name, zoneId };
  };
}
