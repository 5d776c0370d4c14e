import { describe, expect, it } from 'vitest';
import {
  QUEUE_SPECS,
  decayedPenaltyCount,
  estimateWaitMs,
  formatWait,
  queuePenaltyMs,
  ratingWindow,
  rolesFit,
} from './queue-rules';

describe('rating window', () => {
  it('±100 at once, +50 every 10 s, unlimited from 2 min', () => {
    expect(ratingWindow(0)).toBe(100);
    expect(ratingWindow(9_999)).toBe(100);
    expect(ratingWindow(10_000)).toBe(150);
    expect(ratingWindow(40_000)).toBe(300);
    expect(ratingWindow(119_999)).toBe(650);
    expect(ratingWindow(120_000)).toBe(Infinity);
    expect(ratingWindow(-5)).toBe(100);
  });
});

describe('queue penalties', () => {
  it('grow 1, 5, 15, 30 min and stay at 30', () => {
    expect([1, 2, 3, 4, 5, 9].map(queuePenaltyMs)).toEqual(
      [1, 5, 15, 30, 30, 30].map((m) => m * 60_000),
    );
  });
  it('lose one step per full quiet day', () => {
    const day = 86_400_000;
    expect(decayedPenaltyCount(3, 0, day - 1)).toBe(3);
    expect(decayedPenaltyCount(3, 0, day)).toBe(2);
    expect(decayedPenaltyCount(3, 0, 10 * day)).toBe(0);
  });
  it('are told in minutes and seconds', () => {
    expect(formatWait(60_000)).toBe('1 min');
    expect(formatWait(270_000)).toBe('4 min 30 s');
    expect(formatWait(44_100)).toBe('45 s');
    expect(formatWait(0)).toBe('1 s');
  });
});

describe('estimated wait and roles', () => {
  it('the median of recent waits; none without data', () => {
    expect(estimateWaitMs([])).toBeNull();
    expect(estimateWaitMs([30, 10, 20])).toBe(20);
    expect(estimateWaitMs([10, 40, 20, 30])).toBe(25);
  });
  it('a dungeon group is 1 tank, 1 support, 3 damage; a raid 2, 2, 6', () => {
    const spec = QUEUE_SPECS.dungeon;
    if (spec.kind === 'arena') throw new Error('dungeon is a group queue');
    expect(spec.composition).toEqual({ tank: 1, support: 1, damage: 3 });
    expect(QUEUE_SPECS.raid).toMatchObject({ composition: { tank: 2, support: 2, damage: 6 } });
    expect(rolesFit(['tank', 'damage', 'damage'], spec.composition)).toBe(true);
    expect(rolesFit(['tank', 'tank'], spec.composition)).toBe(false);
  });
});
