import { describe, expect, it } from 'vitest';
import { AckLatency } from './ack-latency';
import { mean, percentile } from './stats';

describe('AckLatency', () => {
  it('times each input to the first snapshot whose ack reaches its seq', () => {
    const l = new AckLatency();
    l.sent(1, 0);
    l.sent(2, 100);
    l.sent(3, 200);
    expect(l.acked(0, 40)).toEqual([]); // an older ack settles nothing
    expect(l.acked(2, 150)).toEqual([150, 50]);
    expect(l.acked(2, 200)).toEqual([]); // seq 2 was already settled by the first snapshot
    expect(l.pending).toBe(1);
    expect(l.acked(5, 260)).toEqual([60]);
    expect(l.pending).toBe(0);
  });

  it('continues numbering after the welcome (seqs need not start at 1) and stays small', () => {
    const l = new AckLatency();
    const out: number[] = [];
    for (let s = 1_001; s <= 6_000; s++) {
      l.sent(s, s * 10);
      out.push(...l.acked(s - 1, s * 10 + 5));
    }
    out.push(...l.acked(6_000, 60_020));
    expect(out).toHaveLength(5_000);
    expect(out.slice(0, -1).every((ms) => ms === 15)).toBe(true);
    expect(out.at(-1)).toBe(20);
    expect(l.pending).toBe(0);
  });
});

describe('percentile', () => {
  it('is the nearest rank', () => {
    const v = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
    expect(percentile(v, 50)).toBe(50);
    expect(percentile(v, 99)).toBe(99);
    expect(percentile(v, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBe(0);
    expect(mean([1, 2, 3])).toBe(2);
  });
});
