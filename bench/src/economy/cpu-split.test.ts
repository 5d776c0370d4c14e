import { describe, expect, it } from 'vitest';
import { cpuPerOperation, startCpuSplit } from './cpu-split';

describe('a paced phase’s CPU split', () => {
  it('counts the calling process’s own CPU over the window, in ms', () => {
    const stop = startCpuSplit();
    // busy until this thread has used 60 ms of CPU, however busy the machine is
    const own0 = process.cpuUsage();
    let x = 0;
    while (process.cpuUsage(own0).user < 60_000) x += Math.sqrt(x + 1);
    const split = stop();
    expect(x).toBeGreaterThan(0);
    // ms, not µs: at least what the loop used, nowhere near a thousand times it
    expect(split.nodeMs).toBeGreaterThanOrEqual(60);
    expect(split.nodeMs).toBeLessThan(6_000);
  });

  it('says what an operation cost the machine, the process and PostgreSQL', () => {
    expect(
      cpuPerOperation({
        ops: 3_000,
        seconds: 10,
        busyCores: 1.77,
        cpu: { nodeMs: 6_400, postgresMs: 7_500 },
      }),
    ).toBe(
      "CPU an operation: 5.90 ms of the machine's — the calling process 2.13, PostgreSQL 2.50.",
    );
  });
});
