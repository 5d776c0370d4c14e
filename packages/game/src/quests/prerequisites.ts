import { questById, type Quest } from '@necp/shared';
import type { QuestContext } from './context';
import {
  classText,
  flagHolds,
  flagText,
  levelText,
  standingHolds,
  standingText,
} from './requirements';

const titleOf = (id: string) => questById(id)?.title ?? id;

export const completedQuest = (ctx: QuestContext, questId: string) =>
  ctx.rows.some((r) => r.questId === questId && r.state === 'completed');

/** The first prerequisite the character misses, as the line the player reads; null when all hold. */
export function unmetPrerequisite(quest: Quest, ctx: QuestContext): string | null {
  const p = quest.prerequisites;
  if (ctx.level < p.level) return levelText(p.level);
  if (p.classes && !p.classes.some((c) => c === ctx.class)) return classText(p.classes);
  for (const id of p.quests) if (!completedQuest(ctx, id)) return `Finish "${titleOf(id)}" first`;
  for (const id of p.notQuests) if (completedQuest(ctx, id)) return `Not after "${titleOf(id)}"`;
  for (const s of p.standing) if (!standingHolds(ctx.standings, s)) return standingText(s);
  for (const f of p.flags) if (!flagHolds(ctx.flags, f)) return flagText(f);
  return null;
}
