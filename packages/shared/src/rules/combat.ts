/**
 * Combat formulas: hit, crit, mitigation, damage rolls and kill XP. Pure and
 * isomorphic: the sim decides outcomes with them, the client shows previews.
 * Randomness comes only from the injected rng, so a seeded rng replays a fight.
 */
import type { DamageType } from '../content/item-schema';
import type { NpcRank } from '../content/npc-schema';
import { LEVEL_CAP } from '../content/progression';
import { MAX_CRIT_CHANCE } from './stats';

/** The game's seeded Rng fits: int in [min, max], float in [0, 1). */
export interface CombatRng {
  int(min: number, max: number): number;
  float(): number;
}

/** No amount of armour or resist removes more than this fraction of a hit. */
export const MAX_MITIGATION = 0.75;
/** armour / (armour + K) with K = ARMOR_K_BASE + ARMOR_K_PER_LEVEL × attacker level */
export const ARMOR_K_BASE = 50;
export const ARMOR_K_PER_LEVEL = 10;
/** Armour counts fully against physical damage and this much against the other types. */
export const ARMOR_NON_PHYSICAL_FACTOR = 0.5;
/** resist / (resist + RESIST_K) */
export const RESIST_K = 20;

export const BASE_HIT_CHANCE = 0.9;
export const MIN_HIT_CHANCE = 0.4;
export const MAX_HIT_CHANCE = 0.99;
/** per level the defender is above the attacker */
export const HIT_PENALTY_PER_LEVEL = 0.04;
/** per level the attacker is above the defender */
export const HIT_BONUS_PER_LEVEL = 0.01;
export const HIT_PER_REFLEXES = 0.004;

export const BASE_CRIT_MULTIPLIER = 1.5;
export const CRIT_MULTIPLIER_PER_COOL = 0.025;
export const MAX_CRIT_MULTIPLIER = 2;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
/** NaN and negative inputs count as 0. */
const nonNeg = (v: number) => (Number.isFinite(v) && v > 0 ? v : v === Infinity ? v : 0);
const clampLevel = (level: number) =>
  Number.isFinite(level) ? clamp(Math.floor(level), 1, LEVEL_CAP) : 1;

/**
 * Fraction of damage armour removes, with diminishing returns; higher-level
 * attackers punch through more of it. In [0, MAX_MITIGATION].
 */
export function armorMitigation(armor: number, attackerLevel: number): number {
  const a = nonNeg(armor);
  if (a === 0) return 0;
  if (a === Infinity) return MAX_MITIGATION;
  const k = ARMOR_K_BASE + ARMOR_K_PER_LEVEL * clampLevel(attackerLevel);
  return clamp(a / (a + k), 0, MAX_MITIGATION);
}

/** Fraction of damage a resist value (of the hit's damage type) removes. In [0, MAX_MITIGATION]. */
export function resistMitigation(resist: number): number {
  const r = nonNeg(resist);
  if (r === 0) return 0;
  if (r === Infinity) return MAX_MITIGATION;
  return clamp(r / (r + RESIST_K), 0, MAX_MITIGATION);
}

/** Armour and resist combined multiplicatively, capped at MAX_MITIGATION. */
export function totalMitigation(
  armor: number,
  resist: number,
  damageType: DamageType,
  attackerLevel: number,
): number {
  const fromArmor =
    armorMitigation(armor, attackerLevel) *
    (damageType === 'physical' ? 1 : ARMOR_NON_PHYSICAL_FACTOR);
  const m = 1 - (1 - fromArmor) * (1 - resistMitigation(resist));
  return clamp(m, 0, MAX_MITIGATION);
}

/** Chance to hit: worse against higher levels, slightly better against lower; Reflexes help. */
export function hitChance(attackerLevel: number, defenderLevel: number, reflexes = 0): number {
  const diff = clampLevel(defenderLevel) - clampLevel(attackerLevel);
  const levelTerm = diff > 0 ? -HIT_PENALTY_PER_LEVEL * diff : HIT_BONUS_PER_LEVEL * -diff;
  const p = BASE_HIT_CHANCE + levelTerm + HIT_PER_REFLEXES * nonNeg(Math.min(reflexes, 1e6));
  return clamp(p, MIN_HIT_CHANCE, MAX_HIT_CHANCE);
}

