import { describe, expect, it } from 'vitest';
import type { RunResult } from './result';
import { checkTargets } from './targets';

const run = (bots: number, o: Partial<RunResult>): RunResult => ({
  bots,
  connectedAtEnd: bots,
  ...o,
});
const tick = (p99: number, perSecond = 20, skipped = 0) => ({
  p50: 1,
  p99,
  max: p99,
  mean: 1,
  perSecond,
  skipped,
});

describe('checkTargets', () => {
  it('holds each move run to its own targets, met or not', () => {
    const lines = checkTargets('move', [
      run(200, {
        tick: tick(4.2),
        sim: { cpuPct: 12, loopBusyPct: 0, rssMb: 0, heapMb: 0 },
        bytesIn: { mean: 2400, p99: 3000 },
      }),
      run(1000, { tick: tick(30, 19.9, 3), inputToAck: { p50: 40, p99: 90, samples: 10 } }),
    ]);
    const at = (players: number, target: string) =>
      lines.find((l) => l.players === players && l.target.startsWith(target));
    expect(at(200, 'tick p99')).toMatchObject({ measured: '4.20 ms', met: true });
    expect(at(200, 'sim CPU')).toMatchObject({ measured: '12.0 %', met: false });
    expect(at(200, '≤ 2,500 bytes')).toMatchObject({ met: true });
    // a skipped tick means 20 ticks/s were not held
    expect(at(1000, '20 ticks/s')).toMatchObject({ met: false });
    expect(at(1000, 'input-to-snapshot')).toMatchObject({ measured: '90.0 ms', met: true });
    expect(at(2000, 'report: tick p99')).toMatchObject({
      measured: 'not measured',
      met: undefined,
    });
  });

  it('an idle run short of 10,000 players is reported at the N it reached, not met', () => {
    const lines = checkTargets('idle', [
      run(5000, {
        memory: { rssBeforeMb: 200, rssAtNMb: 250, perConnectionKb: 10 },
        join: { p50: 20, p99: 80, max: 90, samples: 5000 },
      }),
    ]);
    expect(lines).toEqual([
      {
        players: 10000,
        target: '≤ 20 KB per connection',
        measured: '10.0 KB (at 5000 players)',
        met: false,
      },
      {
        players: 10000,
        target: 'join p50 ≤ 50 ms',
        measured: '20.0 ms (at 5000 players)',
        met: false,
      },
    ]);
  });
});
