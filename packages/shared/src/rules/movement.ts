/**
 * Movement rules shared by the server (authority) and the client (prediction):
 * both integrate the same input with the same function, so an honest client's
 * prediction matches the server exactly and reconciliation is invisible.
 */
export const BASE_MOVE_SPEED = 6; // metres per second
/** One input covers at most this much time; longer gaps are split by the client. */
export const MAX_INPUT_MS = 100;
/** The server lets inputs claim up to 10 % more time than really passed (jitter)… */
export const MOVE_TIME_TOLERANCE = 0.1;
/** …and banks at most this much unused time, so a burst after lag is bounded. */
export const MOVE_BUDGET_CAP_MS = 250;
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

/** Integrates one movement input: position + direction × speed × time, kept inside the zone. */
export function stepPosition(
  p: Vec2,
  dx: number,
  dy: number,
  ms: number,
  speed: number,
  b: Bounds,
): Vec2 {
  const d = normalizeDirection(dx, dy);
  const t = Math.max(0, Math.min(ms, MAX_INPUT_MS)) / 1000;
  return clampToBounds({ x: p.x + d.x * speed * t, y: p.y + d.y * speed * t }, b);
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

export function distance(a: Vec2, b: Vec2): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
