import { describe, expect, it } from 'vitest';
import { itemTemplateById } from '../content/items';
import { MAX_CRAFT_SKILL, RecipeSchema, type Recipe } from '../content/recipe-schema';
import { RECIPES, recipeById } from '../content/recipes';
import { salvageTableById } from '../content/salvage';
import {
  CRAFT_SUCCESS_FLOOR,
  QUALITY_TIERS,
  craftRolls,
  craftSuccessChance,
  failureLoss,
  hashSeed,
  qualityForRoll,
  qualityOdds,
  qualityOddsBp,
  recipeColor,
  resolveCraft,
  resolveSalvage,
  seededStream,
  skillGainChance,
} from './crafting-rules';

const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
const recipe = (id: string) => recipeById(id)!;

describe('success, skill-up and quality odds', () => {
  it('success: 85 % at the difficulty, 100 % from +10, never below 25 %', () => {
    expect(craftSuccessChance(30, 30)).toBe(0.85);
    expect(craftSuccessChance(40, 30)).toBe(1);
    expect(craftSuccessChance(100, 1)).toBe(1);
    expect(craftSuccessChance(20, 30)).toBe(0.7);
    expect(craftSuccessChance(0, 100)).toBe(CRAFT_SUCCESS_FLOOR);
    for (let s = 1; s <= MAX_CRAFT_SKILL; s++)
      expect(craftSuccessChance(s, 50)).toBeGreaterThanOrEqual(craftSuccessChance(s - 1, 50));
  });

  it('skill-up by colour: orange 100 %, yellow 75 %, green 25 %, grey 0; none at the cap', () => {
    expect([0, 30].map((s) => recipeColor(s, 30))).toEqual(['orange', 'orange']);
    expect([31, 39, 40, 54, 55, 90].map((s) => recipeColor(s, 30))).toEqual([
      'yellow',
      'yellow',
      'green',
      'green',
      'grey',
      'grey',
    ]);
    expect([30, 31, 40, 55].map((s) => skillGainChance(s, 30))).toEqual([1, 0.75, 0.25, 0]);
    expect(skillGainChance(MAX_CRAFT_SKILL, MAX_CRAFT_SKILL)).toBe(0);
    for (let s = 1; s < MAX_CRAFT_SKILL; s++)
      expect(skillGainChance(s, 40)).toBeLessThanOrEqual(skillGainChance(s - 1, 40));
  });

  it('quality odds sum to 1, are 80/15/4/1 at the difficulty and improve with skill above it', () => {
    expect(qualityOdds(50, 50)).toEqual({
      standard: 0.8,
      fine: 0.15,
      superior: 0.04,
      masterwork: 0.01,
    });
    expect(qualityOddsBp(90, 50)).toEqual({
      standard: 5200,
      fine: 3500,
      superior: 1000,
      masterwork: 300,
    });
    expect(qualityOddsBp(0, 40)).toEqual({
      standard: 9400,
      fine: 500,
      superior: 100,
      masterwork: 0,
    });
    // capped: +60 is no better than +40, −60 no worse than −20
    expect(qualityOdds(100, 40)).toEqual(qualityOdds(80, 40));
    for (let skill = 0; skill <= MAX_CRAFT_SKILL; skill++) {
      const bp = qualityOddsBp(skill, 50);
      expect(sum(bp)).toBe(10_000);
      expect(sum(qualityOdds(skill, 50))).toBeCloseTo(1, 12);
      for (const t of QUALITY_TIERS) expect(bp[t]).toBeGreaterThanOrEqual(0);
      if (skill === 0) continue;
      const before = qualityOddsBp(skill - 1, 50);
      expect(bp.standard).toBeLessThanOrEqual(before.standard);
      for (const t of ['fine', 'superior', 'masterwork'] as const)
        expect(bp[t]).toBeGreaterThanOrEqual(before[t]);
    }
  });

  it('maps a roll to a tier: low rolls standard, the top masterwork', () => {
    expect(qualityForRoll(0, 50, 50)).toBe('standard');
    expect(qualityForRoll(0.7999, 50, 50)).toBe('standard');
    expect(qualityForRoll(0.8, 50, 50)).toBe('fine');
    expect(qualityForRoll(0.95, 50, 50)).toBe('superior');
    expect(qualityForRoll(0.99, 50, 50)).toBe('masterwork');
    expect(qualityForRoll(0.999999, 50, 50)).toBe('masterwork');
  });

  it('refuses skills and difficulties out of range', () => {
    expect(() => craftSuccessChance(-1, 10)).toThrow(RangeError);
    expect(() => craftSuccessChance(101, 10)).toThrow(RangeError);
    expect(() => qualityOdds(1.5, 10)).toThrow(RangeError);
    expect(() => skillGainChance(10, 0)).toThrow(RangeError);
  });
});

