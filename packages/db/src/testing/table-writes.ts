import type { Db } from '../client';

/**
 * Which tables a database's transactions wrote, for the fuzz suites on databases of their
 * own (they assert that a refused call wrote nothing). A row trigger on every table (but
 * Prisma's migration log) appends the table's name to "_TableWrite" in the writer's own
 * transaction — a rolled-back write leaves no line, a committed one its table's — and a
 * TRUNCATE trigger does the same. Reading what was written since a mark is one statement,
 * where the checksum of every row of every table it replaces took 15–40 ms, twice for every
 * valid call of the fuzz. Marks are ids, handed out at insert, not at commit: the suites'
 * calls run one after another, so no write commits behind a later mark.
 */
export async function watchTableWrites(db: Db): Promise<void> {
  await db.$executeRawUnsafe(
    `CREATE TABLE IF NOT EXISTS "_TableWrite" ("id" bigserial PRIMARY KEY, "table" text NOT NULL)`,
  );
  await db.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION "_table_write"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO "_TableWrite" ("table") VALUES (TG_TABLE_NAME);
      RETURN NULL;
    END $$`);
  await db.$executeRawUnsafe(`
    DO $$
    DECLARE t text;
    BEGIN
      FOR t IN SELECT tablename FROM pg_tables
        WHERE schemaname = current_schema()
          AND tablename NOT IN ('_prisma_migrations', '_TableWrite')
      LOOP
        EXECUTE format('DROP TRIGGER IF EXISTS "_table_write_rows" ON %I', t);
        EXECUTE format('DROP TRIGGER IF EXISTS "_table_write_truncate" ON %I', t);
        EXECUTE format('CREATE TRIGGER "_table_write_rows" AFTER INSERT OR UPDATE OR DELETE ON %I
          FOR EACH ROW EXECUTE FUNCTION "_table_write"()', t);
        EXECUTE format('CREATE TRIGGER "_table_write_truncate" AFTER TRUNCATE ON %I
          FOR EACH STATEMENT EXECUTE FUNCTION "_table_write"()', t);
      END LOOP;
    END $$`);
}

/** Where the log of writes stands now (watchTableWrites first). */
export async function tableWriteMark(db: Db): Promise<bigint> {
  const [row] = await db.$queryRawUnsafe<{ mark: bigint }[]>(
    `SELECT COALESCE(max("id"), 0)::bigint AS "mark" FROM "_TableWrite"`,
  );
  return row?.mark ?? 0n;
}

/** The tables written by transactions committed since `mark`, by name. */
export async function tablesWrittenSince(db: Db, mark: bigint): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ table: string }[]>(
    `SELECT DISTINCT "table" FROM "_TableWrite" WHERE "id" > $1 ORDER BY "table"`,
    mark,
  );
  return rows.map((r) => r.table);
}
