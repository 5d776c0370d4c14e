/**
 * One multi-process cluster test file at a time, across vitest's workers: a file that
 * starts sim processes first takes a PostgreSQL advisory lock on a connection of its own
 * and keeps it until its end (the session ending, a crash included, lets it go). Three
 * such files once met at the end of a run on a 2-core machine: eight processes booting at
 * once, none listening within a minute. The rest of the suite runs on meanwhile; a
 * waiting file only holds its worker.
 */
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { testDatabaseUrl } from '@necp/db/testing/run';

/** any number no other lock of the test database uses */
const CLUSTER_LOCK = 0x6e656370;
/** a file may wait for every other cluster file (each up to a few minutes on a loaded run) */
const WAIT_MS = 30 * 60_000;

/** Registers the hooks; call it at the top of the file, before the hooks that start processes. */
export function oneClusterAtATime(): void {
  let client: pg.Client | undefined;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    await client.query('SELECT pg_advisory_lock($1)', [CLUSTER_LOCK]);
  }, WAIT_MS);
  // hooks after run in reverse order: this one last, after the processes stopped
  afterAll(async () => {
    await client?.end();
  });
}
