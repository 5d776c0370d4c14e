import { describe, expect, it } from 'vitest';
import { DomainError } from '@necp/game';
import { Recorder } from './measure';

describe('the recorder across processes', () => {
  it('absorbs another process’s calls: counts, outcomes, refusals and the first failure', async () => {
    const a = new Recorder();
    const b = new Recorder();
    await a.call('order', async () => 1);
    await a.call('bid', async () => {
      throw new DomainError('CONFLICT', 'outbid', 'The least bid now is 120 eddies.');
    });
    await b.call('bid', async () => {
      throw new DomainError('CONFLICT', 'outbid', 'The least bid now is 140 eddies.');
    });
    await b.call('order', async () => {
      throw new Error('boom');
    });
    await b.call('cancel', async () => 2);
    // the dump crosses a pipe as JSON
    a.absorb(JSON.parse(JSON.stringify(b.dump())));
    const s = a.stats();
    expect(s.order).toMatchObject({ calls: 2, ok: 1, refused: 0, failed: 1, firstFailure: 'boom' });
    expect(s.bid).toMatchObject({
      calls: 2,
      refused: 2,
      reasons: { 'The least bid now is N eddies.': 2 },
    });
    expect(s.cancel).toMatchObject({ calls: 1, ok: 1 });
    expect(a.all().calls).toBe(5);
  });
});

describe('the recorder over time', () => {
  it('p99 by the second a call was sent: a slow call counts in the second it was sent', async () => {
    const r = new Recorder();
    const from = performance.now();
    await r.call('order', async () => {});
    await new Promise((ok) => setTimeout(ok, 1_050));
    // sent in the second second, answered after 120 ms
    await r.call('order', () => new Promise((ok) => setTimeout(ok, 120)));
    const p99 = r.p99BySecond(from);
    expect(p99).toHaveLength(2);
    expect(p99[0]).toBeLessThan(50);
    expect(p99[1]).toBeGreaterThanOrEqual(110);
    expect(new Recorder().p99BySecond(from)).toEqual([]);
    // without the first second: the slow call alone
    expect(r.p99After(from, 1_000)).toBeGreaterThanOrEqual(110);
    expect(r.p99After(from, 5_000)).toBe(0);
  });
});
