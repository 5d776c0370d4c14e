import { describe, expect, it } from 'vitest';
import {
  AbilityTemplateSchema,
  EffectTemplateSchema,
  type AbilityTemplateInput,
} from '../content/ability-schema';
import {
  abilityDamage,
  abilityRange,
  checkAbilityUse,
  checkTarget,
  healAmount,
  inCombat,
  type AbilityUseState,
} from './abilities';
import { OUT_OF_COMBAT_MS, RANGE_TOLERANCE_M } from './combat-constants';
import type { CombatStats } from './combat-stats';
import { applyEffect } from './effects';
import { damageMultiplier } from './stats';

const ability = (o: Partial<AbilityTemplateInput> = {}) =>
  AbilityTemplateSchema.parse({
    id: 'strike',
    name: 'Strike',
    description: 'Hits something.',
    owner: 'solo',
    role: 'basic',
    school: 'physical',
    target: 'enemy',
    range: 0,
    castMs: 0,
    cooldownMs: 0,
    cost: 10,
    icon: 'S',
    damage: { source: 'weapon' },
    ...o,
  });

const stats: CombatStats = {
  damageMin: 10,
  damageMax: 20,
  damageType: 'physical',
  attackSpeed: 1,
  range: 2,
  critChance: 0.05,
  armor: 0,
  resist: {},
  attributes: { body: 5, reflexes: 4, technical: 10, intelligence: 8, cool: 3 },
};

describe('abilityRange', () => {
  it('uses the weapon reach for range 0', () => {
    expect(abilityRange({ range: 0 }, 2)).toBe(2);
    expect(abilityRange({ range: 15 }, 2)).toBe(15);
  });
});

describe('abilityDamage', () => {
  it('weapon source: the weapon range × multiplier, weapon damage type unless overridden', () => {
    expect(
      abilityDamage(ability({ damage: { source: 'weapon', multiplier: 1.5 } }), stats),
    ).toEqual({ min: 15, max: 30, damageType: 'physical' });
    expect(
      abilityDamage(ability({ damage: { source: 'weapon', damageType: 'thermal' } }), stats)
        ?.damageType,
    ).toBe('thermal');
  });

  it('fixed source: min..max × the governing attribute multiplier × multiplier', () => {
    // electrical follows Intelligence (8)
    const a = ability({
      range: 20,
      damage: { source: 'fixed', min: 10, max: 20, damageType: 'electrical', multiplier: 2 },
    });
    const m = damageMultiplier(8) * 2;
    expect(abilityDamage(a, stats)).toEqual({
      min: Math.round(10 * m),
      max: Math.round(20 * m),
      damageType: 'electrical',
    });
    // physical at range follows Reflexes (4), in melee Body (5)
    const ranged = ability({ range: 20, damage: { source: 'fixed', min: 100, max: 100 } });
    expect(abilityDamage(ranged, stats)?.min).toBe(Math.round(100 * damageMultiplier(4)));
    const melee = ability({ range: 2, damage: { source: 'fixed', min: 100, max: 100 } });
    expect(abilityDamage(melee, stats)?.min).toBe(Math.round(100 * damageMultiplier(5)));
  });

  it('is null for abilities without damage', () => {
    expect(abilityDamage(ability({ damage: undefined, heal: { amount: 10 } }), stats)).toBeNull();
  });
});

describe('healAmount', () => {
  it('flat part scaled by Technical plus a share of the target max health', () => {
    const a = ability({ target: 'ally', damage: undefined, heal: { amount: 20, pctOfMax: 0.1 } });
    expect(healAmount(a, stats, 200)).toBe(Math.round(20 * damageMultiplier(10) + 20));
    expect(healAmount(ability(), stats, 200)).toBe(0);
  });
});

const base = (o: Partial<AbilityUseState> = {}): AbilityUseState => ({
  ability: ability(),
  known: true,
  now: 10_000,
  dead: false,
  effects: [],
  casting: false,
  gcdUntil: 0,
  resource: 100,
  weaponRange: 2,
  target: { self: false, hostile: true, dead: false, distance: 1, lineOfSight: true },
  ...o,
});

const effect = (kind: 'stun' | 'silence') =>
  applyEffect(
    [],
    EffectTemplateSchema.parse({
      id: kind,
      name: kind,
      kind,
      beneficial: false,
      durationMs: 5000,
      stacking: 'ignore',
    }),
    9,
    9_000,
  ).effects;

