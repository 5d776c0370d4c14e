import { inject } from 'vitest';
import { createDb, type Db } from '@necp/db';

// Declared by the db package's vitest globalSetup; repeated so this program sees it.
declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** A pooled client of this run's migrated, seeded test database. */
export const testDb = (max = 4): Db => createDb(inject('databaseUrl'), { max });
