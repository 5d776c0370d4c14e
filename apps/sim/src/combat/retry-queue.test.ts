import { describe, expect, it } from 'vitest';
import { FakeClock, createLog } from '@necp/game';
import { RetryQueue } from './retry-queue';

const flush = () => new Promise((r) => setImmediate(r));

describe('RetryQueue', () => {
  it('retries a failing job after each delay on the clock, then gives up', async () => {
    const clock = new FakeClock();
    const q = new RetryQueue(clock, createLog('t', 'silent'), [1000, 2000]);
    let calls = 0;
    q.submit('always fails', async () => {
      calls++;
      throw new Error('db down');
    });
    await q.idle();
    expect(calls).toBe(1);
    q.tick(clock.ms() + 999);
    await q.idle();
    expect(calls).toBe(1);
    clock.advance(1000);
    q.tick(clock.ms());
    await q.idle();
    expect(calls).toBe(2);
    clock.advance(2000);
    q.tick(clock.ms());
    await q.idle();
    expect(calls).toBe(3);
    // out of delays: nothing is waiting any more
    expect(q.waiting).toBe(0);
    clock.advance(60_000);
    q.tick(clock.ms());
    await flush();
    expect(calls).toBe(3);
  });

  it('stops retrying once the job succeeds', async () => {
    const clock = new FakeClock();
    const q = new RetryQueue(clock, createLog('t', 'silent'), [1000, 1000, 1000]);
    let calls = 0;
    q.submit('fails once', async () => {
      calls++;
      if (calls === 1) throw new Error('blip');
    });
    await q.idle();
    clock.advance(1000);
    q.tick(clock.ms());
    await q.idle();
    expect(calls).toBe(2);
    expect(q.waiting).toBe(0);
  });
});
