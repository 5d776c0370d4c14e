/**
 * The own character's combat timers. The sim sends SelfCombatState only when it
 * changes, with times as "ms remaining at the snapshot"; the client remembers when
 * it arrived and counts down from there. Pure: `now` is passed in (performance.now()).
 */
import { GCD_MS, type SelfCombatState } from '@necp/shared';

export interface SelfCombatView {
  state: SelfCombatState;
  /** local time the state arrived */
  at: number;
}

const left = (ms: number, view: SelfCombatView, now: number) =>
  Math.max(0, ms - Math.max(0, now - view.at));

/** ms until the ability's own cooldown ends (0: ready). */
export function cooldownLeft(view: SelfCombatView | null, abilityId: string, now: number): number {
  const cd = view?.state.cd[abilityId];
  return cd && view ? left(cd[0], view, now) : 0;
}

/**
 * How much of the sweep is still covered: 1 right after the use, 0 when ready.
 * Drives the clock overlay on a slot.
 */
export function cooldownFraction(
  view: SelfCombatView | null,
  abilityId: string,
  now: number,
): number {
  const cd = view?.state.cd[abilityId];
  if (!cd || !view) return 0;
  const total = Math.max(cd[1], cd[0], 1);
  return Math.min(1, left(cd[0], view, now) / total);
}

export function gcdLeft(view: SelfCombatView | null, now: number): number {
  return view ? left(view.state.gcd, view, now) : 0;
}

/** The global cooldown sweep (same on every gcd slot): 1 just triggered, 0 ready. */
export function gcdFraction(view: SelfCombatView | null, now: number): number {
  return Math.min(1, gcdLeft(view, now) / GCD_MS);
}

export interface CastProgress {
  ability: string;
  target: number;
  /** 0..1 done */
  done: number;
  leftMs: number;
  totalMs: number;
}

export function castProgress(view: SelfCombatView | null, now: number): CastProgress | null {
  const c = view?.state.cast;
  if (!c || !view) return null;
  const leftMs = left(c.left, view, now);
  const totalMs = Math.max(c.total, 1);
  return { ability: c.ability, target: c.target, leftMs, totalMs, done: 1 - leftMs / totalMs };
}

export interface RespawnTimers {
  canRespawnIn: number;
  autoRespawnIn: number;
}

/** While dead: the countdowns of the death screen (null when alive or unknown). */
export function respawnTimers(view: SelfCombatView | null, now: number): RespawnTimers | null {
  const d = view?.state.dead;
  if (!d || !view) return null;
  return {
    canRespawnIn: left(d.canRespawnIn, view, now),
    autoRespawnIn: left(d.autoRespawnIn, view, now),
  };
}
