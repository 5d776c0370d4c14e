import { describe, expect, it } from 'vitest';
import { INTERP_DELAY_MS } from './interpolation-buffer';
import { TickClock } from './view-tick';

describe('TickClock', () => {
  it('puts the view INTERP_DELAY_MS behind the newest snapshot', () => {
    const c = new TickClock(50);
    c.observe(1000, 10_000);
    // right when tick 1000 arrived, the screen shows what arrived 100 ms earlier: 2 ticks back
    expect(c.viewTick(10_000)).toBe(1000 - INTERP_DELAY_MS / 50);
    // time passes without a new snapshot: the view advances with it
    expect(c.viewTick(10_100)).toBe(1000);
  });

  it('follows newer snapshots and ignores older ones', () => {
    const c = new TickClock(50);
    c.observe(1000, 10_000);
    c.observe(1001, 10_050);
    c.observe(999, 10_060);
    expect(c.viewTick(10_150)).toBe(1001);
  });

  it('is 0 before any snapshot and never negative', () => {
    const c = new TickClock(50);
    expect(c.viewTick(5000)).toBe(0);
    c.observe(1, 0);
    expect(c.viewTick(0)).toBe(0);
  });

  it('stamps a burst of late frames with their even arrival times, not the burst instant', () => {
    const c = new TickClock(50);
    c.observe(100, 5000);
    c.observe(101, 5050);
    // a 300 ms stall: ticks 102..107 arrive together
    for (let t = 102; t <= 107; t++) c.observe(t, 5350);
    expect([102, 105, 107].map((t) => c.arrivalOf(t))).toEqual([5100, 5250, 5350]);
  });

  it('follows a lasting rise in latency', () => {
    const c = new TickClock(50);
    c.observe(0, 0);
    for (let t = 1; t <= 400; t++) c.observe(t, t * 50 + 200);
    expect(c.arrivalOf(400)).toBe(400 * 50 + 200);
  });

  it('adapts the delay to frames every 2nd tick with jitter, slowly, so the drawn time never runs back', () => {
    const c = new TickClock(50);
    let drawn = -Infinity;
    let now = 0;
    for (let t = 0; t <= 200; t += 2) {
      // a frame every 100 ms, up to 30 ms late
      const arrive = t * 50 + 20 + ((t * 7) % 31);
      for (; now < arrive; now += 16) {
        const at = now - c.delayMs(now);
        expect(at).toBeGreaterThanOrEqual(drawn);
        drawn = at;
      }
      c.observe(t, arrive);
    }
    expect(c.intervalMs).toBe(100);
    // gap 100 + lateness ≤ 30 + margin 15: a newer sample is always there
    expect(c.delayMs(now)).toBeGreaterThan(125);
    expect(c.delayMs(now)).toBeLessThanOrEqual(145);
  });

  it('keeps the least delay on a steady 20 Hz stream', () => {
    const c = new TickClock(50);
    for (let t = 0; t <= 100; t++) {
      c.observe(t, t * 50 + 20);
      c.delayMs(t * 50 + 20);
    }
    expect(c.delayMs(5100)).toBe(INTERP_DELAY_MS);
  });
});
