import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TICK_HZ, TICK_MS } from '@necp/shared';
import { createLog, type Clock } from '@necp/game';
import { TickStats } from './tick-metrics';
import { startZoneLoop } from './zone-loop';

// fake timers fake Date.now too, so this clock follows vi.advanceTimersByTime
const clock: Clock = { ms: () => Date.now(), now: () => new Date() };
const log = createLog('loop-test', 'silent');

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('startZoneLoop', () => {
  it('steps TICK_HZ times a second', () => {
    let ticks = 0;
    const stop = startZoneLoop({ id: 'z', step: () => void ticks++ }, clock, log);
    vi.advanceTimersByTime(1000);
    expect(ticks).toBe(TICK_HZ);
    stop();
    vi.advanceTimersByTime(1000);
    expect(ticks).toBe(TICK_HZ);
  });

  it('does not drift when each step takes real time', () => {
    let ticks = 0;
    const slowStep = () => {
      ticks++;
      vi.setSystemTime(Date.now() + 20); // a 20 ms tick: a naive setTimeout(50) loop would fall to ~14 Hz
    };
    const start = Date.now();
    const stop = startZoneLoop({ id: 'z', step: slowStep }, clock, log);
    vi.advanceTimersByTime(2000);
    stop();
    const expected = (Date.now() - start) / TICK_MS;
    expect(Math.abs(ticks - expected)).toBeLessThanOrEqual(1);
  });

  it('after a long stall runs a few catch-up ticks, then skips ahead', () => {
    let ticks = 0;
    const stop = startZoneLoop({ id: 'z', step: () => void ticks++ }, clock, log);
    vi.advanceTimersByTime(100);
    const before = ticks;
    vi.setSystemTime(Date.now() + 10_000); // the process was suspended for 10 s
    vi.advanceTimersByTime(50);
    stop();
    expect(ticks - before).toBeLessThanOrEqual(6);
  });

  it('records every step in its tick stats and counts the ticks it skipped', () => {
    const stats = new TickStats();
    let ticks = 0;
    const stop = startZoneLoop({ id: 'z', step: () => void ticks++ }, clock, log, stats);
    vi.advanceTimersByTime(1000);
    expect(stats.ticks).toBe(ticks);
    expect(stats.summary().samples).toBe(ticks);
    vi.setSystemTime(Date.now() + 10_000);
    vi.advanceTimersByTime(50);
    stop();
    expect(stats.ticks).toBe(ticks);
    // 10 s behind at 20 Hz: 5 catch-up ticks ran, the other ~195 were dropped
    expect(stats.summary().skipped).toBeGreaterThan(150);
  });
});
