import { inject } from 'vitest';
import { createDb, type Db } from '@necp/db';
import { copyTestDatabase, type TestDatabase } from '@necp/db/testing';

// Declared by the db package's vitest globalSetup; repeated so this program sees it.
declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    templateDatabaseUrl: string;
    outboxDatabaseUrls: Record<string, string>;
  }
}

/** A pooled client of this run's migrated, seeded test database. */
export const testDb = (max = 4): Db => createDb(inject('databaseUrl'), { max });

/** A client of this file's own copy of the test database (OUTBOX_TEST_DATABASES), for outbox drains. */
export function outboxTestDb(name: string, max = 4): Db {
  const url = inject('outboxDatabaseUrls')[name];
  if (!url) throw new Error(`no outbox test database ${name} (add it to OUTBOX_TEST_DATABASES)`);
  return createDb(url, { max });
}

/** A database of a test file's own (`name`, unique to the run), migrated and seeded: a copy of the run's template. */
export const ownTestDatabase = (name: string): Promise<TestDatabase> =>
  copyTestDatabase(inject('templateDatabaseUrl'), name);
