import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createDb } from './client';
import { poolOf, readRows } from './read-rows';
import { pgConfigFromUrl } from './url';
import { testDatabaseUrl } from './testing/run-databases';

const url = testDatabaseUrl();
const one = { name: 'necp_client_test_pid', text: 'SELECT pg_backend_pid() AS "pid"', values: [] };
const pidOf = async (db: ReturnType<typeof createDb>) =>
  ((await readRows(db, one))[0] as { pid: number }).pid;

describe('createDb', () => {
  it('outlives the server ending an idle connection of a client Prisma never used', async () => {
    const db = createDb(url, { max: 1 });
    try {
      const pid = await pidOf(db);
      // the connection idles in the pool; the server ends it (as a restart would)
      const admin = new pg.Client(pgConfigFromUrl(url));
      await admin.connect();
      try {
        await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      } finally {
        await admin.end();
      }
      // the pool heard it (an 'error' nobody listened to ended the process) and opens another
      await expect.poll(() => poolOf(db)!.totalCount).toBe(0);
      expect(await pidOf(db)).not.toBe(pid);
    } finally {
      await db.$disconnect();
    }
  });

  it('$disconnect ends the pool even when Prisma never connected', async () => {
    const db = createDb(url, { max: 1 });
    await pidOf(db);
    await db.$disconnect();
    expect(poolOf(db)!.ended).toBe(true);
  });

  it('$disconnect ends the pool after Prisma has used it', async () => {
    const db = createDb(url, { max: 1 });
    await db.$queryRaw`SELECT 1`;
    await db.$disconnect();
    expect(poolOf(db)!.ended).toBe(true);
  });
});
