import { describe, expect, it } from 'vitest';
import {
  armorMitigation,
  baseXpForKill,
  BASE_CRIT_MULTIPLIER,
  BASE_HIT_CHANCE,
  critMultiplier,
  greyLevelGap,
  hitChance,
  MAX_CRIT_MULTIPLIER,
  MAX_HIT_CHANCE,
  MAX_MITIGATION,
  MIN_HIT_CHANCE,
  resistMitigation,
  rollDamage,
  totalMitigation,
  xpForKill,
  xpLevelFactor,
  type CombatRng,
  type DamageRollInput,
} from './combat';
import { MAX_CRIT_CHANCE } from './stats';

/** mulberry32: a tiny seeded PRNG for tests (the game injects its own seeded Rng). */
function rngFrom(seed: number): CombatRng {
  let a = seed >>> 0;
  const float = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { float, int: (min, max) => min + Math.floor(float() * (max - min + 1)) };
}

/** An rng that replays fixed floats (ints take the float too). */
function scripted(floats: number[]): CombatRng {
  let i = 0;
  const float = () => floats[i++ % floats.length]!;
  return { float, int: (min, max) => min + Math.floor(float() * (max - min + 1)) };
}

const input = (o: Partial<DamageRollInput> = {}): DamageRollInput => ({
  min: 10,
  max: 20,
  damageType: 'physical',
  critChance: 0.1,
  armor: 0,
  resist: {},
  attackerLevel: 10,
  defenderLevel: 10,
  ...o,
});

describe('armorMitigation', () => {
  it('is 0 without armour and for nonsense input', () => {
    expect(armorMitigation(0, 1)).toBe(0);
    expect(armorMitigation(-10, 1)).toBe(0);
    expect(armorMitigation(Number.NaN, 1)).toBe(0);
  });

  it('grows with diminishing returns and caps at 75 %', () => {
    const a = armorMitigation(50, 10);
    const b = armorMitigation(100, 10);
    const c = armorMitigation(150, 10);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a);
    expect(c - b).toBeLessThan(b - a);
    expect(armorMitigation(1e9, 1)).toBe(MAX_MITIGATION);
    expect(armorMitigation(Infinity, 1)).toBe(MAX_MITIGATION);
    for (let armor = 0; armor <= 5000; armor += 37)
      for (const lvl of [1, 25, 50]) {
        const m = armorMitigation(armor, lvl);
        expect(m).toBeGreaterThanOrEqual(0);
        expect(m).toBeLessThanOrEqual(MAX_MITIGATION);
      }
  });

  it('higher-level attackers punch through more; levels clamp to 1–50', () => {
    expect(armorMitigation(100, 40)).toBeLessThan(armorMitigation(100, 5));
    expect(armorMitigation(100, 0)).toBe(armorMitigation(100, 1));
    expect(armorMitigation(100, 99)).toBe(armorMitigation(100, 50));
    // 100 / (100 + 50 + 10 × 10)
    expect(armorMitigation(100, 10)).toBeCloseTo(0.4);
  });
});

describe('resistMitigation', () => {
  it('0 at 0, diminishing, capped at 75 %', () => {
    expect(resistMitigation(0)).toBe(0);
    expect(resistMitigation(-5)).toBe(0);
    expect(resistMitigation(20)).toBeCloseTo(0.5);
    expect(resistMitigation(10) - resistMitigation(5)).toBeLessThan(
      resistMitigation(5) - resistMitigation(0),
    );
    expect(resistMitigation(1e6)).toBe(MAX_MITIGATION);
    expect(resistMitigation(Infinity)).toBe(MAX_MITIGATION);
  });

  it('combines with armour multiplicatively, armour counting half against non-physical', () => {
    expect(totalMitigation(0, 0, 'physical', 10)).toBe(0);
    expect(totalMitigation(100, 0, 'physical', 10)).toBeCloseTo(0.4);
    expect(totalMitigation(100, 0, 'thermal', 10)).toBeCloseTo(0.2);
    expect(totalMitigation(100, 20, 'physical', 10)).toBeCloseTo(1 - 0.6 * 0.5);
    expect(totalMitigation(1e9, 1e9, 'chemical', 1)).toBe(MAX_MITIGATION);
  });
});

