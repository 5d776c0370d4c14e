import { describe, expect, it } from 'vitest';
import { BASE_MOVE_SPEED, SNAP_DISTANCE, stepPosition } from '@necp/shared';
import { Predictor } from './prediction';

const bounds = { width: 512, height: 512 };
const start = { x: 100, y: 100 };

describe('Predictor', () => {
  it('numbers inputs after the last seq the server knows and moves at once', () => {
    const p = new Predictor(start, 41, BASE_MOVE_SPEED, bounds);
    const i = p.apply(1, 0, 50);
    expect(i).toEqual({ seq: 42, dx: 1, dy: 0, ms: 50 });
    expect(p.pos.x).toBeCloseTo(100.3);
    expect(p.pendingCount).toBe(1);
  });

  it('reconciling with a server that agrees changes nothing', () => {
    const p = new Predictor(start, 0, BASE_MOVE_SPEED, bounds);
    p.apply(1, 0, 50);
    p.apply(1, 0, 50);
    p.apply(0, 1, 50);
    // the server applied the first two inputs exactly as we did
    const server = stepPosition(
      stepPosition(start, 1, 0, 50, BASE_MOVE_SPEED, bounds),
      1,
      0,
      50,
      BASE_MOVE_SPEED,
      bounds,
    );
    const before = p.pos;
    const r = p.reconcile(2, server);
    expect(r.after.x).toBeCloseTo(before.x, 9);
    expect(r.after.y).toBeCloseTo(before.y, 9);
    expect(r.snapped).toBe(false);
    expect(p.pendingCount).toBe(1);
  });

  it('replays unacked inputs on top of a corrected server position', () => {
    const p = new Predictor(start, 0, BASE_MOVE_SPEED, bounds);
    p.apply(1, 0, 100); // seq 1
    p.apply(1, 0, 100); // seq 2
    // the server only granted half of input 1 (time budget) and has not seen input 2
    const r = p.reconcile(1, { x: 100.3, y: 100 });
    expect(r.after.x).toBeCloseTo(100.9);
    expect(r.snapped).toBe(false);
  });

  it('snaps when the server disagrees by more than SNAP_DISTANCE', () => {
    const p = new Predictor(start, 0, BASE_MOVE_SPEED, bounds);
    p.apply(1, 0, 50);
    const r = p.reconcile(1, { x: 100 + SNAP_DISTANCE + 5, y: 100 });
    expect(r.snapped).toBe(true);
    expect(p.pos).toEqual({ x: 100 + SNAP_DISTANCE + 5, y: 100 });
  });
});

describe('Predictor speed', () => {
  it('uses the speed the server sends (an overweight character predicts slower)', () => {
    const p = new Predictor(start, 0, BASE_MOVE_SPEED, bounds);
    p.setSpeed(BASE_MOVE_SPEED / 2);
    p.apply(1, 0, 100);
    expect(p.pos.x).toBeCloseTo(100 + (BASE_MOVE_SPEED / 2) * 0.1);
    // replay after a snapshot uses the new speed too: the server agrees, no snap
    const r = p.reconcile(0, start);
    expect(r.after.x).toBeCloseTo(100 + (BASE_MOVE_SPEED / 2) * 0.1);
    expect(r.snapped).toBe(false);
  });
});
