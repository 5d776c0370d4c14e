import { questById } from '@necp/shared';
import type { Db, Tx } from '../core/deps';
import { readQuestRows } from './quest-rows';
import { settleRows } from './settle';

/**
 * Ids of the quests a character is running now (state active, settled at `now`):
 * what loot `questActive` conditions are checked against.
 */
export async function activeQuestIds(
  db: Db | Tx,
  characterId: string,
  now: Date,
): Promise<string[]> {
  const { rows } = settleRows(await readQuestRows(db, characterId), now);
  return rows.filter((r) => r.state === 'active' && questById(r.questId)).map((r) => r.questId);
}
