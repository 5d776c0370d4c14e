/**
 * Movement rules shared by the server (authority) and the client (prediction):
 * both integrate the same input with the same function, so an honest client's
 * prediction matches the server exactly and reconciliation is invisible.
 */
import type { Obstacle } from '../content/zones';

export const BASE_MOVE_SPEED = 6; // metres per second
/** One input covers at most this much time; longer gaps are split by the client. */
export const MAX_INPUT_MS = 100;
/** The server lets inputs claim up to 10 % more time than really passed (jitter)… */
export const MOVE_TIME_TOLERANCE = 0.1;
/** …and banks at most this much unused time, so a burst after lag is bounded. */
export const MOVE_BUDGET_CAP_MS = 250;
/**
 * Play-out: inputs that arrive bunched (a client timer firing late on a busy machine,
 * network jitter) are applied at up to PLAYOUT_RATE × real time instead of all in one
 * tick, so the others see a player walk on, not jump (a 150 ms burst was a 0.9 m step
 * in one tick). Each tick banks PLAYOUT_RATE × its length, up to PLAYOUT_CAP_MS; an
 * input waits (queued, unacked) while the bank holds less than it is granted. The cap
 * is two steady inputs' worth, so a backlog drains at half a tick per tick.
 */
export const PLAYOUT_RATE = 1.5;
export const PLAYOUT_CAP_MS = MAX_INPUT_MS;
/** A client-side position this far from the server's is corrected by snapping. */
export const SNAP_DISTANCE = 4;

export interface Vec2 {
  x: number;
  y: number;
}
export interface Bounds {
  width: number;
  height: number;
}

/** Direction with length ≤ 1 (keyboard diagonals are normalised, not faster). */
export function normalizeDirection(dx: number, dy: number): Vec2 {
  if (!Number.isFinite(dx) || !Number.isFinite(dy)) return { x: 0, y: 0 };
  const len = Math.hypot(dx, dy);
  if (len <= 1) return { x: dx, y: dy };
  return { x: dx / len, y: dy / len };
}

export function clampToBounds(p: Vec2, b: Bounds): Vec2 {
  return {
    x: Math.min(Math.max(p.x, 0), b.width),
    y: Math.min(Math.max(p.y, 0), b.height),
  };
}

/**
 * Integrates one movement input: position + direction × speed × time, kept inside
 * the zone and, when `obstacles` are given, out of them. Obstacles are resolved per
 * axis (x first, then y from the new x), each a swept test that stops at the first
 * edge in the way, so a diagonal into a wall slides along it and a short wall cannot
 * be tunnelled through. A position already inside an obstacle (content changed
 * under a saved position) moves freely, so it can walk out.
 */
export function stepPosition(
  p: Vec2,
  dx: number,
  dy: number,
  ms: number,
  speed: number,
  b: Bounds,
  obstacles?: readonly Obstacle[],
): Vec2 {
  const d = normalizeDirection(dx, dy);
  const t = Math.max(0, Math.min(ms, MAX_INPUT_MS)) / 1000;
  const free = clampToBounds({ x: p.x + d.x * speed * t, y: p.y + d.y * speed * t }, b);
  if (!obstacles || obstacles.length === 0) return free;
  const x = sweepAxis(p.x, free.x, p.y, obstacles, 'x');
  const y = sweepAxis(p.y, free.y, x, obstacles, 'y');
  return { x, y };
}

/**
 * Moves from `from` to `to` along one axis at the fixed other coordinate `across`,
 * stopping at the near edge of the first obstacle entered. Obstacles the mover
 * only touches (it is on their edge line) do not block: that is what lets it slide.
 */
function sweepAxis(
  from: number,
  to: number,
  across: number,
  obstacles: readonly Obstacle[],
  axis: 'x' | 'y',
): number {
  let end = to;
  for (const o of obstacles) {
    const [min, size, crossMin, crossSize] =
      axis === 'x' ? [o.x, o.w, o.y, o.h] : [o.y, o.h, o.x, o.w];
    if (!(across > crossMin && across < crossMin + crossSize)) continue;
    const max = min + size;
    if (end > from && from <= min && end > min) end = min;
    else if (end < from && from >= max && end < max) end = max;
  }
  return end;
}

/**
 * Server-side time budget: inputs spend movement time, real time refills it.
 * A client sending inputs faster than real time (speed hack) runs dry and is
 * only moved as far as the budget allows.
 */
export interface MoveBudget {
  availableMs: number;
}

export function refillBudget(b: MoveBudget, elapsedMs: number): MoveBudget {
  return {
    availableMs: Math.min(
      MOVE_BUDGET_CAP_MS,
      b.availableMs + elapsedMs * (1 + MOVE_TIME_TOLERANCE),
    ),
  };
}

/** Returns how much of the requested time is granted, and the budget left. */
export function spendBudget(
  b: MoveBudget,
  requestedMs: number,
): { grantedMs: number; budget: MoveBudget } {
  const grantedMs = Math.max(0, Math.min(requestedMs, b.availableMs));
  return { grantedMs, budget: { availableMs: b.availableMs - grantedMs } };
}

/** The play-out bank after `elapsedMs` of real time (see PLAYOUT_RATE). */
export function refillPlayout(playoutMs: number, elapsedMs: number): number {
  return Math.min(PLAYOUT_CAP_MS, playoutMs + elapsedMs * PLAYOUT_RATE);
}

export function distance(a: Vec2, b: Vec2): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