describe('failureLoss', () => {
  it('takes half of each input, rounded down, in recipe order', () => {
    expect(
      failureLoss([
        { templateId: 'a', quantity: 5 },
        { templateId: 'b', quantity: 1 },
        { templateId: 'c', quantity: 4 },
      ]),
    ).toEqual([
      { templateId: 'a', quantity: 2 },
      { templateId: 'c', quantity: 2 },
    ]);
  });

  it('takes at least one unit of the first input', () => {
    expect(
      failureLoss([
        { templateId: 'a', quantity: 1 },
        { templateId: 'b', quantity: 1 },
      ]),
    ).toEqual([{ templateId: 'a', quantity: 1 }]);
  });

  it('never takes more than a success would, and always something, for every recipe', () => {
    for (const r of RECIPES) {
      const lost = failureLoss(r.inputs);
      expect(lost.length, r.id).toBeGreaterThan(0);
      for (const l of lost) {
        const input = r.inputs.find((i) => i.templateId === l.templateId);
        expect(l.quantity, r.id).toBeLessThanOrEqual(input!.quantity);
      }
    }
  });
});

describe('seeded rolls', () => {
  it('are stable across runs and engines (pinned values)', () => {
    expect(hashSeed('')).toBe(0x811c9dc5);
    expect(hashSeed('a')).toBe(0xe40c292c);
    const next = seededStream('craft-1');
    const first = [next(), next(), next()];
    expect(craftRolls('craft-1')).toEqual({
      success: first[0],
      quality: first[1],
      skill: first[2],
    });
    expect(first.map((x) => Math.floor(x * 1e6))).toEqual([985839, 676596, 195358]);
  });

  it('lie in [0, 1), differ by seed and spread evenly', () => {
    const xs = Array.from({ length: 4000 }, (_, i) => craftRolls(`seed-${i}`).success);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(xs.length);
    const low = xs.filter((x) => x < 0.5).length / xs.length;
    expect(low).toBeGreaterThan(0.46);
    expect(low).toBeLessThan(0.54);
    expect(() => seededStream('')).toThrow(RangeError);
  });
});

