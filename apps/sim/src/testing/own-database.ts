/**
 * A database of one test file's own — copied from the run's template before its tests, dropped
 * after — for the crash tests, whose child processes write to it and whose invariant
 * checks read all of it (nothing another suite writes may be in it).
 */
import { afterAll, beforeAll } from 'vitest';
import { createDb, type Db } from '@necp/db';
import type { TestDatabase } from '@necp/db/testing';
import { oneClusterAtATime } from './one-cluster-at-a-time';
import { ownTestDatabase } from './test-db';

const HOOK_MS = 180_000;

export function ownDatabase(name: string, max = 4): { readonly db: Db; readonly url: string } {
  let testDb: TestDatabase | undefined;
  let db: Db | undefined;
  // its users start sim processes on it
  oneClusterAtATime();
  beforeAll(async () => {
    testDb = await ownTestDatabase(`necp_test_${name}_${process.pid}`);
    db = createDb(testDb.url, { max });
  }, HOOK_MS);
  afterAll(async () => {
    await db?.$disconnect();
    await testDb?.drop();
  }, HOOK_MS);
  return {
    get db() {
      if (!db) throw new Error('ownDatabase: used before its beforeAll');
      return db;
    },
    get url() {
      if (!testDb) throw new Error('ownDatabase: used before its beforeAll');
      return testDb.url;
    },
  };
}
