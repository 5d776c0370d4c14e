import { TICK_MS } from '@necp/shared';
import type { Clock, Log } from '@necp/game';
import type { Zone } from './zone';

/** After a stall (GC pause, suspended laptop) run at most this many catch-up ticks, then skip ahead. */
const MAX_CATCH_UP_TICKS = 5;

/**
 * Runs `zone.step()` at TICK_HZ. Each timeout is aimed at the next tick's ideal
 * time rather than "now + TICK_MS", so timer lateness does not accumulate into drift.
 * Returns a function that stops the loop.
 */
export function startZoneLoop(zone: Pick<Zone, 'id' | 'step'>, clock: Clock, log: Log): () => void {
  let next = clock.ms() + TICK_MS;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const run = () => {
    if (stopped) return;
    const now = clock.ms();
    let steps = 0;
    while (now >= next && steps < MAX_CATCH_UP_TICKS) {
      zone.step();
      next += TICK_MS;
      steps++;
    }
    if (now >= next) {
      log.warn({ zone: zone.id, behindMs: now - next }, 'zone loop fell behind; skipping ticks');
      next = now + TICK_MS;
    }
    timer = setTimeout(run, Math.max(0, next - clock.ms()));
  };
  timer = setTimeout(run, TICK_MS);

  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
