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
});
