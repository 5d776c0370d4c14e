/**
 * Where the bench databases live: the PostgreSQL at DATABASE_URL, or an embedded
 * PostgreSQL of the bench's own (.data/pg-bench, port 54331 — not the test suite's,
 * so a bench never stops a test run's server). Each run gets a fresh database beside
 * it, migrated and seeded like the test databases (createTestDatabase).
 */
import path from 'node:path';
import { startEmbeddedPostgres } from '@necp/db/embedded';
import { createTestDatabase, type TestDatabase } from '@necp/db/testing';

const EMBEDDED_PORT = 54331;

export interface BenchPostgres {
  /** a fresh, migrated and seeded database named `name` (dropped by its `drop()`) */
  database(name: string): Promise<TestDatabase>;
  stop(): Promise<void>;
}

export async function benchPostgres(
  root: string,
  log: (m: string) => void,
): Promise<BenchPostgres> {
  let stop = async () => {};
  if (!process.env.DATABASE_URL) {
    log(`no DATABASE_URL: starting an embedded PostgreSQL on 127.0.0.1:${EMBEDDED_PORT}`);
    const e = await startEmbeddedPostgres({
      dataDir: path.join(root, '.data', 'pg-bench'),
      port: EMBEDDED_PORT,
      database: 'postgres',
      log,
    });
    // createTestDatabase creates its databases beside DATABASE_URL
    process.env.DATABASE_URL = e.url;
    stop = async () => {
      delete process.env.DATABASE_URL;
      await e.stop();
    };
  }
  return { database: (name) => createTestDatabase(name), stop: () => stop() };
}
