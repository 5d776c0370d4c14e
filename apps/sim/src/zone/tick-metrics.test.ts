import { describe, expect, it } from 'vitest';
import { TickMetrics, TickStats, percentile } from './tick-metrics';

describe('percentile', () => {
  it('is the nearest-rank value of sorted samples', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile(sorted, 0)).toBe(1);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });
});

describe('TickStats', () => {
  it('summarises every recorded tick regardless of arrival order', () => {
    const s = new TickStats(1000);
    // 1..200 shuffled deterministically: the summary must not depend on order
    for (let i = 0; i < 200; i++) s.record(((i * 37) % 200) + 1);
    const sum = s.summary();
    expect(sum).toMatchObject({ ticks: 200, samples: 200, p50: 100, p99: 198, max: 200 });
    expect(sum.mean).toBeCloseTo(100.5);
  });

  it('with `since`, covers only the ticks recorded after a reader looked', () => {
    const s = new TickStats(1000);
    for (let i = 0; i < 50; i++) s.record(100); // before the window: slow ticks
    const mark = s.summary().ticks;
    for (let i = 0; i < 10; i++) s.record(i + 1); // the window: 1..10
    expect(s.summary(mark)).toMatchObject({ ticks: 60, samples: 10, p50: 5, max: 10 });
    expect(s.summary().max).toBe(100);
  });

  it('keeps only the newest `capacity` samples once the ring wraps', () => {
    const s = new TickStats(8);
    for (let i = 1; i <= 20; i++) s.record(i);
    const sum = s.summary();
    expect(sum.ticks).toBe(20);
    expect(sum.samples).toBe(8); // 13..20
    expect(sum.max).toBe(20);
    expect(percentile([13, 14, 15, 16, 17, 18, 19, 20], 50)).toBe(sum.p50);
    // a window older than the ring is clamped to what is kept
    expect(s.summary(2).samples).toBe(8);
  });

  it('reports zeros before the first tick and counts skipped ticks', () => {
    const s = new TickStats();
    expect(s.summary()).toEqual({
      ticks: 0,
      samples: 0,
      p50: 0,
      p99: 0,
      max: 0,
      mean: 0,
      skipped: 0,
    });
    s.skipped(3);
    expect(s.summary().skipped).toBe(3);
  });
});

describe('TickMetrics', () => {
  it('keeps one TickStats per zone', () => {
    const m = new TickMetrics();
    m.zone('a').record(1);
    m.zone('a').record(2);
    m.zone('b').record(5);
    expect(m.get('a')?.ticks).toBe(2);
    expect(m.get('b')?.summary().max).toBe(5);
    expect(m.get('c')).toBeUndefined();
  });
});
