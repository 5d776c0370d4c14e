/**
 * Test database lifecycle, used by the root vitest globalSetup and the e2e setup:
 * takes DATABASE_URL (or an embedded PostgreSQL when it is unset), creates a fresh
 * database beside it, migrates it with `prisma migrate deploy` and seeds content.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createDb } from '../client';
import { migrateDeploy } from '../migrate';
import { seedContent } from '../seed-content';
import { pgConfigFromUrl, withDatabase } from '../url';
import { startEmbeddedPostgres } from '../embedded';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export interface TestDatabase {
  url: string;
  /**
   * A copy of this database (migrated and seeded) under `name`, for a test that
   * must see every write (the fuzz suites count every table); dropped with drop().
   * Call it before anything connects to this one (PostgreSQL copies an idle template).
   */
  clone(name: string): Promise<string>;
  drop(): Promise<void>;
}

async function admin(url: string, sql: string): Promise<void> {
  const c = new pg.Client(pgConfigFromUrl(withDatabase(url, 'postgres')));
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export async function createTestDatabase(name: string): Promise<TestDatabase> {
  let base = process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!base) {
    const e = await startEmbeddedPostgres({
      dataDir: path.join(repoRoot, '.data', 'pg-test'),
      port: 54329,
      database: 'postgres',
    });
    base = e.url;
    stopEmbedded = e.stop;
  }
  const url = withDatabase(base, name);
  await admin(base, `drop database if exists "${name}" with (force)`);
  await admin(base, `create database "${name}"`);
  await migrateDeploy(url);
  const db = createDb(url, { max: 2 });
  await seedContent(db);
  await db.$disconnect();
  return handle(base, name, stopEmbedded);
}

/**
 * A fresh database `name` copied from `templateUrl`: a migrated, seeded database that
 * nothing connects to (the test run's template, vitest-global-setup.ts). What
 * createTestDatabase makes, in a fraction of a second instead of a `prisma migrate
 * deploy` and a seed (~6 s of CPU each on the 2-core CI machine).
 */
export async function copyTestDatabase(templateUrl: string, name: string): Promise<TestDatabase> {
  const template = decodeURIComponent(new URL(templateUrl).pathname.slice(1));
  await admin(templateUrl, `drop database if exists "${name}" with (force)`);
  await admin(templateUrl, `create database "${name}" template "${template}"`);
  return handle(templateUrl, name);
}

/** The TestDatabase of database `name` on the server of `base`. */
function handle(base: string, name: string, stopEmbedded?: () => Promise<void>): TestDatabase {
  const clones: string[] = [];
  return {
    url: withDatabase(base, name),
    async clone(cloneName) {
      await admin(base, `drop database if exists "${cloneName}" with (force)`);
      await admin(base, `create database "${cloneName}" template "${name}"`);
      clones.push(cloneName);
      return withDatabase(base, cloneName);
    },
    async drop() {
      for (const c of clones) await admin(base, `drop database if exists "${c}" with (force)`);
      await admin(base, `drop database if exists "${name}" with (force)`);
      await stopEmbedded?.();
    },
  };
}
