import { describe, expect, it } from 'vitest';
import type { CombatRng } from './combat';
import { attributeModifier, rollSkillCheck, SKILL_CHECK_DC, skillCheckChance } from './skill-check';

/** An rng whose d20 always lands on `roll`; it records what it was asked for. */
function fixedRng(roll: number): CombatRng & { calls: [number, number][] } {
  const calls: [number, number][] = [];
  return {
    calls,
    int: (min, max) => {
      calls.push([min, max]);
      return roll;
    },
    float: () => 0,
  };
}

/** Tiny deterministic LCG (Numerical Recipes constants) for the statistical test. */
function lcgRng(seed: number): CombatRng {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return { float: next, int: (min, max) => min + Math.floor(next() * (max - min + 1)) };
}

describe('attributeModifier', () => {
  it('is floor((value − 5) / 2)', () => {
    expect(attributeModifier(1)).toBe(-2);
    expect(attributeModifier(2)).toBe(-2);
    expect(attributeModifier(3)).toBe(-1);
    expect(attributeModifier(4)).toBe(-1);
    expect(attributeModifier(5)).toBe(0);
    expect(attributeModifier(6)).toBe(0);
    expect(attributeModifier(7)).toBe(1);
    expect(attributeModifier(10)).toBe(2);
    expect(attributeModifier(20)).toBe(7);
  });
});

describe('rollSkillCheck', () => {
  it('rolls a d20 through the rng', () => {
    const rng = fixedRng(10);
    rollSkillCheck({ modifier: 0, difficulty: 10 }, rng);
    expect(rng.calls).toEqual([[1, 20]]);
  });

  it('succeeds when the total meets the difficulty exactly', () => {
    expect(rollSkillCheck({ modifier: 2, difficulty: 12 }, fixedRng(10))).toEqual({
      roll: 10,
      modifier: 2,
      total: 12,
      difficulty: 12,
      success: true,
      critical: null,
    });
  });

  it('fails one below the difficulty', () => {
    const r = rollSkillCheck({ modifier: 2, difficulty: 12 }, fixedRng(9));
    expect(r).toMatchObject({ total: 11, success: false, critical: null });
  });

  it('a natural 20 always succeeds, even against an impossible DC', () => {
    const r = rollSkillCheck({ modifier: -2, difficulty: 40 }, fixedRng(20));
    expect(r).toMatchObject({ roll: 20, total: 18, success: true, critical: 'success' });
  });

  it('a natural 1 always fails, even against a trivial DC', () => {
    const r = rollSkillCheck({ modifier: 7, difficulty: 1 }, fixedRng(1));
    expect(r).toMatchObject({ roll: 1, total: 8, success: false, critical: 'failure' });
  });

  it('2 and 19 are ordinary rolls', () => {
    expect(rollSkillCheck({ modifier: 0, difficulty: 2 }, fixedRng(2))).toMatchObject({
      success: true,
      critical: null,
    });
    expect(rollSkillCheck({ modifier: 0, difficulty: 20 }, fixedRng(19))).toMatchObject({
      success: false,
      critical: null,
    });
  });

  it('rejects an rng that returns something other than 1–20', () => {
    for (const bad of [0, 21, 3.5, Number.NaN])
      expect(() => rollSkillCheck({ modifier: 0, difficulty: 10 }, fixedRng(bad))).toThrow(
        RangeError,
      );
  });
});

describe('skillCheckChance', () => {
  it('matches counting the succeeding faces', () => {
    expect(skillCheckChance({ modifier: 0, difficulty: 11 })).toBeCloseTo(0.5);
    expect(skillCheckChance({ modifier: 3, difficulty: SKILL_CHECK_DC.moderate })).toBeCloseTo(0.6);
    for (let modifier = -3; modifier <= 8; modifier++)
      for (let difficulty = -5; difficulty <= 30; difficulty++) {
        let wins = 0;
        for (let roll = 1; roll <= 20; roll++)
          if (rollSkillCheck({ modifier, difficulty }, fixedRng(roll)).success) wins++;
        expect(skillCheckChance({ modifier, difficulty })).toBeCloseTo(wins / 20);
      }
  });

  it('is capped to 5 %–95 %', () => {
    expect(skillCheckChance({ modifier: 100, difficulty: 1 })).toBeCloseTo(0.95);
    expect(skillCheckChance({ modifier: -100, difficulty: 30 })).toBeCloseTo(0.05);
  });
});

describe('rollSkillCheck statistics (seeded)', () => {
  it('rolls every face roughly equally and succeeds at the computed rate', () => {
    const rng = lcgRng(12345);
    const n = 20_000;
    const faces = new Array<number>(21).fill(0);
    let wins = 0;
    let crits = 0;
    let fumbles = 0;
    const input = { modifier: attributeModifier(9), difficulty: SKILL_CHECK_DC.moderate };
    for (let i = 0; i < n; i++) {
      const r = rollSkillCheck(input, rng);
      faces[r.roll]!++;
      if (r.success) wins++;
      if (r.critical === 'success') crits++;
      if (r.critical === 'failure') fumbles++;
    }
    for (let face = 1; face <= 20; face++) {
      expect(faces[face]!).toBeGreaterThan(n / 20 - 200);
      expect(faces[face]!).toBeLessThan(n / 20 + 200);
    }
    // expected 0.55; 4 standard deviations ≈ 0.014
    expect(wins / n).toBeGreaterThan(skillCheckChance(input) - 0.015);
    expect(wins / n).toBeLessThan(skillCheckChance(input) + 0.015);
    expect(crits).toBe(faces[20]);
    expect(fumbles).toBe(faces[1]);
  });
});
