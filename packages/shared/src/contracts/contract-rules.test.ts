import { describe, expect, it } from 'vitest';
import { contractArbitrationFee, contractPostFee, settle, weightedRating } from './contract-rules';

describe('settle', () => {
  const taken = { reward: 1000, collateral: 300 };
  it('pays out exactly what the escrow holds, whatever the outcome', () => {
    for (const o of ['confirmed', 'release', 'refund', 'split', 'failed'] as const)
      for (const takerPct of [0, 1, 33, 50, 99, 100]) {
        const s = settle(o, { ...taken, takerPct });
        expect(s.toTaker + s.toPoster).toBe(1300);
      }
    // never taken: the escrow is the reward alone
    for (const o of ['expired', 'cancelled'] as const)
      expect(settle(o, taken)).toMatchObject({ toTaker: 0, toPoster: 1000 });
  });

  it('gives the losing side the fee: the poster on release, the taker on refund, half each on a split', () => {
    const fee = contractArbitrationFee(1000);
    expect(settle('release', taken)).toEqual({
      toTaker: 1300,
      toPoster: 0,
      itemsTo: 'poster',
      feePoster: fee,
      feeTaker: 0,
    });
    expect(settle('refund', taken)).toEqual({
      toTaker: 0,
      toPoster: 1300,
      itemsTo: 'taker',
      feePoster: 0,
      feeTaker: fee,
    });
    expect(settle('split', { ...taken, takerPct: 25 })).toEqual({
      toTaker: 250 + 300,
      toPoster: 750,
      itemsTo: 'poster',
      feePoster: fee / 2,
      feeTaker: fee / 2,
    });
    expect(settle('confirmed', taken)).toMatchObject({ feePoster: 0, feeTaker: 0, toTaker: 1300 });
    expect(settle('failed', taken)).toMatchObject({ toPoster: 1300, itemsTo: 'taker' });
  });

  it('rounds fees up and keeps their minimums', () => {
    expect(contractPostFee(10)).toBe(1);
    expect(contractPostFee(101)).toBe(3);
    expect(contractArbitrationFee(10)).toBe(10);
    expect(contractArbitrationFee(1001)).toBe(51);
  });
});

describe('weightedRating', () => {
  it('weighs each score by its contract’s reward', () => {
    expect(weightedRating([])).toEqual({ score: null, count: 0 });
    expect(
      weightedRating([
        { score: 5, weight: 900 },
        { score: 1, weight: 100 },
      ]),
    ).toEqual({ score: 4.6, count: 2 });
  });
});
