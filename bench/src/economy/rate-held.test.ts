import { describe, expect, it } from 'vitest';
import { findRateHeld, nextRate, type RateProbe } from './rate-held';

const run = (rate: number, p99Steady: number, sentSeconds = 10): RateProbe => ({
  rate,
  p99Steady,
  p99All: p99Steady * 2,
  busyCores: 1,
  sentSeconds,
  seconds: 10,
});
const o = { targetMs: 150, seconds: 10, step: 20, maxProbes: 4 };

describe('the rate one process holds', () => {
  it('probes the middle in whole steps, and stops a step apart', () => {
    expect(nextRate(120, 500, 20)).toBe(300);
    expect(nextRate(300, 500, 20)).toBe(400);
    expect(nextRate(0, 120, 20)).toBe(60);
    expect(nextRate(280, 300, 20)).toBeUndefined();
    expect(nextRate(290, 300, 20)).toBeUndefined();
  });

  it('bisects between the rate that held and the one that did not, against a knee', async () => {
    // a machine whose p99 crosses 150 ms at 340/s
    const asked: number[] = [];
    const r = await findRateHeld([run(500, 2600), run(120, 26)], o, async (rate) => {
      asked.push(rate);
      return run(rate, rate <= 340 ? 100 : 900);
    });
    expect(asked).toEqual([300, 400, 340, 360]);
    expect(r).toMatchObject({ held: 340, failed: 360 });
    expect(r.probes.map((p) => p.rate)).toEqual([120, 300, 340, 360, 400, 500]);
  });

  it('does not search when the target’s rate held, and counts a late sender as not held', async () => {
    const none = await findRateHeld([run(500, 140), run(120, 20)], o, () => {
      throw new Error('no probe expected');
    });
    expect(none).toEqual({ probes: [run(120, 20), run(500, 140)], held: 500 });
    const late = await findRateHeld(
      [run(500, 140, 12), run(120, 20)],
      { ...o, maxProbes: 1 },
      (rate) => Promise.resolve(run(rate, 100)),
    );
    expect(late).toMatchObject({ held: 300, failed: 500 });
  });

  it('reads a failure below a rate that held as noise, and starts from 0 when nothing held', async () => {
    const noisy = await findRateHeld([run(500, 900), run(120, 20), run(100, 400)], o, (rate) =>
      Promise.resolve(run(rate, rate <= 420 ? 100 : 900)),
    );
    expect(noisy.held).toBe(420);
    const slow = await findRateHeld(
      [run(500, 900), run(120, 300)],
      { ...o, maxProbes: 3 },
      (rate) => Promise.resolve(run(rate, rate <= 40 ? 100 : 300)),
    );
    expect(slow).toMatchObject({ held: 40, failed: 60 });
  });
});
