/**
 * Ability rules: how hard an ability hits or heals, how far it reaches, and whether
 * a fighter may use it right now. Pure: the sim decides with them from its state,
 * the client greys out its ability bar with the same answers.
 */
import type { AbilityTemplate } from '../content/ability-schema';
import type { DamageType } from '../content/item-schema';
import type { CombatRefusal } from '../net/refusals';
import type { CombatStats } from './combat-stats';
import { OUT_OF_COMBAT_MS, RANGE_TOLERANCE_M } from './combat-constants';
import { isSilenced, isStunned, type ActiveEffect } from './effects';
import { damageAttribute, damageMultiplier } from './stats';

export interface AbilityDamageRange {
  min: number;
  max: number;
  damageType: DamageType;
}

/** Metres an ability reaches: its own range, or the user's weapon reach when it says 0. */
export const abilityRange = (ability: Pick<AbilityTemplate, 'range'>, weaponRange: number) =>
  ability.range > 0 ? ability.range : weaponRange;

/**
 * Damage range of one use before hit, crit and mitigation (rollDamage does those).
 * weapon: the user's weapon range (already scaled by its attribute in deriveStats)
 * × multiplier; fixed: min..max × the attribute multiplier for that damage type ×
 * multiplier. null for abilities that deal no damage.
 */
export function abilityDamage(
  ability: Pick<AbilityTemplate, 'damage' | 'range'>,
  stats: Pick<CombatStats, 'damageMin' | 'damageMax' | 'damageType' | 'range' | 'attributes'>,
): AbilityDamageRange | null {
  const d = ability.damage;
  if (!d) return null;
  const mult = d.multiplier;
  if (d.source === 'weapon') {
    return {
      min: Math.round(stats.damageMin * mult),
      max: Math.round(stats.damageMax * mult),
      damageType: d.damageType ?? stats.damageType,
    };
  }
  const damageType = d.damageType ?? stats.damageType;
  const attr = damageAttribute({ damageType, range: abilityRange(ability, stats.range) });
  const scale = damageMultiplier(stats.attributes[attr]) * mult;
  const min = d.min ?? 0;
  const max = Math.max(min, d.max ?? min);
  return { min: Math.round(min * scale), max: Math.round(max * scale), damageType };
}

/**
 * Healing of one use on a target with `targetMaxHealth`: (flat + pctOfMax × max
 * health), the flat part scaled like damage by the healer's Technical. 0 for
 * abilities that do not heal.
 */
export function healAmount(
  ability: Pick<AbilityTemplate, 'heal'>,
  healer: Pick<CombatStats, 'attributes'>,
  targetMaxHealth: number,
): number {
  const h = ability.heal;
  if (!h) return 0;
  const flat = h.amount * damageMultiplier(healer.attributes.technical);
  return Math.max(0, Math.round(flat + h.pctOfMax * Math.max(0, targetMaxHealth)));
}

/** The target as the user's check sees it. */
export interface AbilityTargetState {
  /** the user itself */
  self: boolean;
  /** an enemy of the user (players and NPCs are enemies; players are allies of each other) */
  hostile: boolean;
  dead: boolean;
  /** metres from the user (for lag compensation: to where the user saw it) */
  distance: number;
  lineOfSight: boolean;
}

/** Everything checkAbilityUse needs; the sim fills it from a fighter's CombatState. */
export interface AbilityUseState {
  /** undefined: no such ability */
  ability: AbilityTemplate | undefined;
  /** on the user's bar (its class and level) — NPCs: in its template */
  known: boolean;
  now: number;
  dead: boolean;
  effects: readonly ActiveEffect[];
  casting: boolean;
  gcdUntil: number;
  /** when this ability is ready again (absent: never used) */
  readyAt?: number;
  resource: number;
  /** the user's weapon reach (range-0 abilities use it) */
  weaponRange: number;
  /** null: no target given (self abilities; ally abilities then mean the user) */
  target: AbilityTargetState | null;
}

/**
 * Whether the ability may go off (or start its cast) now: null, or the first
 * reason it may not, checked in the order the player can act on them — it
 * exists, you live and can act, it is ready, you can pay, the target is valid,
 * in reach and in sight.
 */
export function checkAbilityUse(s: AbilityUseState): CombatRefusal | null {
  const a = s.ability;
  if (!a || !s.known) return 'UNKNOWN_ABILITY';
  if (s.dead) return 'DEAD';
  if (isStunned(s.effects)) return 'STUNNED';
  if (a.school === 'tech' && isSilenced(s.effects)) return 'SILENCED';
  if (s.casting) return 'CASTING';
  if (s.readyAt !== undefined && s.now < s.readyAt) return 'COOLDOWN';
  if (a.gcd && s.now < s.gcdUntil) return 'GCD';
  if (s.resource < a.cost) return 'NO_RESOURCE';
  return checkTarget(a, s.weaponRange, s.target);
}

/**
 * The target part of checkAbilityUse, on its own for a cast that completes: the
 * target must still be valid, in reach (+RANGE_TOLERANCE_M) and in sight.
 */
export function checkTarget(
  a: Pick<AbilityTemplate, 'target' | 'range'>,
  weaponRange: number,
  t: AbilityTargetState | null,
): CombatRefusal | null {
  if (a.target === 'self') return null;
  if (!t) return a.target === 'ally' ? null : 'INVALID_TARGET';
  if (t.dead) return 'INVALID_TARGET';
  if (a.target === 'enemy' && (t.self || !t.hostile)) return 'INVALID_TARGET';
  if (a.target === 'ally' && t.hostile) return 'INVALID_TARGET';
  if (t.self) return null;
  if (t.distance > abilityRange(a, weaponRange) + RANGE_TOLERANCE_M) return 'OUT_OF_RANGE';
  if (!t.lineOfSight) return 'NO_LINE_OF_SIGHT';
  return null;
}

/** In combat: dealt or took damage within OUT_OF_COMBAT_MS (no health regeneration yet). */
export const inCombat = (lastCombatAt: number, now: number) =>
  now - lastCombatAt < OUT_OF_COMBAT_MS;
