import {
  AbandonQuestInputSchema,
  AcceptQuestInputSchema,
  type AbandonQuestInput,
  type AcceptQuestInput,
  type QuestChangeResult,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { lockCharacter } from '../core/row-locks';
import { assertNearContact, contactOrThrow } from '../contacts/contact-range';
import { lockQuestContext } from './context';
import { questOrThrow, questRefused } from './errors';
import { startQuestTx, withRow } from './start-quest';
import { currentRow } from './status';
import { questView } from './views';
import { inTransaction } from '../core/transaction';

/**
 * Takes a quest at its giver: the character's stored position within
 * INTERACT_RANGE of the giver (FORBIDDEN otherwise). Dialogue-only quests start
 * only through their dialogue. One transaction with the character and its quest
 * rows locked, so a double click accepts once.
 */
export async function acceptQuest(
  deps: GameDeps,
  input: AcceptQuestInput,
): Promise<QuestChangeResult> {
  const { characterId, questId, contactId } = parseInput(AcceptQuestInputSchema, input);
  const result = await inTransaction(deps.db, async (tx) => {
    const c = await lockCharacter(tx, characterId);
    const quest = questOrThrow(questId);
    const contact = contactOrThrow(contactId);
    if (quest.giverId !== contact.id)
      throw questRefused(quest.id, `${contact.name} does not offer this job`);
    assertNearContact(c, contact);
    if (quest.dialogueOnly)
      throw questRefused(quest.id, `Ask ${contact.name} about it in conversation`);
    if (quest.givenAtCreation)
      throw questRefused(quest.id, 'Only a newcomer to the city gets this job');
    const { ctx } = await lockQuestContext(tx, c, deps.clock.now());
    const row = await startQuestTx(tx, ctx, quest);
    return { quest: questView(quest, withRow(ctx, row), row) };
  });
  deps.log.info({ characterId, questId, status: result.quest.status }, 'quest accepted');
  return result;
}

/** Gives up an active or ready quest, anywhere. Retryable quests can be taken again. */
export async function abandonQuest(
  deps: GameDeps,
  input: AbandonQuestInput,
): Promise<QuestChangeResult> {
  const { characterId, questId } = parseInput(AbandonQuestInputSchema, input);
  const result = await inTransaction(deps.db, async (tx) => {
    const c = await lockCharacter(tx, characterId);
    const quest = questOrThrow(questId);
    const { ctx } = await lockQuestContext(tx, c, deps.clock.now());
    const row = currentRow(quest, ctx);
    if (!row || (row.state !== 'active' && row.state !== 'ready'))
      throw questRefused(
        quest.id,
        row?.state === 'failed' ? 'This job has already failed' : 'You are not on this job',
      );
    const updated = { ...row, state: 'abandoned' as const };
    await tx.characterQuest.update({ where: { id: row.id }, data: { state: 'abandoned' } });
    return { quest: questView(quest, withRow(ctx, updated), updated) };
  });
  deps.log.info({ characterId, questId }, 'quest abandoned');
  return result;
}
