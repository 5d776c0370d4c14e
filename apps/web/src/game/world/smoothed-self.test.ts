import { describe, expect, it } from 'vitest';
import { SmoothedSelf } from './smoothed-self';

describe('SmoothedSelf', () => {
  it('glides to a new predicted step over one sample interval', () => {
    const s = new SmoothedSelf({ x: 0, y: 0 }, 0);
    s.stepped({ x: 1, y: 0 }, 0);
    expect(s.at(25).x).toBeCloseTo(0.5);
    expect(s.at(60).x).toBeCloseTo(1);
  });

  it('absorbs a small correction without a visible jump, then converges', () => {
    const s = new SmoothedSelf({ x: 10, y: 10 }, 0);
    expect(s.at(100).x).toBeCloseTo(10);
    s.corrected({ x: 10, y: 10 }, { x: 10.5, y: 10 }, false);
    expect(s.at(100).x).toBeCloseTo(10); // same frame time: unchanged
    expect(s.at(1100).x).toBeCloseTo(10.5, 2);
  });

  it('jumps on a snap', () => {
    const s = new SmoothedSelf({ x: 0, y: 0 }, 0);
    s.corrected({ x: 0, y: 0 }, { x: 50, y: 0 }, true);
    expect(s.at(1).x).toBe(50);
  });
});
