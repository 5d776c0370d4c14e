import { describe, expect, it } from 'vitest';
import { seededRng } from '@necp/game';
import { VIEW_RADIUS, zoneById } from '@necp/shared';
import {
  DirectionSchedule,
  TURN_MAX_MS,
  TURN_MIN_MS,
  reflect,
  spawnSquare,
  spawnSquareSide,
  squareHomes,
} from './move-workload';

describe('spawn square', () => {
  it('is sized so the view disc covers 15 % of it', () => {
    const side = spawnSquareSide(VIEW_RADIUS);
    expect((Math.PI * VIEW_RADIUS ** 2) / side ** 2).toBeCloseTo(0.15, 10);
    // 48 m view radius: about 220 m
    expect(side).toBeCloseTo(219.7, 1);
  });

  it('is centred in Watson, which holds it', () => {
    const watson = zoneById('watson')!;
    const sq = spawnSquare(watson, VIEW_RADIUS);
    expect(sq.x).toBeCloseTo((watson.width - sq.side) / 2, 10);
    expect(sq.y + sq.side).toBeLessThan(watson.height);
  });

  it('refuses a zone too small for it', () => {
    expect(() => spawnSquare({ id: 'closet', width: 100, height: 400 }, VIEW_RADIUS)).toThrow(
      /does not fit in closet/,
    );
  });

  it('homes are seeded, inside the square and outside buildings', () => {
    const watson = zoneById('watson')!;
    const sq = spawnSquare(watson, VIEW_RADIUS);
    const a = squareHomes(watson, sq, 500, seededRng(3).float);
    expect(squareHomes(watson, sq, 500, seededRng(3).float)).toEqual(a);
    for (const p of a) {
      expect(p.x).toBeGreaterThanOrEqual(sq.x);
      expect(p.x).toBeLessThanOrEqual(sq.x + sq.side);
      expect(p.y).toBeGreaterThanOrEqual(sq.y);
      expect(p.y).toBeLessThanOrEqual(sq.y + sq.side);
      const inside = watson.obstacles.some(
        (o) => p.x >= o.x && p.x <= o.x + o.w && p.y >= o.y && p.y <= o.y + o.h,
      );
      expect(inside).toBe(false);
    }
  });
});

describe('DirectionSchedule', () => {
  it('keeps a unit direction for 1.5–2.5 s, then turns; the same seed gives the same walk', () => {
    const walk = (seed: number) => {
      const d = new DirectionSchedule(seededRng(seed).float);
      const out: { x: number; y: number }[] = [];
      for (let t = 0; t <= 20_000; t += 100) out.push({ ...d.at(t) });
      return out;
    };
    const a = walk(7);
    expect(walk(7)).toEqual(a);
    expect(walk(8)).not.toEqual(a);
    for (const v of a) expect(Math.hypot(v.x, v.y)).toBeCloseTo(1, 10);
    // turns happen where the direction changes: every gap within 1.5–2.5 s (± one 100 ms step)
    const turns = a.flatMap((v, i) =>
      i > 0 && (v.x !== a[i - 1]!.x || v.y !== a[i - 1]!.y) ? [i * 100] : [],
    );
    expect(turns.length).toBeGreaterThanOrEqual(7);
    for (let i = 1; i < turns.length; i++) {
      const gap = turns[i]! - turns[i - 1]!;
      expect(gap).toBeGreaterThanOrEqual(TURN_MIN_MS);
      expect(gap).toBeLessThanOrEqual(TURN_MAX_MS + 100);
    }
  });

  it('set() keeps a reflected direction until the next turn', () => {
    const d = new DirectionSchedule(() => 0.25); // a quarter turn: straight down (+y), next turn after 1.75 s
    expect(d.at(0).y).toBeCloseTo(1, 10);
    d.set({ x: 0, y: -1 });
    expect(d.at(1_000)).toEqual({ x: 0, y: -1 });
    expect(d.at(1_750).y).toBeCloseTo(1, 10);
  });
});

describe('reflect', () => {
  const sq = { x: 100, y: 100, side: 200 };
  it('mirrors the axis along which the bot is outside and still heading out', () => {
    expect(reflect({ x: 99, y: 200 }, { x: -0.6, y: 0.8 }, sq)).toEqual({ x: 0.6, y: 0.8 });
    expect(reflect({ x: 301, y: 301 }, { x: 0.6, y: 0.8 }, sq)).toEqual({ x: -0.6, y: -0.8 });
  });
  it('leaves a bot inside, or outside but already heading back in, alone', () => {
    expect(reflect({ x: 200, y: 200 }, { x: -0.6, y: 0.8 }, sq)).toEqual({ x: -0.6, y: 0.8 });
    expect(reflect({ x: 99, y: 200 }, { x: 0.6, y: 0.8 }, sq)).toEqual({ x: 0.6, y: 0.8 });
  });
});
