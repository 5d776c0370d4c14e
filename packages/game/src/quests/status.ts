import { QUESTS, offeredByGiver, type Quest, type QuestStatus } from '@necp/shared';
import type { QuestContext } from './context';
import { questPeriodKey } from './periods';
import { unmetPrerequisite } from './prerequisites';
import type { QuestRow } from './quest-rows';

/** The row that decides the quest's status now: the one-time row, or this period's for a repeatable. */
export function currentRow(quest: Quest, ctx: QuestContext): QuestRow | undefined {
  const key = questPeriodKey(quest, ctx.now);
  return ctx.rows.find((r) => r.questId === quest.id && r.periodKey === key);
}

/** unavailable | available (computed) or the stored state of the current row. */
export function questStatus(quest: Quest, ctx: QuestContext): QuestStatus {
  const row = currentRow(quest, ctx);
  if (row) return row.state;
  return unmetPrerequisite(quest, ctx) === null ? 'available' : 'unavailable';
}

/** Why the character cannot accept the quest now (the player's line); null: it can. */
export function acceptRefusal(quest: Quest, ctx: QuestContext): string | null {
  const row = currentRow(quest, ctx);
  if (row?.state === 'active' || row?.state === 'ready') return 'You are already on this job';
  if (row?.state === 'completed') {
    if (quest.repeat === 'daily') return 'Done for today — it resets at midnight UTC';
    if (quest.repeat === 'weekly') return 'Done for this week — it resets on Monday (UTC)';
    return 'You have already done this job';
  }
  if (row && !quest.retryable) return 'This job cannot be taken again';
  return unmetPrerequisite(quest, ctx);
}

/** Quests the contact offers to this character now (the '!' marker and the dialogue's offer list). */
export const offersOf = (contactId: string, ctx: QuestContext): Quest[] =>
  QUESTS.filter(
    (q) => q.giverId === contactId && offeredByGiver(q) && acceptRefusal(q, ctx) === null,
  );

/** Quests ready to be handed in at the contact (the '?' marker). */
export const turnInsAt = (contactId: string, ctx: QuestContext): Quest[] =>
  QUESTS.filter((q) => q.turnInId === contactId && currentRow(q, ctx)?.state === 'ready');
