/**
 * Several writes sent as ONE statement: each a data-modifying CTE (run once, to the end,
 * whether or not anything reads it), then `last`, the statement's own query. A statement
 * costs a round trip and ~0.1 ms of CPU on each side (docs/perf.md, "One statement for a
 * write"); the market's batch wrote eight, a placement into a bag up to four a stack.
 *
 * What the writes may and may not do (PostgreSQL's rules for data-modifying CTEs): they
 * all see the database as it was when the statement began, not each other's rows; no row
 * may be written by two of them; foreign keys and the item-reservation trigger are
 * checked as they would be for separate statements, at the statement's end or per row.
 */
import { Prisma } from '@necp/db';
import type { Tx } from './deps';

/**
 * The writes as CTEs named w0, w1 …, ahead of `last` (a query that may read them).
 * `named`: writes that come as CTEs named already, several of them reading each other
 * (notifications/notifications.ts notifyAllWrites), put before the others.
 */
export function withWrites(
  writes: readonly Prisma.Sql[],
  last: Prisma.Sql,
  named: readonly Prisma.Sql[] = [],
): Prisma.Sql {
  if (writes.length === 0 && named.length === 0) return last;
  const ctes = writes.map((w, i) => Prisma.sql`${Prisma.raw(`w${i}`)} AS (${w})`);
  return Prisma.sql`WITH ${Prisma.join([...named, ...ctes], ',\n')} ${last}`;
}

/** Runs the writes as one statement; its rows are `last`'s (nothing, by default). */
export async function writeAtOnce<T = unknown>(
  tx: Tx,
  writes: readonly Prisma.Sql[],
  last?: Prisma.Sql,
): Promise<T[]> {
  if (!last && writes.length === 0) return [];
  return tx.$queryRaw<T[]>(withWrites(writes, last ?? Prisma.sql`SELECT 1 WHERE false`));
}
