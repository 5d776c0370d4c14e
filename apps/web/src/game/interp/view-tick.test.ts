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

  it('stamps frames with their tick, however bunched they arrive', () => {
    const c = new TickClock(50);
    expect(c.observe(100, 5000)).toBe(5000);
    expect(c.observe(101, 5050)).toBe(5050);
    // a 300 ms stall: ticks 102..107 arrive together, still 50 ms apart
    const stamps = [102, 103, 104, 105, 106, 107].map((t) => c.observe(t, 5350));
    expect(stamps).toEqual([5100, 5150, 5200, 5250, 5300, 5350]);
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
        const at = c.renderAt(now);
        expect(at).toBeGreaterThanOrEqual(drawn);
        drawn = at;
      }
      c.observe(t, arrive);
    }
    expect(c.intervalMs).toBe(100);
    // how far behind "now in server time" others are drawn: gap 100 + lateness ≤ 30 + margin
    const behind = now - c.arrivalOf(0) - c.renderAt(now);
    expect(behind).toBeGreaterThan(125);
    expect(behind).toBeLessThanOrEqual(175);
  });

  it('keeps about the least delay on a steady 20 Hz stream', () => {
    const c = new TickClock(50);
    for (let t = 0; t <= 100; t++) {
      c.observe(t, t * 50 + 20);
      c.renderAt(t * 50 + 20);
    }
    expect(5020 - c.arrivalOf(0) - c.renderAt(5020)).toBeCloseTo(INTERP_DELAY_MS, -1);
  });

  it('hops over a quiet span (no frames: nothing changed) instead of lagging behind it', () => {
    const c = new TickClock(50);
    for (let t = 0; t <= 20; t += 2) {
      c.observe(t, t * 50 + 20);
      c.renderAt(t * 50 + 20);
    }
    // 5 s of silence, then frames again
    for (let now = 1020; now < 6020; now += 33) c.renderAt(now);
    c.observe(120, 6020);
    c.observe(122, 6120);
    // drawn a delay behind the new frames at once, not 5 s behind them
    expect(6120 - c.arrivalOf(0) - c.renderAt(6120)).toBeLessThan(200);
  });
});
