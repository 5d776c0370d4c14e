/**
 * `action` objectives (posting in the chat, teaming up). The chat and party
 * domains — and, for the welcome quest's "go solo", the client — say that a
 * character did the thing; an outbox event `quest.action` is written only while an
 * active quest has such an objective unlocked and open, keyed once per quest run
 * and action. So a chatty player writes nothing, a repeated report changes nothing,
 * and the quest subscriber advances it like any other trigger and tells the player.
 */
import {
  QUESTS,
  ReportQuestActionInputSchema,
  questById,
  type QuestAction,
  type ReportQuestActionInput,
} from '@necp/shared';
import type { GameDeps, Tx } from '../core/deps';
import { parseInput } from '../core/validation';
import { getLiveCharacter } from '../characters/get-owned-character';
import { publishEvent } from '../outbox/publish-event';
import { objectiveDone, objectiveUnlocked } from './progress';
import { toQuestRow } from './quest-rows';

/** action → the quests with an objective counting it (content is fixed at start). */
const QUESTS_BY_ACTION = new Map<QuestAction, string[]>();
for (const q of QUESTS)
  for (const o of q.objectives)
    if (o.kind === 'action') {
      const ids = QUESTS_BY_ACTION.get(o.action) ?? [];
      if (!ids.includes(q.id)) ids.push(q.id);
      QUESTS_BY_ACTION.set(o.action, ids);
    }

/**
 * Publishes `quest.action` when the action counts for one of the character's active
 * quests now; false when it counts for nothing (or was already published for this
 * run). `clientReported` limits it to quests given at creation (content check keeps
 * client-reported actions there too): what a client claims pays only their small,
 * once-only reward.
 */
export async function creditQuestAction(
  db: Tx,
  characterId: string,
  action: QuestAction,
  opts: { clientReported?: boolean } = {},
): Promise<boolean> {
  const questIds = (QUESTS_BY_ACTION.get(action) ?? []).filter(
    (id) => !opts.clientReported || questById(id)?.givenAtCreation,
  );
  if (questIds.length === 0) return false;
  const rows = await db.characterQuest.findMany({
    where: { characterId, questId: { in: questIds }, state: 'active' },
    orderBy: { acceptedAt: 'asc' },
  });
  for (const row of rows.map(toQuestRow)) {
    const quest = questById(row.questId);
    const open = quest?.objectives.some(
      (o) =>
        o.kind === 'action' &&
        o.action === action &&
        !objectiveDone(row.progress, o) &&
        objectiveUnlocked(quest, row.progress, o),
    );
    if (!open) continue;
    return publishEvent(db, {
      type: 'quest.action',
      key: `quest.action:${row.id}:${row.attempts}:${action}`,
      payload: { characterId, action },
    });
  }
  return false;
}

/**
 * quests.reportAction: the client says the player did something only it sees (the
 * welcome quest's "go solo" at its party step). A live character only; `counted`:
 * this report will advance a quest (false when it counts for nothing, or was already
 * reported for this run).
 */
export async function reportQuestAction(
  deps: Pick<GameDeps, 'db'>,
  input: ReportQuestActionInput,
): Promise<{ counted: boolean }> {
  const { characterId, action } = parseInput(ReportQuestActionInputSchema, input);
  await getLiveCharacter(deps, characterId);
  return {
    counted: await creditQuestAction(deps.db, characterId, action, { clientReported: true }),
  };
}
