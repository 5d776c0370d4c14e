import type { Quest } from '@necp/shared';
import type { Tx } from '../core/deps';
import type { QuestContext } from './context';
import { questRefused } from './errors';
import { questPeriodKey } from './periods';
import { allObjectivesDone, initialProgress } from './progress';
import { toQuestRow, type QuestRow } from './quest-rows';
import { acceptRefusal, currentRow } from './status';

/** The context with `row` replacing its stored version (after a write in the same transaction). */
export function withRow(ctx: QuestContext, row: QuestRow): QuestContext {
  return { ...ctx, rows: [...ctx.rows.filter((r) => r.id !== row.id), row] };
}

async function bagCounts(tx: Tx, characterId: string, templateIds: string[]) {
  if (templateIds.length === 0) return new Map<string, number>();
  const rows = await tx.item.groupBy({
    by: ['templateId'],
    where: { characterId, container: 'BAG', templateId: { in: templateIds } },
    _sum: { quantity: true },
  });
  return new Map(rows.map((r) => [r.templateId, r._sum.quantity ?? 0]));
}

/**
 * Starts (or restarts, for a retryable failed/abandoned run) a quest inside the
 * caller's transaction, which holds the character row and its quest rows. Refuses
 * with the player's reason when the state machine or a prerequisite says no.
 * Starting progress: what the bag already holds for `collect` objectives, flags
 * already set for `choice` ones, checks already passed for `skill_check` ones; a
 * quest whose objectives are all met starts ready.
 */
export async function startQuestTx(tx: Tx, ctx: QuestContext, quest: Quest): Promise<QuestRow> {
  const refusal = acceptRefusal(quest, ctx);
  if (refusal) throw questRefused(quest.id, refusal);
  const now = ctx.now;
  const counts = await bagCounts(
    tx,
    ctx.characterId,
    quest.objectives.flatMap((o) => (o.kind === 'collect' ? [o.itemTemplateId] : [])),
  );
  const checks = quest.objectives.flatMap((o) => (o.kind === 'skill_check' ? [o.checkId] : []));
  const passed =
    checks.length === 0
      ? []
      : await tx.skillCheckRoll.findMany({
          where: { characterId: ctx.characterId, checkId: { in: checks }, success: true },
          select: { checkId: true },
        });
  const progress = initialProgress(quest, {
    bagCount: (id) => counts.get(id) ?? 0,
    flags: ctx.flags,
    passed: (id) => passed.some((r) => r.checkId === id),
  });
  const ready = allObjectivesDone(quest, progress);
  const limit = quest.failure?.timeLimitSeconds;
  const data = {
    state: ready ? ('ready' as const) : ('active' as const),
    progress,
    acceptedAt: now,
    deadline: limit ? new Date(now.getTime() + limit * 1000) : null,
    readyAt: ready ? now : null,
    completedAt: null,
    failedAt: null,
    failReason: null,
    rewardChoice: null,
  };
  const existing = currentRow(quest, ctx);
  const row = existing
    ? await tx.characterQuest.update({
        where: { id: existing.id },
        data: { ...data, attempts: existing.attempts + 1 },
      })
    : await tx.characterQuest.create({
        data: {
          characterId: ctx.characterId,
          questId: quest.id,
          periodKey: questPeriodKey(quest, now),
          ...data,
        },
      });
  return toQuestRow(row);
}
