import { questById, type QuestUpdateMsg } from '@necp/shared';
import type { Clock } from '../core/clock';
import type { Tx } from '../core/deps';
import { lockQuestContext, type QuestContext } from './context';
import { lockLiveCharacter } from './live-character';
import { failedNotice } from './notices';

/**
 * What every quest write that works off events starts with: lock the live
 * character and its quest rows (persisting lazy timer/reset failures on the way).
 * Returns the context and a notice for each failure found, or null for a deleted
 * character (its events are skipped).
 */
export async function lockForQuestUpdate(
  tx: Tx,
  deps: { clock: Clock },
  characterId: string,
): Promise<{ ctx: QuestContext; notices: QuestUpdateMsg[] } | null> {
  const c = await lockLiveCharacter(tx, characterId);
  if (!c) return null;
  const { ctx, failed } = await lockQuestContext(tx, c, deps.clock.now());
  const notices: QuestUpdateMsg[] = [];
  for (const f of failed) {
    const q = questById(f.questId);
    if (q) notices.push(failedNotice(q, f.failReason ?? 'failed'));
  }
  return { ctx, notices };
}