describe('resolveCraft', () => {
  const knife = recipe('ws_combat_knife');

  it('is a pure function of seed, skill and recipe', () => {
    for (let i = 0; i < 50; i++) {
      const input = { seed: `order-${i}`, skill: 3, recipe: knife };
      expect(resolveCraft(input)).toEqual(resolveCraft(input));
    }
    const outcomes = Array.from({ length: 50 }, (_, i) =>
      JSON.stringify(resolveCraft({ seed: `order-${i}`, skill: 3, recipe: knife })),
    );
    expect(new Set(outcomes).size).toBeGreaterThan(5);
  });

  it('on success consumes every input, makes the output, rolls quality and maybe a skill-up', () => {
    const seed = findSeed((s) => resolveCraft({ seed: s, skill: 5, recipe: knife }).success);
    const r = resolveCraft({ seed, skill: 5, recipe: knife });
    expect(r.consumed).toEqual(knife.inputs);
    expect(r.output).toEqual({ templateId: 'knife_combat', quantity: 1 });
    expect(QUALITY_TIERS).toContain(r.quality);
    expect(r.skillUp).toBe(true); // orange: 100 %
    expect(r.skillAfter).toBe(6);
    expect(r.rolls).toEqual(craftRolls(seed));
    expect(r.chances).toEqual({ success: 0.85, skillGain: 1 });
  });

  it('on failure consumes the failure loss, makes nothing and teaches nothing', () => {
    const seed = findSeed((s) => !resolveCraft({ seed: s, skill: 0, recipe: knife }).success);
    const r = resolveCraft({ seed, skill: 0, recipe: knife });
    expect(r).toMatchObject({ success: false, quality: null, output: null, skillUp: false });
    expect(r.skillAfter).toBe(0);
    expect(r.consumed).toEqual(failureLoss(knife.inputs));
  });

  it('makes a batch recipe’s whole quantity', () => {
    const batch = recipe('ch_stim_batch');
    const seed = findSeed((s) => resolveCraft({ seed: s, skill: 60, recipe: batch }).success);
    expect(resolveCraft({ seed, skill: 60, recipe: batch }).output).toEqual({
      templateId: 'stim_basic',
      quantity: 5,
    });
  });

  it('succeeds and raises the skill about as often as the chances say', () => {
    const hard = recipe('ws_copperhead'); // difficulty 35, skillReq 25
    let success = 0;
    let skillUps = 0;
    const n = 4000;
    for (let i = 0; i < n; i++) {
      const r = resolveCraft({ seed: `stat-${i}`, skill: 25, recipe: hard });
      if (r.success) success++;
      if (r.skillUp) skillUps++;
    }
    // 0.85 − 10 × 0.015 = 70 % success, every success orange
    expect(success / n).toBeGreaterThan(0.67);
    expect(success / n).toBeLessThan(0.73);
    expect(skillUps).toBe(success);
  });

  it('never raises the skill past the cap, and refuses a skill below the requirement', () => {
    const top = recipe('ws_satori');
    for (let i = 0; i < 20; i++) {
      const r = resolveCraft({ seed: `cap-${i}`, skill: MAX_CRAFT_SKILL, recipe: top });
      expect(r.skillUp).toBe(false);
      expect(r.skillAfter).toBe(MAX_CRAFT_SKILL);
    }
    expect(() => resolveCraft({ seed: 's', skill: 89, recipe: top })).toThrow(RangeError);
  });

  it('takes a recipe from fixtures too', () => {
    const fixture: Recipe = RecipeSchema.parse({
      id: 'fx',
      name: 'Fixture',
      discipline: 'chemistry',
      output: { templateId: 'stim_basic', quantity: 1 },
      inputs: [{ templateId: 'chem_precursor', quantity: 1 }],
      difficulty: 1,
      skillReq: 0,
      castMs: 1000,
    });
    const r = resolveCraft({ seed: 'x', skill: 11, recipe: fixture });
    expect(r.success).toBe(true); // 100 % from 10 above
    expect(r.skillUp).toBe(r.rolls.skill < 0.25); // green
  });
});

describe('resolveSalvage', () => {
  const katana = itemTemplateById('katana_tsumetogi')!;

  it('is a pure function of seed and template, within the table’s ranges', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const a = resolveSalvage({ seed: `salvage-${i}`, template: katana });
      expect(resolveSalvage({ seed: `salvage-${i}`, template: katana })).toEqual(a);
      expect(a.tableId).toBe('weapon_rare');
      seen.add(JSON.stringify(a.materials));
      for (const m of a.materials) {
        const y = findYield('weapon_rare', m.templateId);
        expect(m.quantity).toBeGreaterThanOrEqual(y.min);
        expect(m.quantity).toBeLessThanOrEqual(y.max);
      }
    }
    expect(seen.size).toBeGreaterThan(10);
  });

  it('always yields the sure things and sometimes the chancy ones', () => {
    const all = Array.from({ length: 400 }, (_, i) =>
      resolveSalvage({ seed: `s${i}`, template: katana }).materials.map((m) => m.templateId),
    );
    expect(all.every((ids) => ids.includes('gun_parts') && ids.includes('chrome_plating'))).toBe(
      true,
    );
    const filament = all.filter((ids) => ids.includes('mono_filament')).length / all.length;
    expect(filament).toBeGreaterThan(0.22); // chance 0.3
    expect(filament).toBeLessThan(0.38);
  });

  it('refuses what cannot be salvaged', () => {
    for (const id of ['stim_basic', 'scrap_metal', 'junk_lighter'])
      expect(() => resolveSalvage({ seed: 'x', template: itemTemplateById(id)! })).toThrow(
        RangeError,
      );
  });
});

function findSeed(ok: (seed: string) => boolean): string {
  for (let i = 0; i < 1000; i++) if (ok(`find-${i}`)) return `find-${i}`;
  throw new Error('no seed found');
}

function findYield(tableId: string, templateId: string) {
  const y = salvageTableById(tableId)?.yields.find((y) => y.templateId === templateId);
  if (!y) throw new Error(`${templateId} is not in ${tableId}`);
  return y;
}
