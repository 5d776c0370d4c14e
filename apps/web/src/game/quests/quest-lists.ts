/**
 * How the quest log and the HUD tracker order and group the server's QuestLogView.
 * Pure: the views come from quests.log; content is only read for chain lengths.
 */
import { QUESTS, type ObjectiveView, type QuestLogView, type QuestView } from '@necp/shared';

/** Steps in a chain (its highest step; branches share a step number). */
export function chainLength(
  chainId: string,
  quests: readonly { chain?: { id: string; step: number } }[] = QUESTS,
): number {
  let max = 0;
  for (const q of quests) if (q.chain?.id === chainId) max = Math.max(max, q.chain.step);
  return max;
}

const isOpen = (q: QuestView) => q.status === 'active' || q.status === 'ready';

/** Every open quest once: the log's active list plus open repeatables not already in it. */
export function openQuests(log: Pick<QuestLogView, 'active' | 'repeatables'>): QuestView[] {
  const seen = new Set<string>();
  const out: QuestView[] = [];
  for (const q of [...log.active, ...log.repeatables]) {
    if (!isOpen(q) || seen.has(q.id)) continue;
    seen.add(q.id);
    out.push(q);
  }
  return out;
}

/**
 * What the HUD tracker shows: up to `max` open quests — ready ones first (there is
 * a reward waiting), then timed ones by deadline, then the rest in log order.
 */
export function trackerQuests(
  log: Pick<QuestLogView, 'active' | 'repeatables'>,
  max = 4,
): QuestView[] {
  const rank = (q: QuestView) => (q.status === 'ready' ? 0 : q.deadline !== undefined ? 1 : 2);
  return openQuests(log)
    .map((q, i) => ({ q, i }))
    .sort(
      (a, b) =>
        rank(a.q) - rank(b.q) ||
        (a.q.deadline ?? Infinity) - (b.q.deadline ?? Infinity) ||
        a.i - b.i,
    )
    .slice(0, max)
    .map((x) => x.q);
}

/** Objectives worth showing in the tracker: not waiting on others (locked ones come later). */
export const visibleObjectives = (q: QuestView): ObjectiveView[] =>
  q.objectives.filter((o) => !o.locked);

/** The next thing to do, one line: "Return to Regina Jones", or the first open objective. */
export function nextStep(q: QuestView): string {
  if (q.status === 'ready') return `Return to ${q.turnIn.name}`;
  const o = q.objectives.find((x) => !x.done && !x.locked);
  if (!o) return q.summary;
  return o.where ? `${o.label} — ${o.where.name}` : o.label;
}

/** Where the quest takes place, for the log: "Watson · Jig-Jig Street". */
export function whereText(q: QuestView): string {
  if (q.status === 'ready') return `${q.turnIn.name} · ${q.zoneName}`;
  const o = q.objectives.find((x) => !x.done && !x.locked && x.where);
  return o?.where ? `${q.zoneName} · ${o.where.name}` : q.zoneName;
}

export type LogGroupId = 'ready' | 'active' | 'daily' | 'weekly' | 'failed';

export interface LogGroup {
  id: LogGroupId;
  title: string;
  quests: QuestView[];
  /** epoch ms when the group's quests reset (dailies, weeklies) */
  resetsAt?: number;
}

/**
 * The quest log's sections, in the order shown. Dailies and weeklies are listed
 * under their own heading — the ones taken this period (any state: completed ones
 * show as done) and the ones on offer now; those the character cannot take yet
 * (level, district) are left out, as are empty groups.
 */
export function logGroups(log: QuestLogView): LogGroup[] {
  const oneTime = log.active.filter((q) => q.repeat === 'none');
  const byId = new Map<string, QuestView>();
  // repeatables carry any status; the active list may repeat them — keep the open one
  for (const q of [...log.repeatables, ...log.active.filter((x) => x.repeat !== 'none')]) {
    const had = byId.get(q.id);
    if (!had || (isOpen(q) && !isOpen(had))) byId.set(q.id, q);
  }
  const repeatables = [...byId.values()].filter((q) => q.status !== 'unavailable');
  const groups: LogGroup[] = [
    { id: 'ready', title: 'Ready to turn in', quests: oneTime.filter((q) => q.status === 'ready') },
    { id: 'active', title: 'Active', quests: oneTime.filter((q) => q.status === 'active') },
    {
      id: 'daily',
      title: 'Daily',
      quests: repeatables.filter((q) => q.repeat === 'daily'),
      resetsAt: log.nextDailyReset,
    },
    {
      id: 'weekly',
      title: 'Weekly',
      quests: repeatables.filter((q) => q.repeat === 'weekly'),
      resetsAt: log.nextWeeklyReset,
    },
    { id: 'failed', title: 'Failed', quests: log.failed },
  ];
  return groups.filter((g) => g.quests.length > 0);
}

/** How many quests wait to be turned in (the action bar's badge). */
export const readyCount = (log: Pick<QuestLogView, 'active' | 'repeatables'>): number =>
  openQuests(log).filter((q) => q.status === 'ready').length;

/** The earliest moment the log goes stale by itself (a timer runs out): refetch then. */
export function nextExpiry(
  log: Pick<QuestLogView, 'active' | 'repeatables'>,
  now: number,
): number | null {
  let next: number | null = null;
  for (const q of openQuests(log)) {
    if (q.status !== 'active' || q.deadline === undefined || q.deadline <= now) continue;
    next = next === null ? q.deadline : Math.min(next, q.deadline);
  }
  return next;
}

/** Markers equal (the store is only written when they change). */
export function sameMarkers(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k]);
}
