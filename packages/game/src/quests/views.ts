import {
  contactById,
  factionById,
  itemTemplateById,
  objectiveTarget,
  zoneById,
  type ItemReward,
  type ObjectiveView,
  type Quest,
  type QuestRewardsView,
  type QuestView,
  type RewardItemView,
} from '@necp/shared';
import type { QuestContext } from './context';
import { periodEndAfter } from './periods';
import { objectiveArea, objectiveUnlocked, progressOf } from './progress';
import type { Progress, QuestRow } from './quest-rows';
import { currentRow, questStatus } from './status';

export function rewardItemView(r: ItemReward): RewardItemView {
  const t = itemTemplateById(r.templateId);
  return {
    templateId: r.templateId,
    name: t?.name ?? r.templateId,
    rarity: t?.rarity ?? 'common',
    quantity: r.quantity,
  };
}

export function rewardsView(quest: Quest): QuestRewardsView {
  const r = quest.rewards;
  return {
    xp: r.xp,
    eddies: r.eddies,
    items: r.items.map(rewardItemView),
    choice: r.choice.map(rewardItemView),
    reputation: r.reputation.map((d) => ({
      ...d,
      factionName: factionById(d.factionId)?.name ?? d.factionId,
    })),
  };
}

export function objectiveViews(quest: Quest, progress: Progress): ObjectiveView[] {
  return quest.objectives.map((o) => {
    const target = objectiveTarget(o);
    const value = progressOf(progress, o);
    const area = objectiveArea(o);
    return {
      id: o.id,
      kind: o.kind,
      label: o.label,
      progress: value,
      target,
      done: value >= target,
      locked: !objectiveUnlocked(quest, progress, o),
      ...(area
        ? {
            where: {
              zoneId: area.zoneId,
              x: area.x,
              y: area.y,
              radius: area.radius,
              name: area.name,
            },
          }
        : {}),
    };
  });
}

function person(id: string) {
  const c = contactById(id);
  return { id, name: c?.name ?? id, zoneId: c?.zoneId ?? '', x: c?.x ?? 0, y: c?.y ?? 0 };
}

/** The quest as the character sees it; `row` defaults to the current period's row. */
export function questView(
  quest: Quest,
  ctx: QuestContext,
  row: QuestRow | undefined = currentRow(quest, ctx),
): QuestView {
  const status = row ? row.state : questStatus(quest, ctx);
  const turnIn = person(quest.turnInId);
  const resetsAt = periodEndAfter(quest, ctx.now);
  return {
    id: quest.id,
    title: quest.title,
    summary: quest.summary,
    description: quest.description,
    completion: quest.completion,
    zoneId: quest.zoneId,
    zoneName: zoneById(quest.zoneId)?.name ?? quest.zoneId,
    level: quest.level,
    repeat: quest.repeat,
    status,
    giver: { id: quest.giverId, name: person(quest.giverId).name },
    turnIn,
    objectives: objectiveViews(quest, row?.progress ?? {}),
    rewards: rewardsView(quest),
    ...(quest.chain ? { chain: quest.chain } : {}),
    ...(row?.deadline && status === 'active' ? { deadline: row.deadline.getTime() } : {}),
    ...(resetsAt ? { resetsAt: resetsAt.getTime() } : {}),
    ...(status === 'failed' && row?.failReason ? { failReason: row.failReason } : {}),
    ...(quest.failure?.note ? { failureNote: quest.failure.note } : {}),
    ...(quest.hint ? { hint: quest.hint } : {}),
  };
}
