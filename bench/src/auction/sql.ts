/**
 * The pg pool under a client made by createDb (it rides on the client under the
 * registry symbol read-rows.ts sets): bulk inserts with array parameters, the
 * statements as Prisma sends them (Prisma's pg adapter runs every statement outside a
 * transaction as `pool.query({ text, values })`), and EXPLAIN of those.
 */
import type { Db } from '@necp/db';

export interface PoolQuery {
  text: string;
  values?: unknown[];
}
export interface SqlPool {
  query(q: PoolQuery): Promise<{ rows: Record<string, unknown>[]; rowCount: number | null }>;
}

const POOL = Symbol.for('necp.db.pool');

export function poolOf(db: Db): SqlPool {
  const pool = (db as unknown as Record<symbol, SqlPool | undefined>)[POOL];
  if (!pool) throw new Error('the client was not made by createDb');
  return pool;
}

/** One statement as the pool received it. */
export interface Captured {
  text: string;
  values: unknown[];
}

/**
 * Runs `fn` and returns what it did plus every statement it sent through the pool
 * (one caller at a time: the pool's `query` is swapped while `fn` runs).
 */
export async function captureStatements<T>(
  db: Db,
  fn: () => Promise<T>,
): Promise<{ result: T; statements: Captured[] }> {
  const pool = poolOf(db);
  const original = pool.query;
  const own = Object.hasOwn(pool, 'query');
  const statements: Captured[] = [];
  pool.query = function (this: SqlPool, q: PoolQuery) {
    if (typeof q === 'object' && q !== null && typeof q.text === 'string')
      statements.push({ text: q.text, values: [...(q.values ?? [])] });
    return original.call(this, q);
  };
  try {
    return { result: await fn(), statements };
  } finally {
    if (own) pool.query = original;
    else delete (pool as Partial<SqlPool>).query;
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of a captured statement, with its own parameters. */
export async function explainAnalyze(db: Db, s: Captured): Promise<string[]> {
  const res = await poolOf(db).query({
    text: `EXPLAIN (ANALYZE, BUFFERS) ${s.text}`,
    values: s.values,
  });
  return res.rows.map((r) => String(r['QUERY PLAN']));
}

/** "Execution Time: 1.234 ms" of an EXPLAIN ANALYZE, in ms (NaN when missing). */
export function executionMs(plan: readonly string[]): number {
  for (const line of plan) {
    const m = /Execution Time: ([\d.]+) ms/.exec(line);
    if (m) return Number(m[1]);
  }
  return NaN;
}
