// vitest globalSetup: one migrated test database per test run, shared by all test
// files (each test makes its own data with unique names, so files can run in parallel).
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { createTestDatabase, type TestDatabase } from './database';

let testDb: TestDatabase | undefined;

export async function setup(project: TestProject) {
  testDb = await createTestDatabase(`necp_test_${process.pid}`);
  // the fuzz suites (api, sim) each get a database of their own: they assert that
  // no table changed, which other test files writing in parallel would spoil
  project.provide('fuzzDatabaseUrls', {
    api: await testDb.clone(`necp_test_${process.pid}_fuzz_api`),
    sim: await testDb.clone(`necp_test_${process.pid}_fuzz_sim`),
  });
  project.provide('databaseUrl', testDb.url);
  process.env.TEST_DATABASE_URL = testDb.url;
}

export async function teardown() {
  await testDb?.drop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    /** isolated copies of the test database for the fuzz suites */
    fuzzDatabaseUrls: { api: string; sim: string };
  }
}
