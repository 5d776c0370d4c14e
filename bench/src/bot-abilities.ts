/**
 * Which ability a bot uses next. Fighting is limited by the NPCs there are (a few
 * dozen in Watson, a minute to respawn), so a crowd of bots also keeps the combat
 * engine busy the way players do between pulls: self buffs and heals on allies.
 * Order: a ready special on the NPC target (in its range), else the basic attack
 * (in reach), else a ready self/ally ability.
 */
import { abilityById, type AbilityTarget } from '@necp/shared';

/** Stand this close to use the basic attack (weapon reach: every starting weapon gets this far). */
export const BASIC_REACH_M = 2;

export interface BarAbility {
  id: string;
  target: AbilityTarget;
  /** metres; 0 = weapon reach */
  range: number;
  cooldownMs: number;
  basic: boolean;
  /** bot clock ms from which the bot tries it again */
  readyAt: number;
}

/** The bar's abilities that content knows (ids come from the welcome). */
export function barAbilities(ids: readonly string[]): BarAbility[] {
  return ids.flatMap((id) => {
    const a = abilityById(id);
    if (!a) return [];
    return [
      {
        id,
        target: a.target,
        range: a.range,
        cooldownMs: a.cooldownMs,
        basic: a.role === 'basic',
        readyAt: 0,
      },
    ];
  });
}

export interface Choice {
  ability: BarAbility;
  /** eid to send, or undefined for self */
  target: number | undefined;
}

/**
 * `enemy`: the NPC target and its distance (if any); `allyWithin(range)`: a player in
 * view that close (or undefined: the ability goes on the user). `reach`: how close the
 * basic attack needs to be (shrinks after OUT_OF_RANGE).
 */
export function chooseAbility(
  bar: readonly BarAbility[],
  now: number,
  enemy: { eid: number; distance: number } | undefined,
  allyWithin: (range: number) => number | undefined,
  reach: number,
): Choice | undefined {
  const ready = bar.filter((a) => a.readyAt <= now);
  if (enemy) {
    const special = ready.find(
      (a) => a.target === 'enemy' && !a.basic && a.range > 0 && enemy.distance <= a.range,
    );
    if (special) return { ability: special, target: enemy.eid };
    const basic = ready.find((a) => a.basic && enemy.distance <= (a.range || reach));
    if (basic) return { ability: basic, target: enemy.eid };
  }
  const support = ready.find((a) => a.target === 'self' || a.target === 'ally');
  if (!support) return undefined;
  if (support.target === 'self') return { ability: support, target: undefined };
  return { ability: support, target: allyWithin(support.range) };
}
