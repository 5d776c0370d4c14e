import { questById, type QuestUpdateMsg } from '@necp/shared';
import type { Clock } from '../core/clock';
import type { Tx } from '../core/deps';
import { lockForQuestUpdate } from './lock-for-update';
import { progressNotice } from './notices';
import { advanceProgress, allObjectivesDone, type QuestTrigger } from './progress';

/**
 * The key that makes one happening count once. A string (an outbox event's key)
 * covers every quest the trigger advances; a function gives one key per quest run —
 * dialogue-driven triggers use `talk:<characterId>:<questId>:<attempts>:<contactId>`.
 */
export type TriggerEventKey = string | ((questId: string, attempts: number) => string);

/** Records that a happening was applied; false when it already was (then it is skipped). */
export async function markApplied(
  tx: Tx,
  characterId: string,
  eventKey: string,
  at: Date,
): Promise<boolean> {
  const r = await tx.questEventApplied.createMany({
    data: [{ characterId, eventKey, at }],
    skipDuplicates: true,
  });
  return r.count === 1;
}

/**
 * Advances the character's active quests by one trigger, exactly once per event
 * key, inside the caller's transaction: locks the character and its quest rows
 * (persisting lazy failures found on the way), applies the trigger to every
 * active quest it counts for (respecting `requires`, capped at targets), moves
 * quests whose objectives are all done to `ready`, and returns what changed as
 * notices (including lazily detected failures). A deleted character is skipped.
 *
 * A key is recorded only when the trigger counts for something, so the table
 * grows with real progress, not with every kill. (An event that counted nothing
 * could count if handed over again after a quest was accepted; the outbox's
 * consumption rows already keep the drain from handing an event over twice.)
 */
export async function applyQuestTrigger(
  tx: Tx,
  deps: { clock: Clock },
  characterId: string,
  trigger: QuestTrigger,
  eventKey: TriggerEventKey,
): Promise<QuestUpdateMsg[]> {
  const locked = await lockForQuestUpdate(tx, deps, characterId);
  if (!locked) return [];
  const { ctx, notices } = locked;
  const now = ctx.now;

  const moves = ctx.rows.flatMap((row) => {
    const quest = row.state === 'active' ? questById(row.questId) : undefined;
    if (!quest) return [];
    const r = advanceProgress(quest, row.progress, trigger);
    return r.advanced.length > 0 ? [{ row, quest, ...r }] : [];
  });
  if (moves.length === 0) return notices;
  if (typeof eventKey === 'string' && !(await markApplied(tx, characterId, eventKey, now)))
    return notices;

  for (const m of moves) {
    if (
      typeof eventKey === 'function' &&
      !(await markApplied(tx, characterId, eventKey(m.quest.id, m.row.attempts), now))
    )
      continue;
    const ready = allObjectivesDone(m.quest, m.progress);
    await tx.characterQuest.update({
      where: { id: m.row.id },
      data: {
        progress: m.progress,
        ...(ready ? { state: 'ready', readyAt: now } : {}),
      },
    });
    // one notice per quest: the last objective that moved (the tracker refetches the rest)
    notices.push(progressNotice(m.quest, m.advanced[m.advanced.length - 1]!, ready));
  }
  return notices;
}
