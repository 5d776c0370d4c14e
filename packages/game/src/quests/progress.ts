/**
 * Objective progress (pure): what a trigger adds to which objective, `requires`
 * ordering, caps at the target, and the progress a quest starts with.
 */
import {
  objectiveTarget,
  zoneById,
  type Quest,
  type QuestAction,
  type QuestObjective,
} from '@necp/shared';
import type { Flags } from '../flags/flags';
import type { Progress } from './quest-rows';

/** Something that happened to a character which objectives may count. */
export type QuestTrigger =
  | { kind: 'kill'; npcTemplateId: string }
  | { kind: 'pickup'; templateId: string; quantity: number }
  | { kind: 'reach'; zoneId: string; areaId: string }
  | { kind: 'use'; templateId: string; zoneId: string; x: number; y: number }
  | { kind: 'talk'; contactId: string }
  | { kind: 'skill_check'; checkId: string }
  | { kind: 'flag'; key: string }
  | { kind: 'action'; action: QuestAction };

/** The area a reach/use objective names (content check guarantees it exists). */
export function objectiveArea(o: QuestObjective) {
  if (o.kind !== 'reach' && o.kind !== 'use') return undefined;
  if (!o.zoneId || !o.areaId) return undefined;
  const area = zoneById(o.zoneId)?.areas.find((a) => a.id === o.areaId);
  return area ? { zoneId: o.zoneId, ...area } : undefined;
}

/** How much the trigger adds to the objective (0: it does not count for it). */
export function triggerAmount(o: QuestObjective, t: QuestTrigger): number {
  switch (o.kind) {
    case 'kill':
      return t.kind === 'kill' && o.npcTemplateIds.includes(t.npcTemplateId) ? 1 : 0;
    case 'collect':
      return t.kind === 'pickup' && t.templateId === o.itemTemplateId ? t.quantity : 0;
    case 'reach':
      return t.kind === 'reach' && t.zoneId === o.zoneId && t.areaId === o.areaId ? 1 : 0;
    case 'use': {
      if (t.kind !== 'use' || t.templateId !== o.itemTemplateId) return 0;
      if (o.zoneId && o.zoneId !== t.zoneId) return 0;
      const area = objectiveArea(o);
      if (o.areaId && (!area || Math.hypot(t.x - area.x, t.y - area.y) > area.radius)) return 0;
      return 1;
    }
    case 'talk':
      return t.kind === 'talk' && t.contactId === o.contactId ? 1 : 0;
    case 'skill_check':
      return t.kind === 'skill_check' && t.checkId === o.checkId ? 1 : 0;
    case 'choice':
      return t.kind === 'flag' && t.key === o.flag ? 1 : 0;
    case 'action':
      return t.kind === 'action' && t.action === o.action ? 1 : 0;
  }
}

export const progressOf = (p: Progress, o: QuestObjective) =>
  Math.min(objectiveTarget(o), p[o.id] ?? 0);
export const objectiveDone = (p: Progress, o: QuestObjective) =>
  progressOf(p, o) >= objectiveTarget(o);

/** An objective advances only once every objective it `requires` is done. */
export function objectiveUnlocked(quest: Quest, p: Progress, o: QuestObjective): boolean {
  return o.requires.every((id) => {
    const r = quest.objectives.find((x) => x.id === id);
    return r !== undefined && objectiveDone(p, r);
  });
}

export const allObjectivesDone = (quest: Quest, p: Progress) =>
  quest.objectives.every((o) => objectiveDone(p, o));

export interface Advanced {
  objective: QuestObjective;
  progress: number;
  target: number;
}

/**
 * Applies a trigger to a quest's progress. Objectives are walked in order, so a
 * trigger that completes A can also advance B that requires A. Returns the new
 * progress and the objectives that moved (empty: nothing counted).
 */
export function advanceProgress(
  quest: Quest,
  before: Progress,
  t: QuestTrigger,
): { progress: Progress; advanced: Advanced[] } {
  const p: Record<string, number> = { ...before };
  const advanced: Advanced[] = [];
  for (const o of quest.objectives) {
    const add = triggerAmount(o, t);
    if (add <= 0 || objectiveDone(p, o) || !objectiveUnlocked(quest, p, o)) continue;
    const target = objectiveTarget(o);
    p[o.id] = Math.min(target, progressOf(p, o) + add);
    advanced.push({ objective: o, progress: p[o.id] as number, target });
  }
  return { progress: p, advanced };
}

/** Marks one objective done (a dialogue `complete_objective` story beat). */
export function completeObjective(quest: Quest, before: Progress, objectiveId: string) {
  const o = quest.objectives.find((x) => x.id === objectiveId);
  if (!o || objectiveDone(before, o)) return null;
  return { progress: { ...before, [o.id]: objectiveTarget(o) } as Progress, objective: o };
}

/**
 * What a quest starts with: `collect` objectives count what the bag already holds,
 * `choice` objectives whose flag is already set and `skill_check` objectives whose
 * check was already passed are done (capped, in order, respecting `requires`).
 * Everything else starts at 0.
 */
export function initialProgress(
  quest: Quest,
  has: { bagCount(templateId: string): number; flags: Flags; passed(checkId: string): boolean },
): Progress {
  const p: Record<string, number> = {};
  for (const o of quest.objectives) {
    p[o.id] = 0;
    if (!objectiveUnlocked(quest, p, o)) continue;
    if (o.kind === 'collect') p[o.id] = Math.min(o.count, has.bagCount(o.itemTemplateId));
    if (o.kind === 'choice' && has.flags[o.flag] !== undefined) p[o.id] = 1;
    if (o.kind === 'skill_check' && has.passed(o.checkId)) p[o.id] = 1;
  }
  return p;
}
