import { describe, expect, it } from 'vitest';
import {
  refillBudget,
  spendBudget,
  stepPosition,
  normalizeDirection,
  MOVE_BUDGET_CAP_MS,
} from './movement';

const zone = { width: 100, height: 100 };

describe('movement rules', () => {
  it('moves by speed × time in the input direction', () => {
    expect(stepPosition({ x: 10, y: 10 }, 1, 0, 100, 6, zone)).toEqual({ x: 10.6, y: 10 });
  });
  it('normalises diagonals so they are not faster', () => {
    const p = stepPosition({ x: 10, y: 10 }, 1, 1, 100, 6, zone);
    expect(Math.hypot(p.x - 10, p.y - 10)).toBeCloseTo(0.6, 10);
    expect(normalizeDirection(3, 4)).toEqual({ x: 0.6, y: 0.8 });
  });
  it('keeps positions inside the zone bounds', () => {
    expect(stepPosition({ x: 99.9, y: 0.1 }, 1, -1, 100, 60, zone)).toEqual({ x: 100, y: 0 });
  });
  it('caps one input at MAX_INPUT_MS', () => {
    expect(stepPosition({ x: 0, y: 0 }, 1, 0, 5000, 10, zone).x).toBeCloseTo(1, 10);
  });
  it('treats non-finite directions as standing still', () => {
    expect(stepPosition({ x: 5, y: 5 }, Number.NaN, 1, 100, 6, zone)).toEqual({ x: 5, y: 5 });
  });
  it('time budget grants no more than real time plus tolerance, capped', () => {
    let b = { availableMs: 0 };
    b = refillBudget(b, 50);
    expect(b.availableMs).toBeCloseTo(55);
    const r = spendBudget(b, 100);
    expect(r.grantedMs).toBeCloseTo(55);
    expect(r.budget.availableMs).toBeCloseTo(0);
    expect(refillBudget({ availableMs: 0 }, 10_000).availableMs).toBe(MOVE_BUDGET_CAP_MS);
  });
});
