import { describe, expect, it } from 'vitest';
import { percentile } from '../stats';
import { BUCKETS, Histogram, bucketOf, bucketTop, mergeByName } from './histogram';

describe('Histogram', () => {
  it('buckets 0.1 ms to 100 ms, 1 ms to 10 s, 10 ms to 60 s', () => {
    expect(bucketOf(-3)).toBe(0);
    expect(bucketOf(0.05)).toBe(0);
    expect(bucketTop(bucketOf(0.05))).toBeCloseTo(0.1);
    expect(bucketTop(bucketOf(42.37))).toBeCloseTo(42.4);
    expect(bucketTop(bucketOf(99.99))).toBeCloseTo(100);
    expect(bucketTop(bucketOf(100))).toBe(101);
    expect(bucketTop(bucketOf(4_321.5))).toBe(4_322);
    expect(bucketTop(bucketOf(12_345))).toBe(12_350);
    expect(bucketOf(60_000)).toBe(BUCKETS - 1);
    expect(bucketTop(BUCKETS - 1)).toBe(Infinity);
    // edges rise with the bucket
    for (let b = 1; b < BUCKETS; b++) expect(bucketTop(b)).toBeGreaterThan(bucketTop(b - 1));
  });

  it('reads percentiles within one bucket of the exact nearest rank', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => ((i * 7919) % 10_000) / 20); // 0..500 ms
    const h = new Histogram();
    for (const v of values) h.record(v);
    for (const p of [50, 95, 99, 100]) {
      const exact = percentile(values, p);
      expect(h.percentile(p)).toBeGreaterThanOrEqual(exact);
      expect(h.percentile(p) - exact).toBeLessThanOrEqual(1);
    }
    expect(h.count).toBe(10_000);
    expect(h.max).toBe(Math.max(...values));
    expect(h.mean()).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length);
    expect(new Histogram().percentile(99)).toBe(0);
  });

  it('never reads above the largest value, and merges across threads by name', () => {
    const a = new Histogram();
    a.record(3.01);
    expect(a.percentile(50)).toBe(3.01);
    const b = new Histogram();
    b.record(250);
    b.record(7);
    const merged = mergeByName([{ x: a.data() }, { x: b.data(), y: b.data() }]);
    expect(merged.get('x')?.count).toBe(3);
    expect(merged.get('x')?.percentile(50)).toBeCloseTo(7.1); // 7 ms: the bucket [7, 7.1)
    expect(merged.get('x')?.max).toBe(250);
    expect(merged.get('y')?.count).toBe(2);
  });
});
