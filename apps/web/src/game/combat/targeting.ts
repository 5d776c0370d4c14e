/**
 * Choosing a target: Tab cycles the hostiles in view nearest first — NPCs that
 * fight on sight, and in an arena the other team's players —, a click picks the
 * entity under the pointer. Pure (positions in metres).
 */
import { distance, type Vec2 } from '@necp/shared';

export interface Targetable {
  eid: number;
  kind: 'player' | 'npc';
  x: number;
  y: number;
  dead: boolean;
  /** an NPC hostile by disposition, or a player of the other arena team */
  hostile: boolean;
}

/**
 * How far Tab (and the phone's target button) reaches: the longest ability range
 * (25 m) and a few steps to walk in. A wide screen shows hostiles far beyond it, and
 * a pick out of reach answers every ability with "Out of range".
 */
export const TAB_TARGET_RANGE_M = 30;

/**
 * The next Tab target: living hostiles (NPCs and arena enemies alike) within
 * `range` metres, ordered by distance from `self`.
 * Without a target (or one that is not in that list) the nearest one; otherwise the
 * one after the current, wrapping around. null when nothing hostile is in reach.
 */
export function nextTabTarget(
  candidates: Iterable<Targetable>,
  self: Vec2,
  current: number | null,
  range: number = TAB_TARGET_RANGE_M,
): number | null {
  const list = [...candidates]
    .filter((c) => c.hostile && !c.dead)
    .map((c) => ({ eid: c.eid, d: distance(self, c) }))
    .filter((c) => c.d <= range)
    // ties by eid: the order must not flip between two equally far hostiles
    .sort((a, b) => a.d - b.d || a.eid - b.eid);
  if (list.length === 0) return null;
  const i = current === null ? -1 : list.findIndex((c) => c.eid === current);
  return list[(i + 1) % list.length]!.eid;
}

/**
 * The entity nearest to a clicked point within `tolerance` metres; living ones win
 * over corpses (a corpse under a fresh enemy must not steal the click).
 */
export function entityAt(
  entities: Iterable<Targetable>,
  p: Vec2,
  tolerance: number,
): Targetable | null {
  let best: { e: Targetable; d: number } | null = null;
  for (const e of entities) {
    const d = distance(p, e) + (e.dead ? tolerance / 2 : 0);
    if (d <= tolerance * 1.5 && distance(p, e) <= tolerance && (!best || d < best.d))
      best = { e, d };
  }
  return best?.e ?? null;
}