describe('hitChance', () => {
  it('is the base chance at equal level without reflexes', () => {
    expect(hitChance(10, 10)).toBeCloseTo(BASE_HIT_CHANCE);
  });

  it('drops against higher levels, rises against lower, reflexes help', () => {
    expect(hitChance(10, 15)).toBeLessThan(hitChance(10, 10));
    expect(hitChance(15, 10)).toBeGreaterThan(hitChance(10, 10));
    expect(hitChance(10, 10, 10)).toBeGreaterThan(hitChance(10, 10, 0));
  });

  it('clamps to [MIN, MAX]', () => {
    expect(hitChance(1, 50)).toBe(MIN_HIT_CHANCE);
    expect(hitChance(50, 1, 20)).toBe(MAX_HIT_CHANCE);
    expect(hitChance(10, 10, 1e9)).toBe(MAX_HIT_CHANCE);
    expect(hitChance(10, 10, -50)).toBeCloseTo(BASE_HIT_CHANCE);
    for (let a = 1; a <= 50; a += 7)
      for (let d = 1; d <= 50; d += 7) {
        const p = hitChance(a, d, 10);
        expect(p).toBeGreaterThanOrEqual(MIN_HIT_CHANCE);
        expect(p).toBeLessThanOrEqual(MAX_HIT_CHANCE);
      }
  });
});

describe('critMultiplier', () => {
  it('base 1.5, grows with Cool, capped at 2', () => {
    expect(critMultiplier()).toBe(BASE_CRIT_MULTIPLIER);
    expect(critMultiplier(-3)).toBe(BASE_CRIT_MULTIPLIER);
    expect(critMultiplier(10)).toBeCloseTo(1.75);
    expect(critMultiplier(20)).toBe(MAX_CRIT_MULTIPLIER);
    expect(critMultiplier(1000)).toBe(MAX_CRIT_MULTIPLIER);
  });
});

describe('rollDamage', () => {
  it('a miss deals nothing and draws only the hit roll', () => {
    const rng = scripted([0.999]);
    expect(rollDamage(input(), rng)).toEqual({ amount: 0, crit: false, hit: false, mitigated: 0 });
  });

  it('a plain hit without mitigation deals the rolled base', () => {
    // hit (0), base = 10 + ⌊0.5 × 11⌋ = 15, no crit (0.99)
    expect(rollDamage(input(), scripted([0, 0.5, 0.99]))).toEqual({
      amount: 15,
      crit: false,
      hit: true,
      mitigated: 0,
    });
  });

  it('a crit multiplies before mitigation; mitigated is what armour and resist took', () => {
    // base 20 (max), crit ×1.5 = 30, armour 100 at level 10 → 40 % off → 18
    const r = rollDamage(input({ armor: 100, critChance: 0.5 }), scripted([0, 0.9999, 0]));
    expect(r).toEqual({ amount: 18, crit: true, hit: true, mitigated: 12 });
    // the resist of the hit's damage type applies, others do not
    const t = rollDamage(
      input({ damageType: 'thermal', resist: { thermal: 20, physical: 1000 } }),
      scripted([0, 0.5, 0.99]),
    );
    expect(t).toMatchObject({ amount: 8, mitigated: 7 });
  });

  it('a hit deals at least 1, even fully mitigated or with zero damage', () => {
    const r = rollDamage(
      input({ min: 0, max: 0, armor: 1e9, resist: { physical: 1e9 } }),
      scripted([0, 0, 0.99]),
    );
    expect(r).toMatchObject({ hit: true, amount: 1 });
    const big = rollDamage(input({ min: 100, max: 100, armor: 1e9 }), scripted([0, 0, 0.99]));
    expect(big.amount).toBe(25); // mitigation caps at 75 %
  });

  it('tolerates min > max and crit chance beyond the cap', () => {
    for (let s = 0; s < 200; s++) {
      const r = rollDamage(input({ min: 20, max: 10, critChance: 5 }), rngFrom(s));
      if (r.hit) expect(r.amount).toBeGreaterThanOrEqual(10);
      if (r.hit && !r.crit) expect(r.amount).toBeLessThanOrEqual(20);
    }
  });

  it('replays identically from the same seed', () => {
    const run = (seed: number) => {
      const rng = rngFrom(seed);
      return Array.from({ length: 200 }, (_, i) =>
        rollDamage(input({ armor: i, resist: { physical: i % 7 }, critChance: 0.3 }), rng),
      );
    };
    expect(run(42)).toEqual(run(42));
    expect(run(42)).not.toEqual(run(43));
  });

  it('hit and crit rates match their chances over 10 000 rolls', () => {
    const N = 10_000;
    const rng = rngFrom(7);
    const spec = input({ attackerLevel: 10, defenderLevel: 13, reflexes: 5, critChance: 0.25 });
    const pHit = hitChance(10, 13, 5);
    let hits = 0;
    let crits = 0;
    for (let i = 0; i < N; i++) {
      const r = rollDamage(spec, rng);
      if (r.hit) hits++;
      if (r.crit) crits++;
      if (!r.hit) expect(r.crit).toBe(false);
    }
    // ±4 standard deviations: fails by chance about once in 15 000 seeds
    const sd = (p: number, n: number) => Math.sqrt((p * (1 - p)) / n);
    expect(Math.abs(hits / N - pHit)).toBeLessThan(4 * sd(pHit, N));
    expect(Math.abs(crits / hits - 0.25)).toBeLessThan(4 * sd(0.25, hits));
  });

  it('crit chance above the cap crits at MAX_CRIT_CHANCE over 10 000 rolls', () => {
    const N = 10_000;
    const rng = rngFrom(99);
    let hits = 0;
    let crits = 0;
    for (let i = 0; i < N; i++) {
      const r = rollDamage(input({ critChance: 1 }), rng);
      if (r.hit) hits++;
      if (r.crit) crits++;
    }
    const sd = Math.sqrt((MAX_CRIT_CHANCE * (1 - MAX_CRIT_CHANCE)) / hits);
    expect(Math.abs(crits / hits - MAX_CRIT_CHANCE)).toBeLessThan(4 * sd);
  });
});

