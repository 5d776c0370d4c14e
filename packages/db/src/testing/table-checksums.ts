import type { Db } from '../client';

/** Per table: its row count and a hash of every row's text form ("count:hash"). */
export type TableChecksums = Record<string, string>;

/**
 * A fingerprint of every table of the database (but Prisma's migration log): any
 * insert, update or delete changes it. Meant for a database of its own (see
 * TestDatabase.clone), where no other test writes meanwhile.
 */
export async function tableChecksums(db: Db): Promise<TableChecksums> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'
        and table_name <> '_prisma_migrations' order by table_name`,
  );
  if (tables.length === 0) return {};
  const sql = tables
    .map(
      ({ name }) =>
        `select '${name}' as name, count(*)::text || ':' || coalesce(sum(hashtext(t::text)::bigint), 0)::text as sum from "${name}" t`,
    )
    .join(' union all ');
  const rows = await db.$queryRawUnsafe<{ name: string; sum: string }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.name, r.sum]));
}

/** Tables whose fingerprint differs between two checksums. */
export function changedTables(before: TableChecksums, after: TableChecksums): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n] !== after[n]).sort();
}
