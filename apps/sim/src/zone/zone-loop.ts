import { performance } from 'node:perf_hooks';
import { TICK_MS } from '@necp/shared';
import type { Clock, Log } from '@necp/game';
import { tickMetrics, type TickStats } from './tick-metrics';
import type { Zone } from './zone';

/** After a stall (GC pause, suspended laptop) run at most this many catch-up ticks, then skip ahead. */
const MAX_CATCH_UP_TICKS = 5;

/**
 * Runs `zone.step()` at TICK_HZ. Each timeout is aimed at the next tick's ideal
 * time rather than "now + TICK_MS", so timer lateness does not accumulate into drift.
 * Every step's wall time goes into `stats` (GET /metrics); it is measured with
 * performance.now(), not the injected clock, because it is about the machine, not the game.
 * Returns a function that stops the loop.
 */
export function startZoneLoop(
  zone: Pick<Zone, 'id' | 'step'>,
  clock: Clock,
  log: Log,
  stats: TickStats = tickMetrics.zone(zone.id),
): () => void {
  let next = clock.ms() + TICK_MS;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const run = () => {
    if (stopped) return;
    const now = clock.ms();
    let steps = 0;
    while (now >= next && steps < MAX_CATCH_UP_TICKS) {
      const t0 = performance.now();
      zone.step();
      stats.record(performance.now() - t0);
      next += TICK_MS;
      steps++;
    }
    if (now >= next) {
      const behindMs = now - next;
      log.warn({ zone: zone.id, behindMs }, 'zone loop fell behind; skipping ticks');
      stats.skipped(Math.floor(behindMs / TICK_MS) + 1);
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
