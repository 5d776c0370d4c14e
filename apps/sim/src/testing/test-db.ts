// the run's databases: one way for every package's tests (@necp/db/testing/run)
export { outboxTestDb, ownTestDatabase, testDb } from '@necp/db/testing/run';