/** Damage multiplier of a critical hit; Cool sharpens it. In [BASE, MAX]_CRIT_MULTIPLIER. */
export function critMultiplier(cool = 0): number {
  return clamp(
    BASE_CRIT_MULTIPLIER + CRIT_MULTIPLIER_PER_COOL * nonNeg(Math.min(cool, 1e6)),
    BASE_CRIT_MULTIPLIER,
    MAX_CRIT_MULTIPLIER,
  );
}

export interface DamageRollInput {
  /** weapon (or NPC) damage range before crit and mitigation */
  min: number;
  max: number;
  damageType: DamageType;
  /** 0..1, clamped to MAX_CRIT_CHANCE */
  critChance: number;
  /** defender's armour */
  armor: number;
  /** defender's resist per damage type (flat values, see resistMitigation) */
  resist: Partial<Record<DamageType, number>>;
  attackerLevel: number;
  defenderLevel: number;
  /** attacker's Reflexes (hit chance) */
  reflexes?: number;
  /** attacker's Cool (crit multiplier) */
  cool?: number;
}

export interface DamageRoll {
  /** damage dealt after mitigation; 0 on a miss, at least 1 on a hit */
  amount: number;
  crit: boolean;
  hit: boolean;
  /** damage armour and resist absorbed */
  mitigated: number;
}

/**
 * One attack. Draws, in order: rng.float() for the hit; on a hit rng.int(min, max)
 * for the base damage, then rng.float() for the crit. Same seed → same result.
 */
export function rollDamage(input: DamageRollInput, rng: CombatRng): DamageRoll {
  const pHit = hitChance(input.attackerLevel, input.defenderLevel, input.reflexes);
  if (!(rng.float() < pHit)) return { amount: 0, crit: false, hit: false, mitigated: 0 };

  const lo = Math.max(0, Math.floor(Math.min(input.min, input.max)));
  const hi = Math.max(lo, Math.floor(Math.max(input.min, input.max)));
  const base = rng.int(lo, hi);
  const pCrit = clamp(nonNeg(input.critChance), 0, MAX_CRIT_CHANCE);
  const crit = rng.float() < pCrit;
  const raw = Math.round(base * (crit ? critMultiplier(input.cool) : 1));

  const m = totalMitigation(
    input.armor,
    input.resist[input.damageType] ?? 0,
    input.damageType,
    input.attackerLevel,
  );
  const amount = Math.max(1, Math.round(raw * (1 - m)));
  return { amount, crit, hit: true, mitigated: Math.max(0, raw - amount) };
}

export const RANK_XP_MULTIPLIER: Readonly<Record<NpcRank, number>> = {
  normal: 1,
  elite: 3,
  boss: 12,
};
/** per level the NPC is above the killer, up to MAX_XP_LEVEL_BONUS levels */
export const XP_BONUS_PER_LEVEL = 0.05;
export const MAX_XP_LEVEL_BONUS = 5;

/** XP of a same-level kill (what NpcTemplate.xp holds for shipped content). */
export function baseXpForKill(npcLevel: number, rank: NpcRank): number {
  return Math.round((45 + 5 * clampLevel(npcLevel)) * RANK_XP_MULTIPLIER[rank]);
}

/** Levels below the killer at which an NPC turns grey and gives no XP: 5 at 1–9 … 10 at 50. */
export const greyLevelGap = (killerLevel: number) => 5 + Math.floor(clampLevel(killerLevel) / 10);

/** Multiplier on base XP from the level difference: 0 for grey NPCs, up to 1.25 above. */
export function xpLevelFactor(npcLevel: number, killerLevel: number): number {
  const diff = clampLevel(npcLevel) - clampLevel(killerLevel);
  if (diff >= 0) return 1 + XP_BONUS_PER_LEVEL * Math.min(diff, MAX_XP_LEVEL_BONUS);
  const gap = greyLevelGap(killerLevel);
  return Math.max(0, 1 - -diff / gap);
}

/** XP one killer earns (party sharing divides it later). */
export function xpForKill(npcLevel: number, killerLevel: number, rank: NpcRank): number {
  return Math.round(baseXpForKill(npcLevel, rank) * xpLevelFactor(npcLevel, killerLevel));
}
