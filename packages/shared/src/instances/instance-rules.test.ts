import { describe, expect, it } from 'vitest';
import { GROUP_SCALE_MIN, groupHealthScale } from './instance-rules';

describe('groupHealthScale', () => {
  it('a full group (or more) fights the content as made', () => {
    expect(groupHealthScale(5, 5)).toBe(1);
    expect(groupHealthScale(10, 10)).toBe(1);
    expect(groupHealthScale(6, 5)).toBe(1);
  });

  it('a smaller group fights NPCs with their share of health, never below the floor', () => {
    expect(groupHealthScale(4, 5)).toBeCloseTo(0.8);
    expect(groupHealthScale(3, 5)).toBeCloseTo(0.6);
    expect(groupHealthScale(2, 5)).toBe(GROUP_SCALE_MIN);
    expect(groupHealthScale(1, 5)).toBe(GROUP_SCALE_MIN);
    expect(groupHealthScale(7, 10)).toBeCloseTo(0.7);
    expect(groupHealthScale(0, 10)).toBe(GROUP_SCALE_MIN);
  });

  it('a size that makes no sense leaves the content alone', () => {
    expect(groupHealthScale(2, 0)).toBe(1);
    expect(groupHealthScale(2, Number.NaN)).toBe(1);
  });
});
