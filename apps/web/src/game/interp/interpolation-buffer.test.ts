import { describe, expect, it } from 'vitest';
import { InterpolationBuffer } from './interpolation-buffer';

describe('InterpolationBuffer', () => {
  it('renders between the two samples around now - delay', () => {
    const b = new InterpolationBuffer({ x: 0, y: 0 }, 1000);
    b.push({ x: 1, y: 0 }, 1050);
    b.push({ x: 2, y: 0 }, 1100);
    expect(b.sample(1175, 100).x).toBeCloseTo(1.5);
  });

  it('holds the newest sample rather than guessing ahead', () => {
    const b = new InterpolationBuffer({ x: 0, y: 0 }, 1000);
    b.push({ x: 5, y: 5 }, 1050);
    expect(b.sample(2000, 100)).toEqual({ x: 5, y: 5 });
    expect(b.latest()).toEqual({ x: 5, y: 5 });
  });

  it('starts moving smoothly after standing still for a while', () => {
    const b = new InterpolationBuffer({ x: 0, y: 0 }, 0, 50);
    b.push({ x: 0.3, y: 0 }, 5000); // first move after 5 s of silence
    // 100 ms later we render t=5000: exactly the new sample; 50 ms earlier, still at rest
    expect(b.sample(5050, 100).x).toBeCloseTo(0);
    expect(b.sample(5075, 100).x).toBeCloseTo(0.15);
  });

  it("renders with the pacing's delay and restarts by its interval", () => {
    const pacing = { intervalMs: 100, renderAt: (now: number) => now - 150 };
    const b = new InterpolationBuffer({ x: 0, y: 0 }, 1000, pacing);
    b.push({ x: 1, y: 0 }, 1100);
    b.push({ x: 2, y: 0 }, 1200);
    expect(b.sample(1300).x).toBeCloseTo(1.5);
  });
});
