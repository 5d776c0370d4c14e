import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLog } from '@necp/game';
import { repeat } from './repeat';

describe('repeat', () => {
  const log = createLog('repeat-test', 'silent');
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs every period, and a slow run delays the next instead of overlapping it', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const loop = repeat(
      100,
      async () => {
        runs++;
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, 350)); // outlasts three periods
        running--;
      },
      { log, what: 'slow work' },
    );
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(340);
    expect(runs).toBe(1); // still the first run: nothing stacked behind it
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(most).toBe(1);
    const stopped = loop.stop(); // waits for the run in progress: let its sleep end
    await vi.advanceTimersByTimeAsync(350);
    await stopped;
  });

  it('logs a failing run and keeps going', async () => {
    const errors: string[] = [];
    const spy = vi.spyOn(log, 'error').mockImplementation(((_o: unknown, msg: string) => {
      errors.push(msg);
    }) as never);
    let runs = 0;
    const loop = repeat(
      50,
      () => {
        runs++;
        if (runs === 1) throw new Error('boom');
        return Promise.reject(new Error('async boom'));
      },
      { log, what: 'the sweep' },
    );
    await vi.advanceTimersByTimeAsync(160);
    expect(runs).toBe(3);
    expect(errors).toEqual(['the sweep failed', 'the sweep failed', 'the sweep failed']);
    await loop.stop();
    spy.mockRestore();
  });

  it('stop waits for the run in progress, and nothing runs after it', async () => {
    let finished = false;
    let runs = 0;
    const loop = repeat(
      10,
      async () => {
        runs++;
        await new Promise((r) => setTimeout(r, 100));
        finished = true;
      },
      { log, what: 'work' },
    );
    await vi.advanceTimersByTimeAsync(20);
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(50);
    expect(stopped).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    await stopping;
    expect(finished).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(1);
  });

  it('a period of 0 never runs', async () => {
    const run = vi.fn();
    const loop = repeat(0, run, { log, what: 'off' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).not.toHaveBeenCalled();
    await loop.stop();
  });
});
