import { describe, expect, it } from 'vitest';
import { coalesced } from './wake-drain';

describe('coalesced (the listener queues one drain at a time)', () => {
  it('runs at once when idle; calls while it runs make exactly one more run after it', async () => {
    const runs: number[] = [];
    let finish: (() => void) | undefined;
    const wake = coalesced(
      () =>
        new Promise<void>((resolve) => {
          runs.push(runs.length + 1);
          finish = resolve;
        }),
      () => undefined,
    );
    wake();
    expect(runs).toEqual([1]);
    // three notifications while the first add_job is on its way: one more, after it
    wake();
    wake();
    wake();
    expect(runs).toEqual([1]);
    finish!();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toEqual([1, 2]);
    finish!();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toEqual([1, 2]);
    // idle again: the next call runs at once
    wake();
    expect(runs).toEqual([1, 2, 3]);
    finish!();
  });

  it('a failed run is reported and does not stop the next', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const wake = coalesced(
      () => (++calls === 1 ? Promise.reject(new Error('database away')) : Promise.resolve()),
      (e) => errors.push(e),
    );
    wake();
    await new Promise((r) => setTimeout(r, 0));
    wake();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
  });

  it('with a gap: calls in the gap after a run make one run after it; idle, a call runs at once', async () => {
    const at: number[] = [];
    const t0 = Date.now();
    const wake = coalesced(
      async () => void at.push(Date.now() - t0),
      () => undefined,
      80,
    );
    wake();
    expect(at).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 20));
    // in the gap: nothing yet, then one run once it is over
    wake();
    wake();
    expect(at).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 120));
    expect(at).toHaveLength(2);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(75);
    // that run's own gap passes with no call: idle again, the next call runs at once
    await new Promise((r) => setTimeout(r, 120));
    wake();
    expect(at).toHaveLength(3);
  });
});
