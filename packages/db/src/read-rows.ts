/**
 * One-statement reads on the hottest paths (the session check of every signed-in
 * request, inventory.get) straight through the pool Prisma's adapter uses, as named
 * prepared statements. The same statement through `$queryRaw` costs ~0.6 ms of CPU
 * in Prisma's client engine; through pg ~0.15 ms, ~0.07 ms once prepared
 * (docs/perf.md, "The web tier"). Reads only, outside transactions: a transaction's
 * statements must stay on its own connection (`tx`).
 */
import pg from 'pg';
import type { Db } from './client';

export interface RowQuery {
  /** the prepared statement's name: one per distinct text */
  name: string;
  /** SQL with $1, $2 … placeholders */
  text: string;
  values: unknown[];
}

const pools = new WeakMap<Db, pg.Pool>();

/** Called by createDb: the pool its adapter was given. */
export function rememberPool(db: Db, pool: pg.Pool): void {
  pools.set(db, pool);
}

const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;

/**
 * Prisma's columns are `timestamp(3)` without time zone, holding UTC (what Prisma
 * writes and reads). pg would read them in the process's local zone.
 */
const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === TIMESTAMP) return (s: string) => new Date(`${s.replace(' ', 'T')}Z`);
    if (oid === TIMESTAMPTZ) return (s: string) => new Date(s);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/**
 * The rows of one statement (unvalidated: parse them). A client not made by createDb
 * (none in this repository) falls back to `$queryRawUnsafe` with the same values.
 */
export async function readRows(db: Db, q: RowQuery): Promise<unknown[]> {
  const pool = pools.get(db);
  if (!pool) return db.$queryRawUnsafe<unknown[]>(q.text, ...q.values);
  const res = await pool.query({ name: q.name, text: q.text, values: q.values, types });
  return res.rows;
}
