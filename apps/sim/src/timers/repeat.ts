import type { Log } from '@necp/game';
import { clearIntervalAsync, setIntervalAsync } from 'set-interval-async';

/** Work this process repeats on its own real-time clock (not a zone's: that is `zone.every`). */
export interface Repeating {
  /** No run starts after this; resolves once a run in progress has finished. */
  stop(): Promise<void>;
}

const NEVER: Repeating = { stop: () => Promise.resolve() };

/**
 * Runs `run` every `everyMs` of real time, never two at once: a run that outlasts the
 * period delays the next instead of stacking (set-interval-async's dynamic strategy, so
 * a slow database cannot pile up sweeps). A run that throws or rejects is logged as
 * "`what` failed" and the next one still comes. `everyMs` ≤ 0: never runs (tests turn
 * loops off so).
 */
export function repeat(
  everyMs: number,
  run: () => unknown,
  o: { log: Log; what: string },
): Repeating {
  if (everyMs <= 0) return NEVER;
  const timer = setIntervalAsync(async () => {
    try {
      await run();
    } catch (err) {
      o.log.error({ err }, `${o.what} failed`);
    }
  }, everyMs);
  let stopped: Promise<void> | undefined;
  return { stop: () => (stopped ??= clearIntervalAsync(timer)) };
}
