import { describe, expect, it } from 'vitest';
import { MAX_INPUT_MS, MOVE_BUDGET_CAP_MS } from '@necp/shared';
import { splitElapsed } from './input-sampler';

describe('splitElapsed', () => {
  it('keeps a normal sample as one input', () => {
    expect(splitElapsed(50.4, 1, 0)).toEqual([{ dx: 1, dy: 0, ms: 50 }]);
  });

  it('splits long gaps into inputs of at most MAX_INPUT_MS', () => {
    const chunks = splitElapsed(230, 0, -1);
    expect(chunks.map((c) => c.ms)).toEqual([100, 100, 30]);
    expect(chunks.every((c) => c.ms <= MAX_INPUT_MS && Number.isInteger(c.ms))).toBe(true);
  });

  it('never claims more than the server would bank after a stall', () => {
    const total = splitElapsed(1000, 1, 1).reduce((s, c) => s + c.ms, 0);
    expect(total).toBe(MOVE_BUDGET_CAP_MS);
  });

  it('claims nothing for no time', () => {
    expect(splitElapsed(0.2, 1, 0)).toEqual([]);
  });
});
