import { describe, expect, it } from 'vitest';
import { renderEconomyResults, type EconomyReport } from './report';

const machine = { cpu: 'Test CPU', cores: 2, memoryGb: 8, os: 'Linux', node: 'v22' };
const calls = {
  order: { calls: 3000, ok: 3000, refused: 0, failed: 0, p50: 20, p99: 90, max: 120, reasons: {} },
};

const report = (
  cpu?: { nodeMs: number; postgresMs: number },
  speed: EconomyReport['speed'] = [],
): EconomyReport => ({
  machine,
  speed,
  command: 'pnpm bench:economy',
  when: new Date('2026-11-30T05:00:00Z'),
  phases: [
    {
      result: {
        name: 'paced 300/s',
        ops: 3000,
        seconds: 10,
        fills: 0,
        calls,
        all: { p50: 20, p99: 90, calls: 3000 },
        busyCores: 1.77,
        ...(cpu ? { cpu } : {}),
      },
      busyCores: 1.9,
    },
  ],
  rateHeld: {
    search: {
      probes: [
        {
          rate: 300,
          p99Steady: 140,
          p99All: 160,
          busyCores: 1.77,
          sentSeconds: 10,
          seconds: 10,
          cpuMsPerOp: 5.9,
        },
        { rate: 500, p99Steady: 900, p99All: 1200, busyCores: 1.95, sentSeconds: 10, seconds: 12 },
      ],
      held: 300,
      failed: 500,
    },
    targetMs: 150,
    rate: 500,
    seconds: 10,
  },
  checks: [],
  fallbacks: new Map(),
});

describe('the economy results section', () => {
  it('says what an operation cost in CPU, in a paced phase and at each rate probed', () => {
    const text = renderEconomyResults(report({ nodeMs: 6_400, postgresMs: 7_500 }));
    expect(text).toContain(
      "1.77 cores busy on average. CPU an operation: 5.90 ms of the machine's — the calling process 2.13, PostgreSQL 2.50.",
    );
    expect(text).toContain('| 300 | 140.0 | 160.0 | 1.77 | 5.90 | yes |');
    // a probe whose CPU was not counted shows a dash, not a made-up figure
    expect(text).toContain('| 500 | 900.0 | 1200.0 | 1.95 | – | no |');
  });

  it('leaves the CPU out of a phase that did not count it', () => {
    expect(renderEconomyResults(report())).not.toContain('CPU an operation');
  });

  it("says the machine's speed where the run read it, and nothing when it did not", () => {
    const text = renderEconomyResults(
      report(undefined, [
        { at: 'at the start', ms: 481.4 },
        { at: 'at the end', ms: 950.2 },
      ]),
    );
    expect(text).toMatch(
      /The machine's speed \(200,000 chained SHA-256 hashes on one thread, its CPU time; lower is faster[^)]*\): 481 ms at the start, 950 ms at the end\./,
    );
    expect(renderEconomyResults(report())).not.toContain("machine's speed");
  });
});
