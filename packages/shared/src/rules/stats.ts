/**
 * Character stats: attributes + level + equipped items → the numbers combat and
 * movement use. Pure and isomorphic: the sim, the API (character sheet) and the
 * web client (tooltips, previews) all derive the same values.
 */
import { CLASSES, type ClassId } from '../content/classes';
import { ORIGINS, type OriginId } from '../content/origins';
import { ATTRIBUTE_KEYS, type Attributes } from '../content/attributes';
import { DAMAGE_TYPES, type DamageType, type ItemTemplate } from '../content/item-schema';

/** Class base attributes plus the origin bonus. */
export function startingAttributes(origin: OriginId, cls: ClassId): Attributes {
  const c = CLASSES.find((x) => x.id === cls);
  const o = ORIGINS.find((x) => x.id === origin);
  if (!c || !o) throw new Error(`unknown origin/class ${origin}/${cls}`);
  const bonus: Partial<Attributes> = o.bonus;
  const out = { ...c.base };
  for (const k of ATTRIBUTE_KEYS) out[k] += bonus[k] ?? 0;
  return out;
}

/** Health grows with Body and level (items add on top, see deriveStats). */
export function maxHealthFor(attrs: Pick<Attributes, 'body'>, level: number): number {
  return 50 + attrs.body * 10 + (level - 1) * 8;
}

/** Bare fists: what a character hits with when no weapon is equipped. */
export const UNARMED = {
  damageMin: 2,
  damageMax: 4,
  damageType: 'physical',
  attackSpeed: 1.5,
  range: 1.5,
} as const satisfies {
  damageMin: number;
  damageMax: number;
  damageType: DamageType;
  attackSpeed: number;
  range: number;
};

/** Weapons with at most this reach (metres) are melee: Body drives their damage. */
export const MELEE_RANGE = 2.5;
export const BASE_CRIT_CHANCE = 0.05;
export const MAX_CRIT_CHANCE = 0.75;
/** kg a character with Body 0 could carry; each point of Body adds CARRY_PER_BODY. */
export const BASE_CARRY_WEIGHT = 40;
export const CARRY_PER_BODY = 5;
/** Below this fraction of normal speed an overloaded character never drops. */
export const MIN_ENCUMBRANCE_FACTOR = 0.3;

export type Resistances = Record<DamageType, number>;

export interface DerivedStats {
  maxHealth: number;
  damageMin: number;
  damageMax: number;
  damageType: DamageType;
  /** attacks per second */
  attackSpeed: number;
  /** metres: reach of the current weapon (or fists) */
  range: number;
  /** 0..MAX_CRIT_CHANCE */
  critChance: number;
  armor: number;
  /** kg carried without slowing down */
  carryWeight: number;
  /** resistance rating per damage type; rules/combat.ts resistMitigation turns it into a damage reduction (diminishing) */
  resist: Resistances;
  /** multiplier from items (1 = normal); the sim multiplies it with encumbrance */
  moveSpeed: number;
  /** attributes including item bonuses */
  attributes: Attributes;
}

export interface DeriveStatsInput {
  attributes: Attributes;
  level: number;
  /** templates of equipped, non-broken items (the caller filters out durability 0) */
  equipped: readonly ItemTemplate[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Which attribute scales a weapon: tech damage follows the brain, guns the hands, blades the arm. */
export function damageAttribute(
  weapon: Pick<DerivedStats, 'damageType' | 'range'>,
): keyof Attributes {
  if (weapon.damageType === 'electrical') return 'intelligence';
  if (weapon.damageType === 'thermal' || weapon.damageType === 'chemical') return 'technical';
  return weapon.range <= MELEE_RANGE ? 'body' : 'reflexes';
}

/** +3 % damage per point of the governing attribute. */
export const damageMultiplier = (attributeValue: number) => 1 + 0.03 * attributeValue;

/** The weapon in hand: a main-hand or two-handed weapon, else null (fists). */
export function equippedWeapon(equipped: readonly ItemTemplate[]): ItemTemplate | null {
  return (
    equipped.find(
      (t) => t.kind === 'weapon' && (t.slot === 'main_hand' || t.slot === 'two_hand'),
    ) ?? null
  );
}

export function deriveStats({ attributes, level, equipped }: DeriveStatsInput): DerivedStats {
  const attrs: Attributes = { ...attributes };
  let bonusHealth = 0;
  let armor = 0;
  let crit = 0;
  let carry = 0;
  let moveSpeed = 1;
  const resist: Resistances = { physical: 0, thermal: 0, electrical: 0, chemical: 0 };
  for (const t of equipped) {
    const s = t.stats;
    if (!s) continue;
    for (const k of ATTRIBUTE_KEYS) attrs[k] += s.attributes?.[k] ?? 0;
    bonusHealth += s.maxHealth ?? 0;
    armor += s.armor ?? 0;
    crit += s.critChance ?? 0;
    carry += s.carryWeight ?? 0;
    moveSpeed += s.moveSpeed ?? 0;
    for (const d of DAMAGE_TYPES) resist[d] += s.resist?.[d] ?? 0;
  }
  // negative item bonuses never push an attribute below 1
  for (const k of ATTRIBUTE_KEYS) attrs[k] = Math.max(1, attrs[k]);

  const w = equippedWeapon(equipped)?.stats;
  const base = {
    damageMin: w?.damageMin ?? UNARMED.damageMin,
    damageMax: w?.damageMax ?? UNARMED.damageMax,
    damageType: w?.damageType ?? UNARMED.damageType,
    attackSpeed: w?.attackSpeed ?? UNARMED.attackSpeed,
    range: w?.range ?? UNARMED.range,
  };
  const mult = damageMultiplier(attrs[damageAttribute(base)]);

  // natural toughness: Body hardens against blows and toxins, Intelligence against ICE
  resist.chemical += Math.floor(attrs.body / 4);
  resist.electrical += Math.floor(attrs.intelligence / 4);

  return {
    maxHealth: Math.max(1, maxHealthFor(attrs, level) + bonusHealth),
    damageMin: Math.round(base.damageMin * mult),
    damageMax: Math.round(base.damageMax * mult),
    damageType: base.damageType,
    // Reflexes: +1 % attack speed per point
    attackSpeed: round2(base.attackSpeed * (1 + 0.01 * attrs.reflexes)),
    range: base.range,
    // Cool keeps the aim steady: +1 % crit per point
    critChance: round2(Math.min(MAX_CRIT_CHANCE, BASE_CRIT_CHANCE + 0.01 * attrs.cool + crit)),
    armor: Math.floor(attrs.body / 2) + armor,
    carryWeight: Math.max(0, BASE_CARRY_WEIGHT + CARRY_PER_BODY * attrs.body + carry),
    resist,
    moveSpeed: round2(Math.max(0.5, moveSpeed)),
    attributes: attrs,
  };
}

/**
 * Move-speed factor for what is carried: 1 up to the carry limit, then falling
 * linearly (50 % over the limit → 0.5), never below MIN_ENCUMBRANCE_FACTOR.
 */
export function encumbrance(weight: number, carryWeight: number): number {
  if (weight <= carryWeight) return 1;
  if (carryWeight <= 0) return MIN_ENCUMBRANCE_FACTOR;
  const over = (weight - carryWeight) / carryWeight;
  return Math.max(MIN_ENCUMBRANCE_FACTOR, 1 - over);
}
