import { describe, expect, it } from 'vitest';
import { watchCpuMs } from './machine';
import { testDb } from '@necp/db/testing/run';

describe('watchCpuMs (the CPU of the database servers beside a bench)', () => {
  it('keeps what a PostgreSQL backend used when it ends within the window', async () => {
    const stop = watchCpuMs(['postgres']);
    const db = testDb(1);
    // a few hundred ms of one backend's CPU, then its connection closed: the backend ends
    await db.$queryRaw`SELECT count(*)::int AS "n" FROM generate_series(1, 5000000)`;
    await new Promise((r) => setTimeout(r, 450));
    await db.$disconnect();
    await new Promise((r) => setTimeout(r, 300));
    expect(stop()).toBeGreaterThan(100);
  });
});
