import { questById, type Quest } from '@necp/shared';
import type { Tx } from '../core/deps';
import { periodEndAfter, questPeriodKey } from './periods';
import type { QuestRow } from './quest-rows';

/** Why a quest failed on its own (CharacterQuest.failReason). */
export type LazyFailReason = 'timer' | 'reset';

/**
 * A row as it stands at `now`: an active timed quest past its deadline has failed
 * ('timer'); an active/ready daily or weekly of an earlier period has failed ('reset').
 * Nothing runs at the deadline or at midnight — reads compute this, writes persist it —
 * so a server that was down misses nothing. When both apply, whichever came first wins.
 */
export function settleRow(row: QuestRow, quest: Quest, now: Date): QuestRow {
  if (row.state !== 'active' && row.state !== 'ready') return row;
  const timedOut = row.state === 'active' && row.deadline !== null && now >= row.deadline;
  const periodEnd = periodEndAfter(quest, row.acceptedAt);
  const reset = periodEnd !== null && row.periodKey !== questPeriodKey(quest, now);
  if (timedOut && (!reset || (row.deadline as Date) < (periodEnd as Date)))
    return fail(row, 'timer', row.deadline as Date);
  if (reset) return fail(row, 'reset', periodEnd as Date);
  return row;
}

function fail(row: QuestRow, reason: LazyFailReason, at: Date): QuestRow {
  return { ...row, state: 'failed', failReason: reason, failedAt: at };
}

/** Settles every row; `failed` lists those that changed (to persist on a write path). */
export function settleRows(rows: readonly QuestRow[], now: Date) {
  const failed: QuestRow[] = [];
  const settled = rows.map((r) => {
    const quest = questById(r.questId);
    if (!quest) return r; // a quest removed from content: left as it is
    const s = settleRow(r, quest, now);
    if (s !== r) failed.push(s);
    return s;
  });
  return { rows: settled, failed };
}

/** Writes lazily detected failures (conditional: only rows still active/ready change). */
export async function persistFailures(tx: Tx, failed: readonly QuestRow[]): Promise<void> {
  for (const r of failed)
    await tx.characterQuest.updateMany({
      where: { id: r.id, state: { in: ['active', 'ready'] } },
      data: { state: 'failed', failReason: r.failReason, failedAt: r.failedAt },
    });
}
