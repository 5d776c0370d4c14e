import { describe, expect, it } from 'vitest';
import { FakeClock } from '@necp/game';
import { RateWindow } from './rate-window';

describe('RateWindow', () => {
  it('allows `limit` actions per sliding window and does not count refusals', () => {
    const clock = new FakeClock();
    const w = new RateWindow(clock, 2, 1000);
    expect([w.take(), w.take(), w.take()]).toEqual([true, true, false]);
    clock.advance(999);
    expect(w.take()).toBe(false);
    clock.advance(1);
    expect([w.take(), w.take(), w.take()]).toEqual([true, true, false]);
  });
});