describe('checkAbilityUse', () => {
  it('allows a valid use', () => {
    expect(checkAbilityUse(base())).toBeNull();
  });

  it('refuses unknown and unlearned abilities', () => {
    expect(checkAbilityUse(base({ ability: undefined }))).toBe('UNKNOWN_ABILITY');
    expect(checkAbilityUse(base({ known: false }))).toBe('UNKNOWN_ABILITY');
  });

  it('refuses the dead', () => {
    expect(checkAbilityUse(base({ dead: true }))).toBe('DEAD');
  });

  it('a stun blocks everything; a silence blocks only tech abilities', () => {
    expect(checkAbilityUse(base({ effects: effect('stun') }))).toBe('STUNNED');
    expect(checkAbilityUse(base({ effects: effect('silence') }))).toBeNull();
    expect(
      checkAbilityUse(base({ ability: ability({ school: 'tech' }), effects: effect('silence') })),
    ).toBe('SILENCED');
    expect(
      checkAbilityUse(base({ ability: ability({ school: 'bio' }), effects: effect('silence') })),
    ).toBeNull();
  });

  it('refuses while casting', () => {
    expect(checkAbilityUse(base({ casting: true }))).toBe('CASTING');
  });

  it('cooldown until readyAt', () => {
    expect(checkAbilityUse(base({ readyAt: 10_001 }))).toBe('COOLDOWN');
    expect(checkAbilityUse(base({ readyAt: 10_000 }))).toBeNull();
  });

  it('GCD only for abilities on the global cooldown', () => {
    expect(checkAbilityUse(base({ gcdUntil: 10_500 }))).toBe('GCD');
    expect(
      checkAbilityUse(base({ gcdUntil: 10_500, ability: ability({ gcd: false }) })),
    ).toBeNull();
  });

  it('needs the resource cost', () => {
    expect(checkAbilityUse(base({ resource: 9 }))).toBe('NO_RESOURCE');
    expect(checkAbilityUse(base({ resource: 10 }))).toBeNull();
  });

  it('enemy abilities need a live hostile target that is not the user', () => {
    expect(checkAbilityUse(base({ target: null }))).toBe('INVALID_TARGET');
    const t = base().target!;
    expect(checkAbilityUse(base({ target: { ...t, dead: true } }))).toBe('INVALID_TARGET');
    expect(checkAbilityUse(base({ target: { ...t, hostile: false } }))).toBe('INVALID_TARGET');
    expect(checkAbilityUse(base({ target: { ...t, self: true, distance: 0 } }))).toBe(
      'INVALID_TARGET',
    );
  });

  it('ally abilities: no target means self; never a hostile', () => {
    const heal = ability({ target: 'ally', range: 20, damage: undefined, heal: { amount: 5 } });
    expect(checkAbilityUse(base({ ability: heal, target: null }))).toBeNull();
    const t = base().target!;
    expect(checkAbilityUse(base({ ability: heal, target: t }))).toBe('INVALID_TARGET');
    expect(
      checkAbilityUse(base({ ability: heal, target: { ...t, hostile: false, distance: 15 } })),
    ).toBeNull();
  });

  it('self abilities ignore the target', () => {
    const self = ability({ target: 'self', damage: undefined, heal: { amount: 5 } });
    expect(checkAbilityUse(base({ ability: self, target: null }))).toBeNull();
  });

  it('range with tolerance: weapon reach for range 0, the ability range otherwise', () => {
    const t = base().target!;
    const at = (distance: number, a = ability()) =>
      checkAbilityUse(base({ ability: a, target: { ...t, distance } }));
    expect(at(2 + RANGE_TOLERANCE_M)).toBeNull();
    expect(at(2 + RANGE_TOLERANCE_M + 0.01)).toBe('OUT_OF_RANGE');
    expect(at(20, ability({ range: 20 }))).toBeNull();
    expect(at(21, ability({ range: 20 }))).toBe('OUT_OF_RANGE');
  });

  it('needs line of sight', () => {
    const t = base().target!;
    expect(checkAbilityUse(base({ target: { ...t, lineOfSight: false } }))).toBe(
      'NO_LINE_OF_SIGHT',
    );
  });

  it('checks in order: the first reason wins', () => {
    expect(
      checkAbilityUse(
        base({ dead: true, casting: true, resource: 0, effects: effect('stun'), target: null }),
      ),
    ).toBe('DEAD');
    expect(checkAbilityUse(base({ readyAt: 20_000, gcdUntil: 20_000, resource: 0 }))).toBe(
      'COOLDOWN',
    );
    expect(checkAbilityUse(base({ resource: 0, target: null }))).toBe('NO_RESOURCE');
  });
});

describe('checkTarget', () => {
  it('is what a completing cast re-checks', () => {
    const t = { self: false, hostile: true, dead: false, distance: 30, lineOfSight: true };
    expect(checkTarget(ability({ range: 20 }), 2, t)).toBe('OUT_OF_RANGE');
    expect(checkTarget(ability({ range: 40 }), 2, t)).toBeNull();
  });
});

describe('inCombat', () => {
  it('lasts OUT_OF_COMBAT_MS after the last damage', () => {
    expect(inCombat(1000, 1000 + OUT_OF_COMBAT_MS - 1)).toBe(true);
    expect(inCombat(1000, 1000 + OUT_OF_COMBAT_MS)).toBe(false);
    expect(inCombat(-Infinity, 0)).toBe(false);
  });
});
