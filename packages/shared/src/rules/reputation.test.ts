import { describe, expect, it } from 'vitest';
import type { Faction } from '../content/factions';
import { factionById } from '../content/factions';
import {
  applyReputationChange,
  REPUTATION_MAX,
  REPUTATION_MIN,
  REPUTATION_TIERS,
  standingWith,
  tierAtLeast,
  tierForStanding,
  tierProgress,
  TIER_THRESHOLDS,
  vendorPriceMultiplier,
  type ReputationTier,
} from './reputation';

const f = (over: Partial<Faction> & Pick<Faction, 'id'>): Faction => ({
  name: over.id,
  blurb: 'a test faction',
  startingStanding: 0,
  joinable: true,
  playerCanImprove: true,
  rivals: [],
  ...over,
});
const TEST_FACTIONS = new Map<string, Faction>(
  [
    f({
      id: 'a',
      rivals: [
        { factionId: 'b', factor: 0.5 },
        { factionId: 'c', factor: 0.25 },
      ],
    }),
    f({ id: 'b', startingStanding: 1_000 }),
    f({ id: 'c', startingStanding: -2_000 }),
    f({ id: 'beast', startingStanding: REPUTATION_MIN, joinable: false, playerCanImprove: false }),
    f({ id: 'tiny', rivals: [{ factionId: 'b', factor: 0.1 }] }),
  ].map((x) => [x.id, x]),
);
const lookup = (id: string) => TEST_FACTIONS.get(id);

describe('tierForStanding', () => {
  const cases: [number, ReputationTier][] = [
    [REPUTATION_MIN, 'hostile'],
    [-3_001, 'hostile'],
    [-3_000, 'unfriendly'],
    [-1, 'unfriendly'],
    [0, 'neutral'],
    [2_999, 'neutral'],
    [3_000, 'friendly'],
    [8_999, 'friendly'],
    [9_000, 'honored'],
    [20_999, 'honored'],
    [21_000, 'revered'],
    [REPUTATION_MAX, 'revered'],
  ];
  it.each(cases)('%i is %s', (n, tier) => expect(tierForStanding(n)).toBe(tier));

  it('clamps beyond the limits and truncates fractions', () => {
    expect(tierForStanding(-1e9)).toBe('hostile');
    expect(tierForStanding(1e9)).toBe('revered');
    expect(tierForStanding(-0.5)).toBe('neutral');
    expect(tierForStanding(2_999.9)).toBe('neutral');
  });

  it('rejects NaN', () => {
    expect(() => tierForStanding(Number.NaN)).toThrow(RangeError);
  });

  it('thresholds ascend in tier order', () => {
    for (let i = 1; i < REPUTATION_TIERS.length; i++)
      expect(TIER_THRESHOLDS[REPUTATION_TIERS[i]!]).toBeGreaterThan(
        TIER_THRESHOLDS[REPUTATION_TIERS[i - 1]!],
      );
  });

  it('tierAtLeast compares tiers', () => {
    expect(tierAtLeast(3_000, 'friendly')).toBe(true);
    expect(tierAtLeast(2_999, 'friendly')).toBe(false);
    expect(tierAtLeast(21_000, 'neutral')).toBe(true);
    expect(tierAtLeast(REPUTATION_MIN, 'hostile')).toBe(true);
  });
});

describe('tierProgress', () => {
  it('reports progress at a tier start and just before the next', () => {
    expect(tierProgress(3_000)).toEqual({ tier: 'friendly', into: 0, span: 6_000, toNext: 6_000 });
    expect(tierProgress(8_999)).toEqual({ tier: 'friendly', into: 5_999, span: 6_000, toNext: 1 });
    expect(tierProgress(-3_001)).toEqual({
      tier: 'hostile',
      into: -3_001 - REPUTATION_MIN,
      span: -3_000 - REPUTATION_MIN,
      toNext: 1,
    });
    expect(tierProgress(-1)).toEqual({ tier: 'unfriendly', into: 2_999, span: 3_000, toNext: 1 });
  });

  it('counts toward the cap in the top tier', () => {
    expect(tierProgress(21_000)).toEqual({
      tier: 'revered',
      into: 0,
      span: REPUTATION_MAX - 21_000,
      toNext: REPUTATION_MAX - 21_000,
    });
    expect(tierProgress(REPUTATION_MAX + 5).toNext).toBe(0);
  });
});

