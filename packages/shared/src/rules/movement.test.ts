import { describe, expect, it } from 'vitest';
import {
  refillBudget,
  refillPlayout,
  spendBudget,
  stepPosition,
  normalizeDirection,
  MAX_INPUT_MS,
  MOVE_BUDGET_CAP_MS,
  PLAYOUT_CAP_MS,
  type Vec2,
} from './movement';
import type { Obstacle } from '../content/zones';

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
  it('play-out banks 1.5× real time up to one full input', () => {
    expect(refillPlayout(0, 50)).toBeCloseTo(75);
    expect(refillPlayout(75, 50)).toBe(PLAYOUT_CAP_MS);
    expect(PLAYOUT_CAP_MS).toBeGreaterThanOrEqual(MAX_INPUT_MS);
  });
});

describe('movement with obstacles', () => {
  // a 10 × 10 building from (20, 20) to (30, 30); 100 ms at 60 m/s = 6 m per step
  const wall: Obstacle = { x: 20, y: 20, w: 10, h: 10 };
  const walls = [wall];
  const inside = (p: Vec2, o: Obstacle) =>
    p.x > o.x && p.x < o.x + o.w && p.y > o.y && p.y < o.y + o.h;
  const walk = (p: Vec2, dx: number, dy: number, steps: number, obstacles = walls) => {
    const path = [p];
    for (let i = 0; i < steps; i++)
      path.push(stepPosition(path[i]!, dx, dy, 100, 60, zone, obstacles));
    return path;
  };

  it('behaves exactly as before without obstacles or with an empty list', () => {
    const a = stepPosition({ x: 10, y: 10 }, 1, 1, 100, 6, zone);
    expect(stepPosition({ x: 10, y: 10 }, 1, 1, 100, 6, zone, [])).toEqual(a);
    expect(stepPosition({ x: 10, y: 10 }, 1, 1, 100, 6, zone, undefined)).toEqual(a);
    // an obstacle far away changes nothing
    expect(
      stepPosition({ x: 10, y: 10 }, 1, 1, 100, 6, zone, [{ x: 80, y: 80, w: 5, h: 5 }]),
    ).toEqual(a);
  });

  it('walking into a wall stops at its edge, from every side', () => {
    expect(stepPosition({ x: 17, y: 25 }, 1, 0, 100, 60, zone, walls)).toEqual({ x: 20, y: 25 });
    expect(stepPosition({ x: 33, y: 25 }, -1, 0, 100, 60, zone, walls)).toEqual({ x: 30, y: 25 });
    expect(stepPosition({ x: 25, y: 17 }, 0, 1, 100, 60, zone, walls)).toEqual({ x: 25, y: 20 });
    expect(stepPosition({ x: 25, y: 33 }, 0, -1, 100, 60, zone, walls)).toEqual({ x: 25, y: 30 });
    // and stays there when pushing on
    expect(stepPosition({ x: 20, y: 25 }, 1, 0, 100, 60, zone, walls)).toEqual({ x: 20, y: 25 });
  });

  it('cannot tunnel through a wall thinner than one step', () => {
    const thin: Obstacle = { x: 20, y: 0, w: 0.5, h: 100 };
    expect(stepPosition({ x: 18, y: 50 }, 1, 0, 100, 60, zone, [thin])).toEqual({ x: 20, y: 50 });
    expect(stepPosition({ x: 22, y: 50 }, -1, 0, 100, 60, zone, [thin])).toEqual({
      x: 20.5,
      y: 50,
    });
  });

  it('slides along a wall when walking into it diagonally', () => {
    // pressed against the left face, walking right-and-down: x is stopped, y keeps going
    const p = stepPosition({ x: 20, y: 22 }, 1, 1, 100, 60, zone, walls);
    expect(p.x).toBe(20);
    expect(p.y).toBeCloseTo(22 + 6 / Math.SQRT2, 10);
    // …and past the corner the x motion resumes
    const path = walk({ x: 20, y: 22 }, 1, 1, 4);
    const last = path[path.length - 1]!;
    expect(last.y).toBeGreaterThan(30);
    expect(last.x).toBeGreaterThan(20);
  });

  it('stops at the edge nearest the corner when walking diagonally into it', () => {
    // from up-left of the corner (20, 20), heading through it
    const p = stepPosition({ x: 18, y: 18 }, 1, 1, 100, 60, zone, walls);
    // x moves first (free at y = 18), then y is stopped on the top face
    expect(p.x).toBeCloseTo(18 + 6 / Math.SQRT2, 10);
    expect(p.y).toBe(20);
    expect(inside(p, wall)).toBe(false);
  });

  it('walks along an edge line without being stopped (touching is not entering)', () => {
    expect(stepPosition({ x: 15, y: 20 }, 1, 0, 100, 60, zone, walls)).toEqual({ x: 21, y: 20 });
    expect(stepPosition({ x: 30, y: 15 }, 0, 1, 100, 60, zone, walls)).toEqual({ x: 30, y: 21 });
  });

  it('stops at the first of two overlapping obstacles', () => {
    const a: Obstacle = { x: 22, y: 0, w: 5, h: 50 };
    const b: Obstacle = { x: 20, y: 10, w: 10, h: 10 };
    expect(stepPosition({ x: 15, y: 15 }, 1, 0, 100, 60, zone, [a, b])).toEqual({ x: 20, y: 15 });
    expect(stepPosition({ x: 15, y: 15 }, 1, 0, 100, 60, zone, [b, a])).toEqual({ x: 20, y: 15 });
  });

  it('lets a position that is already inside (content changed) walk out', () => {
    expect(stepPosition({ x: 25, y: 25 }, 1, 0, 100, 60, zone, walls)).toEqual({ x: 31, y: 25 });
  });

  it('never ends inside an obstacle, whatever the direction (fuzz)', () => {
    const obstacles: Obstacle[] = [
      wall,
      { x: 50, y: 40, w: 3, h: 30 },
      { x: 60, y: 60, w: 20, h: 2 },
    ];
    // mulberry32: a fixed pseudo-random walk, the same on every run
    let seed = 12345;
    const rand = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    let p: Vec2 = { x: 5, y: 5 };
    const ended: Vec2[] = [];
    let blocked = 0;
    for (let i = 0; i < 5000; i++) {
      const dir = rand() * Math.PI * 2;
      const [dx, dy, speed] = [Math.cos(dir), Math.sin(dir), 10 + rand() * 80];
      const next = stepPosition(p, dx, dy, 100, speed, zone, obstacles);
      if (obstacles.some((o) => inside(next, o))) ended.push(next);
      const free = stepPosition(p, dx, dy, 100, speed, zone);
      if (next.x !== free.x || next.y !== free.y) blocked++;
      p = next;
    }
    expect(ended).toEqual([]);
    // the walk really did run into the obstacles
    expect(blocked).toBeGreaterThan(50);
  });

  it('is deterministic: the same inputs give the same path (client prediction = server)', () => {
    expect(walk({ x: 12, y: 21 }, 1, 0.3, 10)).toEqual(walk({ x: 12, y: 21 }, 1, 0.3, 10));
  });
});