describe('xpForKill', () => {
  it('same level gives the base; ranks multiply it', () => {
    expect(xpForKill(10, 10, 'normal')).toBe(95);
    expect(xpForKill(10, 10, 'normal')).toBe(baseXpForKill(10, 'normal'));
    expect(xpForKill(10, 10, 'elite')).toBe(3 * 95);
    expect(xpForKill(10, 10, 'boss')).toBe(12 * 95);
  });

  it('higher NPCs give a bonus capped at +25 %', () => {
    expect(xpLevelFactor(12, 10)).toBeCloseTo(1.1);
    expect(xpLevelFactor(30, 10)).toBeCloseTo(1.25);
    expect(xpLevelFactor(16, 10)).toBe(xpLevelFactor(40, 10));
  });

  it('falls off below the killer and is 0 once grey', () => {
    expect(greyLevelGap(1)).toBe(5);
    expect(greyLevelGap(9)).toBe(5);
    expect(greyLevelGap(25)).toBe(7);
    expect(greyLevelGap(50)).toBe(10);
    expect(xpForKill(8, 10, 'normal')).toBeLessThan(xpForKill(10, 10, 'normal'));
    expect(xpForKill(5, 10, 'normal')).toBeGreaterThan(0);
    expect(xpForKill(4, 10, 'normal')).toBe(0); // 10 − 4 ≥ gap 6
    expect(xpForKill(40, 50, 'boss')).toBe(0);
    expect(xpForKill(41, 50, 'boss')).toBeGreaterThan(0);
    expect(xpForKill(1, 50, 'boss')).toBe(0);
  });

  it('never negative and monotone in NPC level for a fixed killer', () => {
    for (const killer of [1, 10, 25, 50]) {
      let prev = -1;
      for (let npc = 1; npc <= 50; npc++) {
        const xp = xpForKill(npc, killer, 'normal');
        expect(xp).toBeGreaterThanOrEqual(0);
        expect(xp).toBeGreaterThanOrEqual(prev);
        prev = xp;
      }
    }
  });
});
