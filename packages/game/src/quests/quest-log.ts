import {
  CONTACTS,
  nextDailyReset,
  nextWeeklyReset,
  QuestLogInputSchema,
  QUESTS,
  questById,
  type QuestLogView,
  type QuestView,
} from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { parseInput } from '../core/validation';
import { getLiveCharacter } from '../characters/get-owned-character';
import { readQuestContext, type QuestContext } from './context';
import { currentRow, offersOf, turnInsAt } from './status';
import { questView } from './views';

const FAILED_SHOWN = 10;

/** The quest log and map markers, computed from a context (read or locked). */
export function questLogOf(ctx: QuestContext): QuestLogView {
  const active: QuestView[] = [];
  const repeatables: QuestView[] = [];
  for (const q of QUESTS) {
    const row = currentRow(q, ctx);
    if (row?.state === 'active' || row?.state === 'ready') active.push(questView(q, ctx, row));
    if (q.repeat !== 'none') repeatables.push(questView(q, ctx, row));
  }
  // failed runs not retried since: the latest per quest, unless the quest runs (or ran) again now
  const busy = new Set(active.map((v) => v.id));
  const seen = new Set<string>();
  const failed: QuestView[] = [];
  for (const row of ctx.rows
    .filter((r) => r.state === 'failed')
    .sort((a, b) => (b.failedAt?.getTime() ?? 0) - (a.failedAt?.getTime() ?? 0))) {
    const q = questById(row.questId);
    if (!q || busy.has(q.id) || seen.has(q.id) || currentRow(q, ctx)?.state === 'completed')
      continue;
    seen.add(q.id);
    failed.push(questView(q, ctx, row));
    if (failed.length === FAILED_SHOWN) break;
  }
  const markers: Record<string, '!' | '?'> = {};
  for (const c of CONTACTS) {
    if (turnInsAt(c.id, ctx).length > 0) markers[c.id] = '?';
    else if (offersOf(c.id, ctx).length > 0) markers[c.id] = '!';
  }
  return {
    active,
    failed,
    completedCount: ctx.rows.filter((r) => r.state === 'completed').length,
    repeatables,
    markers,
    nextDailyReset: nextDailyReset(ctx.now).getTime(),
    nextWeeklyReset: nextWeeklyReset(ctx.now).getTime(),
  };
}

/** The caller's character's quest log (J) with the markers the map shows over contacts. */
export async function getQuestLog(
  deps: GameDeps,
  input: { characterId: string },
): Promise<QuestLogView> {
  const { characterId } = parseInput(QuestLogInputSchema, input);
  const c = await getLiveCharacter(deps, characterId);
  const { ctx } = await readQuestContext(deps.db, c, deps.clock.now());
  return questLogOf(ctx);
}