describe('applyReputationChange', () => {
  it('starts untouched factions at their starting standing', () => {
    expect(standingWith({}, 'b', lookup)).toBe(1_000);
    expect(applyReputationChange({}, 'b', 100, lookup)).toEqual({ b: 1_100 });
  });

  it('does not mutate the input', () => {
    const before = { a: 10 };
    const after = applyReputationChange(before, 'a', 5, lookup);
    expect(before).toEqual({ a: 10 });
    expect(after).not.toBe(before);
  });

  it('spills a gain over to rivals by their factors', () => {
    expect(applyReputationChange({ a: 0 }, 'a', 1_000, lookup)).toEqual({
      a: 1_000,
      b: 1_000 - 500,
      c: -2_000 - 250,
    });
  });

  it('does not spill losses', () => {
    expect(applyReputationChange({ a: 0 }, 'a', -1_000, lookup)).toEqual({ a: -1_000 });
  });

  it('truncates spill-over toward zero and skips a zero spill', () => {
    expect(applyReputationChange({}, 'tiny', 19, lookup)).toEqual({ tiny: 19, b: 999 });
    expect(applyReputationChange({}, 'tiny', 9, lookup)).toEqual({ tiny: 9 });
  });

  it('clamps to the limits and spills only the gain actually applied', () => {
    expect(applyReputationChange({ a: REPUTATION_MAX - 100 }, 'a', 1_000, lookup)).toEqual({
      a: REPUTATION_MAX,
      b: 1_000 - 50,
      c: -2_000 - 25,
    });
    expect(applyReputationChange({ a: REPUTATION_MAX, b: 0 }, 'a', 1_000, lookup)).toEqual({
      a: REPUTATION_MAX,
      b: 0,
    });
    expect(applyReputationChange({ a: REPUTATION_MIN + 1 }, 'a', -50, lookup)).toEqual({
      a: REPUTATION_MIN,
    });
    expect(applyReputationChange({ a: 100_000, b: REPUTATION_MIN }, 'a', 10, lookup).b).toBe(
      REPUTATION_MIN,
    );
  });

  it('ignores gains with a faction players cannot improve but applies losses', () => {
    expect(applyReputationChange({ beast: -10_000 }, 'beast', 500, lookup)).toEqual({
      beast: -10_000,
    });
    expect(applyReputationChange({ beast: -10_000 }, 'beast', -500, lookup)).toEqual({
      beast: -10_500,
    });
  });

  it('treats a zero or sub-unit delta as no change', () => {
    expect(applyReputationChange({ a: 5 }, 'a', 0, lookup)).toEqual({ a: 5 });
    expect(applyReputationChange({ a: 5 }, 'a', 0.9, lookup)).toEqual({ a: 5 });
  });

  it('rejects unknown factions and non-finite deltas', () => {
    expect(() => applyReputationChange({}, 'nope', 10, lookup)).toThrow(RangeError);
    expect(() => applyReputationChange({}, 'a', Number.NaN, lookup)).toThrow(RangeError);
    expect(() => applyReputationChange({}, 'a', Infinity, lookup)).toThrow(RangeError);
    expect(() => standingWith({}, 'nope', lookup)).toThrow(RangeError);
  });

  it('uses the real faction content by default', () => {
    const claws = factionById('tyger_claws')!;
    const maelstrom = factionById('maelstrom')!;
    const factor = claws.rivals.find((r) => r.factionId === 'maelstrom')!.factor;
    const next = applyReputationChange({}, 'tyger_claws', 1_000);
    expect(next.tyger_claws).toBe(claws.startingStanding + 1_000);
    expect(next.maelstrom).toBe(maelstrom.startingStanding - Math.trunc(1_000 * factor));
  });
});

describe('vendorPriceMultiplier', () => {
  it('refuses hostile customers and discounts with standing', () => {
    expect(vendorPriceMultiplier('hostile')).toBeNull();
    expect(vendorPriceMultiplier('unfriendly')).toBe(1.1);
    expect(vendorPriceMultiplier('neutral')).toBe(1);
    expect(vendorPriceMultiplier('friendly')).toBe(0.95);
    expect(vendorPriceMultiplier('honored')).toBe(0.9);
    expect(vendorPriceMultiplier('revered')).toBe(0.85);
  });

  it('never gets more expensive as the tier rises', () => {
    const prices = REPUTATION_TIERS.slice(1).map((t) => vendorPriceMultiplier(t)!);
    for (let i = 1; i < prices.length; i++) expect(prices[i]!).toBeLessThanOrEqual(prices[i - 1]!);
  });
});
