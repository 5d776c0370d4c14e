import { describe, expect, it } from 'vitest';
import { DomainError, FakeClock, createLog } from '@necp/game';
import { RetryQueue } from './retry-queue';

const flush = () => new Promise((r) => setImmediate(r));

describe('RetryQueue', () => {
  it('retries a failing job after each delay on the clock, then at the last delay, never giving up', async () => {
    const clock = new FakeClock();
    const q = new RetryQueue(clock, createLog('t', 'silent'), [1000, 2000]);
    let calls = 0;
    let failing = true;
    q.submit('fails for a while', async () => {
      calls++;
      if (failing) throw new Error('db down');
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
    // past the schedule: still waiting, every 2 s
    for (let i = 4; i <= 10; i++) {
      expect(q.waiting).toBe(1);
      clock.advance(1999);
      q.tick(clock.ms());
      await flush();
      expect(calls).toBe(i - 1);
      clock.advance(1);
      q.tick(clock.ms());
      await q.idle();
      expect(calls).toBe(i);
    }
    failing = false;
    clock.advance(2000);
    q.tick(clock.ms());
    await q.idle();
    expect(calls).toBe(11);
    expect(q.waiting).toBe(0);
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

  it('does not retry a domain refusal: the same job would get the same answer', async () => {
    const clock = new FakeClock();
    const q = new RetryQueue(clock, createLog('t', 'silent'), [1000]);
    let calls = 0;
    q.submit('refused', async () => {
      calls++;
      throw new DomainError('NOT_FOUND', 'character gone');
    });
    await q.idle();
    expect(calls).toBe(1);
    expect(q.waiting).toBe(0);
  });

  it('flush (shutdown) tries every waiting job once more now', async () => {
    const clock = new FakeClock();
    const q = new RetryQueue(clock, createLog('t', 'silent'), [60_000]);
    const calls: string[] = [];
    let failing = true;
    for (const label of ['a', 'b'])
      q.submit(label, async () => {
        calls.push(label);
        if (failing) throw new Error('blip');
      });
    await q.idle();
    expect(q.waiting).toBe(2);
    failing = false;
    await q.flush();
    expect(calls).toEqual(['a', 'b', 'a', 'b']);
    expect(q.waiting).toBe(0);
  });
});
