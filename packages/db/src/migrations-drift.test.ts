/**
 * Migration drift check: the hand-written migrations and the schema (prisma/schema.prisma
 * with prisma/models/*.prisma) must build the same database. Why not `prisma migrate diff --from-migrations … --shadow-database-url`:
 * Prisma 6.19 refuses --shadow-database-url (and --from-url) when prisma.config.ts
 * defines an adapter, which this project needs (no engine download, STACK.md); with the
 * adapter's own shadow database the wasm schema engine panics ("unreachable") while
 * introspecting our CHECK constraints. So: the migrations' SQL is applied to one
 * scratch database, Prisma's own SQL for the schema (`migrate diff --from-empty
 * --to-schema-datamodel --script`, no database needed) to another, and their
 * catalogs are compared — every table, column (type, null, default), index, primary,
 * unique and foreign key, and enum. What Prisma cannot express (CHECK constraints,
 * triggers, functions) is not compared; hand-written indexes are listed below.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { pgConfigFromUrl } from './url';

const DB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIGRATIONS = path.join(DB_DIR, 'prisma', 'migrations');
/** the multi-file schema's folder: schema.prisma and models/*.prisma */
const SCHEMA = path.join(DB_DIR, 'prisma');
const url = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/**
 * Indexes only the migrations make, on purpose (Prisma's schema cannot say them):
 * name → why. The test also fails if one disappears, so the list stays true.
 */
const HAND_WRITTEN_INDEXES: Record<string, string> = {};

const suffix = randomBytes(4).toString('hex');
const scratch = { migrations: `drift_migrations_${suffix}`, schema: `drift_schema_${suffix}` };
const admin = () => new pg.Client({ ...pgConfigFromUrl(url), database: 'postgres' });

async function withDb<T>(database: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ ...pgConfigFromUrl(url), database });
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}

/** Everything Prisma models about a database, one line per thing, sorted. */
async function catalog(database: string): Promise<string[]> {
  return withDb(database, async (c) => {
    const rows = async (sql: string) => (await c.query<{ l: string }>(sql)).rows.map((r) => r.l);
    const lines = [
      ...(await rows(`
        SELECT format('column %s.%s %s null=%s default=%s', table_name, column_name,
                      udt_name, is_nullable, coalesce(column_default, '-')) AS l
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`)),
      ...(await rows(`
        SELECT format('index %s', indexdef) AS l FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`)),
      ...(await rows(`
        SELECT format('constraint %s.%s %s', t.relname, k.conname, pg_get_constraintdef(k.oid)) AS l
        FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public' AND k.contype IN ('p', 'u', 'f')
          AND t.relname <> '_prisma_migrations'`)),
      ...(await rows(`
        SELECT format('enum %s %s', t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)) AS l
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
        JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' GROUP BY t.typname`)),
    ];
    return lines.sort();
  });
}

afterAll(async () => {
  const c = admin();
  await c.connect();
  for (const d of Object.values(scratch))
    await c.query(`DROP DATABASE IF EXISTS "${d}" WITH (FORCE)`);
  await c.end();
});

describe('migrations and the schema', () => {
  it('build the same database (no drift)', async () => {
    const c = admin();
    await c.connect();
    for (const d of Object.values(scratch)) await c.query(`CREATE DATABASE "${d}"`);
    await c.end();

    // the migrations, in order, as `migrate deploy` applies them
    const dirs = (await readdir(MIGRATIONS, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    await withDb(scratch.migrations, async (db) => {
      for (const dir of dirs)
        await db.query(await readFile(path.join(MIGRATIONS, dir, 'migration.sql'), 'utf8'));
    });

    // Prisma's own SQL for the schema
    const { stdout: sql } = await promisify(execFile)(
      'pnpm',
      [
        'exec',
        'prisma',
        'migrate',
        'diff',
        '--from-empty',
        '--to-schema-datamodel',
        SCHEMA,
        '--script',
      ],
      { cwd: DB_DIR, env: { ...process.env, DATABASE_URL: url }, maxBuffer: 16 * 1024 * 1024 },
    );
    expect(sql).toContain('CREATE TABLE');
    await withDb(scratch.schema, (db) => db.query(sql));

    const [fromMigrations, fromSchema] = await Promise.all([
      catalog(scratch.migrations),
      catalog(scratch.schema),
    ]);
    expect(fromSchema.length).toBeGreaterThan(100); // the schema's tables really were built
    const inSchema = new Set(fromSchema);
    const inMigrations = new Set(fromMigrations);
    const handWritten = (l: string) =>
      Object.keys(HAND_WRITTEN_INDEXES).some(
        (name) => l.startsWith(`index CREATE `) && l.includes(` "${name}" `),
      );
    expect({
      onlyInMigrations: fromMigrations.filter((l) => !inSchema.has(l) && !handWritten(l)),
      onlyInSchema: fromSchema.filter((l) => !inMigrations.has(l)),
    }).toEqual({ onlyInMigrations: [], onlyInSchema: [] });
    for (const name of Object.keys(HAND_WRITTEN_INDEXES))
      expect(
        fromMigrations.some((l) => l.includes(` "${name}" `)),
        name,
      ).toBe(true);
  }, 120_000);
});
