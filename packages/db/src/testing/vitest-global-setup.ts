// vitest globalSetup: one migrated test database per test run, shared by all test
// files (each test makes its own data with unique names, so files can run in parallel).
import type { TestProject } from 'vitest/node';
import { createTestDatabase, type TestDatabase } from './database';
import type { RunDatabaseUrls } from './run-databases';

/**
 * Test files that drain the outbox: a drain delivers every due event it finds to
 * the subscribers it was given, so one running on the shared database would
 * publish other files' events past their real subscribers (and theirs past its
 * own). Each of them gets a copy of its own.
 */
export const OUTBOX_TEST_DATABASES = [
  'gameOutbox',
  'gameOutboxRetries',
  'gameOutboxSaturation',
  'gameOutboxEnqueue',
  'gameQuestsExactlyOnce',
  'gameAchievementsExactlyOnce',
  'simOutboxWiring',
  'simLiveWorker',
  'simWorker',
  'simGuildChat',
  'simNotifications',
  'simTitles',
  // the leaderboards rank every character of a database: these files need their own
  'gameLeaderboards',
  'gameLeaderboardsUpdates',
  'apiLeaderboards',
  // a season's end ranks every character and opens the next season for the whole database
  'gameSeasons',
  // guild renown: credits and ends seasons for the whole database, ranks every guild
  'gameRenown',
] as const;

let testDb: TestDatabase | undefined;

export async function setup(project: TestProject) {
  if (!project.isRootProject()) return;
  testDb = await createTestDatabase(`necp_test_${process.pid}`);
  // copied, never connected to: the files that need a whole database of their own
  // (the sim's cluster and crash tests) copy it (copyTestDatabase) instead of migrating
  project.provide('templateDatabaseUrl', await testDb.clone(`necp_test_${process.pid}_template`));
  // the fuzz suites (api, sim) each get a database of their own: they assert that
  // no table changed, which other test files writing in parallel would spoil
  project.provide('fuzzDatabaseUrls', {
    api: await testDb.clone(`necp_test_${process.pid}_fuzz_api`),
    sim: await testDb.clone(`necp_test_${process.pid}_fuzz_sim`),
  });
  const outbox: RunDatabaseUrls['outboxDatabaseUrls'] = {};
  for (const name of OUTBOX_TEST_DATABASES)
    outbox[name] = await testDb.clone(`necp_test_${process.pid}_${name.toLowerCase()}`);
  project.provide('outboxDatabaseUrls', outbox);
  project.provide('databaseUrl', testDb.url);
  process.env.TEST_DATABASE_URL = testDb.url;
}

export async function teardown() {
  await testDb?.drop();
}
