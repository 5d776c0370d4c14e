/**
 * The test run's databases as a test file reaches them — the one way, for every package's
 * tests (game, api, sim). The run's global setup (vitest-global-setup.ts) creates them and
 * provides their URLs; this module reads them with vitest's `inject`, so it is for test
 * files only (`@necp/db/testing/run`), not for the bench or the e2e harness.
 */
import { inject, type ProvidedContext } from 'vitest';
import { createDb, type Db } from '../client';
import { copyTestDatabase, type TestDatabase } from './database';

declare module 'vitest' {
  /** What the global setup provides (declared here once). */
  export interface ProvidedContext {
    databaseUrl: string;
    /** a migrated, seeded database to copy, never to connect to */
    templateDatabaseUrl: string;
    /** isolated copies of the test database for the fuzz suites */
    fuzzDatabaseUrls: { api: string; sim: string };
    /** isolated copies of the test database for the files that drain the outbox */
    outboxDatabaseUrls: Record<string, string>;
  }
}

/** The run's database URLs, as the global setup provides them. */
export type RunDatabaseUrls = Pick<
  ProvidedContext,
  'databaseUrl' | 'templateDatabaseUrl' | 'fuzzDatabaseUrls' | 'outboxDatabaseUrls'
>;

/** A pooled client of this run's migrated, seeded test database (each file its own pool). */
export const testDb = (max = 6): Db => createDb(inject('databaseUrl'), { max });

/** A client of a fuzz suite's own copy of the test database. */
export const fuzzTestDb = (suite: keyof RunDatabaseUrls['fuzzDatabaseUrls'], max = 4): Db =>
  createDb(inject('fuzzDatabaseUrls')[suite], { max });

/** A client of this file's own copy of the test database (OUTBOX_TEST_DATABASES), for outbox drains. */
export function outboxTestDb(name: string, max = 6): Db {
  const url = inject('outboxDatabaseUrls')[name];
  if (!url) throw new Error(`no outbox test database ${name} (add it to OUTBOX_TEST_DATABASES)`);
  return createDb(url, { max });
}

/** A database of a test file's own (`name`, unique to the run), migrated and seeded: a copy of the run's template. */
export const ownTestDatabase = (name: string): Promise<TestDatabase> =>
  copyTestDatabase(inject('templateDatabaseUrl'), name);

/** The run's test database URL, for a test that opens its own connection (a listener, a client). */
export const testDatabaseUrl = (): string => inject('databaseUrl');
