import { QUESTS_GIVEN_AT_CREATION } from '@necp/shared';
import type { Character } from '@necp/db';
import type { Tx } from '../core/deps';
import { lockQuestContext } from './context';
import { startQuestTx, withRow } from './start-quest';

/**
 * Starts the quests every new character begins with (the welcome quest), inside
 * the transaction that creates it: a character exists with its first job or not at
 * all. Characters created before a quest was given at creation never get it — the
 * tutorial is for newcomers, not for a level-1 alt made last month.
 */
export async function startQuestsGivenAtCreationTx(
  tx: Tx,
  character: Character,
  now: Date,
): Promise<void> {
  if (QUESTS_GIVEN_AT_CREATION.length === 0) return;
  let { ctx } = await lockQuestContext(tx, character, now);
  for (const quest of QUESTS_GIVEN_AT_CREATION)
    ctx = withRow(ctx, await startQuestTx(tx, ctx, quest));
}
