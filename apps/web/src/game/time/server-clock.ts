/**
 * The server's clock as this browser knows it: the one place a time the server
 * stamped (an order's expiry, an auction's end, a mail's arrival, a deadline, a drop's
 * loot rights) is compared with "now". The local clock may be minutes off; the offset
 * is measured by the ping (`net/latency.ts`, set by `net/connection-watch.ts`), so
 * `serverNow()` is the server's epoch ms give or take half a round trip.
 *
 * What stays on the local clock: durations this client times itself (an animation, when
 * a toast or a push arrived, a ride's minimum time) and "ms left" the sim sends, which
 * are re-stamped locally on arrival (the ready check, arena phases, effects).
 */

let offsetMs = 0;

/** server clock − local clock, ms, as last measured (0 until the first ping answers) */
export const serverClockOffset = (): number => offsetMs;

export function setServerClockOffset(ms: number): void {
  if (Number.isFinite(ms)) offsetMs = ms;
}

/** The server's epoch ms now. */
export const serverNow = (): number => Date.now() + offsetMs;

/** A time as it reaches the browser: epoch ms, an ISO string (tRPC) or a Date. */
export type ServerTime = number | string | Date;

/** Epoch ms of a time in any of its shapes (NaN for a string that is no date). */
export function epochMs(t: ServerTime): number {
  if (typeof t === 'number') return t;
  return typeof t === 'string' ? Date.parse(t) : t.getTime();
}
