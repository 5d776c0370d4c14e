/**
 * One-statement reads on the hottest paths (the session check of every signed-in
 * request, inventory.get) straight through the pool Prisma's adapter uses, as named
 * prepared statements. The same statement through `$queryRaw` costs ~0.6 ms of CPU
 * in Prisma's client engine; through pg ~0.15 ms, ~0.07 ms once prepared
 * (docs/perf.md, "The web tier"). Reads only, outside transactions: a transaction's
 * statements must stay on its own connection (`tx`).
 */
import pg from 'pg';
import type { Db } from './db-types';
import { timestampParser } from './pg-types';

export interface RowQuery {
  /** the prepared statement's name: one per distinct text */
  name: string;
  /** SQL with $1, $2 … placeholders */
  text: string;
  values: unknown[];
}

/**
 * The pool rides on the client under a registry symbol, not in a module-level map:
 * Next bundles each route separately, so this module can exist several times in one
 * process while the client (kept on globalThis by the web's getDeps) is shared.
 */
const POOL = Symbol.for('necp.db.pool');
type WithPool = { [POOL]?: pg.Pool };

/** The pool of a client made by createDb (undefined for any other client). */
export const poolOf = (db: unknown): pg.Pool | undefined => (db as WithPool)[POOL];

/** Called by createDb: the pool its adapter was given. */
export function rememberPool(db: Db, pool: pg.Pool): void {
  (db as WithPool)[POOL] = pool;
}

/** UTC timestamps (pg-types.ts); everything else as pg reads it (readRows, after-commit.ts). */
export const rowTypes = {
  getTypeParser(oid: number, format?: string) {
    return timestampParser(oid) ?? pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/** The rows of one statement (unvalidated: parse them). `db` must come from createDb. */
export async function readRows(db: Db, q: RowQuery): Promise<unknown[]> {
  const pool = (db as WithPool)[POOL];
  // loud, not a silent slow path: a fallback here once hid exactly the cost this saves
  if (!pool) throw new Error('readRows: the client was not made by createDb');
  const res = await pool.query({ name: q.name, text: q.text, values: q.values, types: rowTypes });
  return res.rows;
}
