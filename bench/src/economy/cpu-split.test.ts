import { describe, expect, inject, it } from 'vitest';
import { createDb } from '@necp/db';
import { cpuPerOperation, startCpuSplit, watchPostgres } from './cpu-split';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

describe('a paced phase’s CPU split', () => {
  it('counts the calling process’s own CPU over the window', () => {
    const stop = startCpuSplit();
    const until = performance.now() + 80;
    let x = 0;
    while (performance.now() < until) x += Math.sqrt(x + 1);
    const split = stop();
    expect(x).toBeGreaterThan(0);
    // 80 ms of a busy loop: most of it on this thread (a busy machine may take some)
    expect(split.nodeMs).toBeGreaterThan(40);
    expect(split.postgresMs).toBeGreaterThanOrEqual(0);
  });

  it('keeps what a PostgreSQL backend used when it ends within the window', async () => {
    const stop = watchPostgres();
    const db = createDb(inject('databaseUrl'), { max: 1 });
    // a few hundred ms of one backend's CPU, then its connection closed: the backend ends
    await db.$queryRaw`SELECT count(*)::int AS "n" FROM generate_series(1, 5000000)`;
    await new Promise((r) => setTimeout(r, 450));
    await db.$disconnect();
    await new Promise((r) => setTimeout(r, 300));
    expect(stop()).toBeGreaterThan(100);
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
