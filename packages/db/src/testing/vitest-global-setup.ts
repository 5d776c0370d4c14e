// vitest globalSetup: one migrated test database per test run, shared by all test
// files (each test makes its own data with unique names, so files can run in parallel).
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { createTestDatabase, type TestDatabase } from './database';

let testDb: TestDatabase | undefined;

export async function setup(project: TestProject) {
  testDb = await createTestDatabase(`necp_test_${process.pid}`);
  project.provide('databaseUrl', testDb.url);
  process.env.TEST_DATABASE_URL = testDb.url;
}

export async function teardown() {
  await testDb?.drop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
