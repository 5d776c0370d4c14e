import { describe, expect, it } from 'vitest';
import { StickInput, combineDirections, knobOffset, stickVector } from './touch-stick';

describe('touch stick', () => {
  it('reads a resting thumb inside the dead zone as no movement', () => {
    expect(stickVector(0, 0, 60)).toEqual({ dx: 0, dy: 0 });
    expect(stickVector(5, -5, 60)).toEqual({ dx: 0, dy: 0 });
  });

  it('points where the finger is, at full speed near the rim and beyond it', () => {
    const right = stickVector(60, 0, 60);
    expect(right.dx).toBeCloseTo(1);
    expect(right.dy).toBeCloseTo(0);
    const up = stickVector(0, -500, 60);
    expect(up).toEqual({ dx: 0, dy: -1 });
    const diag = stickVector(100, 100, 60);
    expect(Math.hypot(diag.dx, diag.dy)).toBeCloseTo(1);
    expect(diag.dx).toBeCloseTo(diag.dy);
  });

  it('walks slower for a small push (analogue)', () => {
    const v = stickVector(25, 0, 60);
    expect(v.dx).toBeGreaterThan(0);
    expect(v.dx).toBeLessThan(1);
    expect(v.dy).toBe(0);
  });

  it('never produces a direction the sim would refuse (each axis within −1…1, finite)', () => {
    for (const [x, y] of [
      [1e9, -1e9],
      [-3, 1e12],
      [Number.NaN, 4],
      [Infinity, 0],
    ] as const) {
      const v = stickVector(x, y, 60);
      expect(Number.isFinite(v.dx) && Number.isFinite(v.dy)).toBe(true);
      expect(Math.abs(v.dx)).toBeLessThanOrEqual(1);
      expect(Math.abs(v.dy)).toBeLessThanOrEqual(1);
    }
  });

  it('keeps the knob inside the ring', () => {
    expect(knobOffset(10, 0, 60)).toEqual({ dx: 10, dy: 0 });
    const k = knobOffset(0, 200, 60);
    expect(k.dy).toBeCloseTo(60);
  });

  it('lets held keys win over the stick, and the stick move alone', () => {
    const stick = new StickInput();
    stick.set({ dx: 0.5, dy: 0 });
    expect(combineDirections({ dx: 0, dy: 1 }, stick.direction())).toEqual({ dx: 0, dy: 1 });
    expect(combineDirections({ dx: 0, dy: 0 }, stick.direction())).toEqual({ dx: 0.5, dy: 0 });
    stick.clear();
    expect(combineDirections({ dx: 0, dy: 0 }, stick.direction())).toEqual({ dx: 0, dy: 0 });
  });
});
